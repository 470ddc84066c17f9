import { z } from 'zod';
import { sessionIdSchema, validate, type Identity } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';

/** One question of the assigner: has this agent written in this chat since then? */
export interface AnswerCheck {
  session_id: string;
  agent_id: string;
  since: string;
}

export interface AnswerLedger {
  /** The session ids of the checks whose agent wrote a message in the chat at or after `since`. */
  answered(checks: AnswerCheck[]): Promise<string[]>;
}

/** How many chats one question may name: one assigner pass asks about its overdue chats at most. */
export const ANSWER_CHECKS_MAX = 500;

const checksSchema = z
  .array(
    z.strictObject({
      session_id: sessionIdSchema,
      agent_id: z.string().min(1, { message: 'agent_id must not be empty' }).max(128),
      since: z.iso.datetime({ offset: true, message: 'since must be an RFC 3339 time' }),
    }),
  )
  .max(ANSWER_CHECKS_MAX, { message: `at most ${ANSWER_CHECKS_MAX} checks at once` });

/** Which assigned agents have answered: asked by the session service (a service identity) only. */
export function createAnsweredSessionsService({ ledger }: { ledger: AnswerLedger }) {
  return {
    async answered(identity: Identity, input: unknown): Promise<string[]> {
      if (identity.role !== 'service') throw permissionDenied('Only Parley services ask which chats were answered');
      const checks = validate(checksSchema, input);
      return checks.length === 0 ? [] : ledger.answered(checks);
    },
  };
}

export type AnsweredSessionsService = ReturnType<typeof createAnsweredSessionsService>;
