import { SYSTEM_IDENTITY } from '@parley/contracts';
import type { MessageClient } from '@parley/grpc';
import type { AnswerLedger } from '../domain/assignment.ports';

/** Asks the message service which assigned agents have written since they got their chat. */
export function createAnswerLedger(client: MessageClient): AnswerLedger {
  return {
    answered: (checks) => client.listAnsweredSessions(checks, { identity: SYSTEM_IDENTITY }),
  };
}
