import { sessionFromProto, type SessionClient } from '@parley/grpc';
import type { SessionDirectory } from '../domain/attachment.ports';

/** Asks the session service, as the caller, whether the caller may see a session. */
export function createSessionDirectory(client: SessionClient): SessionDirectory {
  return {
    get: async (identity, sessionId) => sessionFromProto(await client.getSession(sessionId, { identity })),
  };
}
