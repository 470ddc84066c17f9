import type { ChatSession, Identity } from '@parley/contracts';

/** The session service as the other services ask it: `get` answers a session the caller may see, or refuses. */
export interface SessionDirectory {
  get(identity: Identity, sessionId: string): Promise<ChatSession>;
}
