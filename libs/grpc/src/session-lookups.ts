import type { ChatSession } from '@parley/contracts';
import { batchedCall } from './batched-call';
import type { CallContext } from './call-metadata';
import type { GetSessionRequest } from './generated/parley/session/v1/GetSessionRequest';
import { sessionFromProto } from './mappers/session.mapper';
import type { SessionClient } from './session.client';

/**
 * The session service's look-ups as a process makes them: those that arrive together leave as one
 * GetSessions call, each answered for its own caller (a service without it is asked one by one).
 * `self` is the calling process's own identity; `hop` names the batches in the metrics.
 */
export function sessionLookups(client: SessionClient, self: CallContext, hop: string): (caller: CallContext, request: GetSessionRequest) => Promise<ChatSession> {
  return batchedCall({
    self,
    hop,
    batch: async (items, context) => (await client.getSessions(items, context)).outcomes.map((o) => ({ value: o.session, error: o.error })),
    single: async (request: GetSessionRequest, caller) => sessionFromProto(await client.getSession(request.session_id ?? '', caller, request.include_queue_position ?? false)),
    fromWire: sessionFromProto,
  });
}
