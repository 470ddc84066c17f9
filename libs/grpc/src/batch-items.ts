import { settleEach } from '@parley/batching';
import { ROLES, type Identity } from '@parley/contracts';
import { AppError, isErrorCode, permissionDenied, unauthenticated } from '@parley/errors';
import type { Logger } from '@parley/logger';
import type { CallContext } from './call-metadata';
import type { Caller, Caller__Output } from './generated/parley/batch/v1/Caller';
import type { ItemError, ItemError__Output } from './generated/parley/batch/v1/ItemError';
import { DEPENDENCY_UNAVAILABLE, isDependencyUnavailable } from './unavailable';

/** A batch item's caller, as the batch carries it. */
export function callerToProto({ identity, requestId = identity.requestId }: CallContext): Caller {
  return { user_id: identity.userId, role: identity.role, name: identity.name, request_id: requestId ?? '' };
}

/** Roles an item may act as: a user's, or the sending service's own (e.g. a gateway's catch-up reads). */
const ITEM_ROLES: readonly string[] = [...ROLES, 'service'];

/** The identity an item acts as; a caller without a user or with an unknown role fails that item alone. */
export function callerFromProto(caller: Caller__Output | null): CallContext {
  if (!caller?.user_id || !ITEM_ROLES.includes(caller.role)) throw unauthenticated('The item carries no valid caller');
  const identity: Identity = { userId: caller.user_id, role: caller.role as Identity['role'], name: caller.name };
  if (caller.request_id) identity.requestId = caller.request_id;
  return { identity, requestId: identity.requestId };
}

/** Batches carry other users' items: only a service (a gateway) may send one. */
export function assertBatchCaller(context: CallContext): void {
  if (context.identity.role !== 'service') throw permissionDenied('Only services send batches');
}

/**
 * An item's failure on the wire, as a failed unary call would be (grpc-server.ts): an AppError as
 * it is; an unreachable dependency as UNAVAILABLE (try again); anything else logged here with its
 * stack and sent as INTERNAL with a generic message.
 */
export function itemErrorToProto(error: unknown, logger: Logger, method: string, requestId?: string): ItemError {
  if (error instanceof AppError) return { code: error.code, message: error.message, details_json: error.details ? JSON.stringify(error.details) : '' };
  if (isDependencyUnavailable(error)) {
    logger.warn({ err: (error as Error).message, method, requestId }, 'a dependency is unavailable');
    return { code: 'UNAVAILABLE', message: DEPENDENCY_UNAVAILABLE, details_json: '' };
  }
  logger.error({ err: error, method, requestId }, 'unexpected error in a batch item');
  return { code: 'INTERNAL', message: 'Internal error', details_json: '' };
}

export function itemErrorFromProto(error: ItemError__Output): AppError {
  const details = error.details_json ? (JSON.parse(error.details_json) as Record<string, unknown>) : undefined;
  return new AppError(isErrorCode(error.code) ? error.code : 'INTERNAL', error.message, details);
}

/**
 * A batch's items, each run for its own caller at once and answered on its own, in order: the
 * value's wire form, or the item's error (a bad caller fails its item alone).
 */
export async function answerEach<I extends { caller: Caller__Output | null }, O, W>(
  items: I[],
  work: (identity: Identity, item: I) => Promise<O>,
  toWire: (value: O) => W,
  logger: Logger,
  method: string,
): Promise<Array<{ value: W } | { error: ItemError }>> {
  const outcomes = await settleEach(items, async (item) => work(callerFromProto(item.caller).identity, item));
  return outcomes.map((outcome, i) => (outcome.ok ? { value: toWire(outcome.value) } : { error: itemErrorToProto(outcome.error, logger, method, items[i].caller?.request_id) }));
}
