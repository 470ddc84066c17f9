import { NaturalBatcher, settleEach, succeeded, type Outcome } from '@parley/batching';
import { AppError } from '@parley/errors';
import { callerToProto, itemErrorFromProto } from './batch-items';
import type { CallContext } from './call-metadata';
import type { ItemError__Output } from './generated/parley/batch/v1/ItemError';

/** One item of a batched call: whom it is for, and what it asks. */
export interface BatchItem<Req> {
  caller: CallContext;
  request: Req;
}

export interface BatchedCallOptions<Req, Wire, Res> {
  /** The batch RPC: items in, one answer per item out (a value in wire form, or the item's error). */
  batch(items: Array<{ caller: ReturnType<typeof callerToProto>; request: Req }>, context: CallContext): Promise<Array<{ value?: Wire | null; error?: ItemError__Output | null }>>;
  /** The unary RPC for one item: what a service of the previous version answers instead. */
  single(request: Req, caller: CallContext): Promise<Res>;
  fromWire(value: Wire): Res;
  /** The calling service's own identity, which the batch call itself carries. */
  self: CallContext;
  /** Names the hop in the batch metrics. */
  hop: string;
  /** How long a service that lacks the batch RPC is asked item by item before the batch is tried again. */
  retryBatchAfterMs?: number;
}

/** A service of the previous version answers a batch RPC it does not know with UNIMPLEMENTED. */
const isUnimplemented = (error: unknown) => error instanceof AppError && error.details?.grpcStatus === 'UNIMPLEMENTED';

/**
 * A unary RPC whose calls from all of a process (a gateway's sockets, a service's look-ups) leave in
 * batches (natural batching, one batch in flight, so one caller's calls keep their order), each
 * answered on its own. Against
 * a service without the batch RPC (a rolling deploy, docs/operations.md) it falls back to one call
 * per item for a while.
 */
export function batchedCall<Req, Wire, Res>(options: BatchedCallOptions<Req, Wire, Res>): (caller: CallContext, request: Req) => Promise<Res> {
  let itemByItemUntil = 0;
  const oneByOne = (items: BatchItem<Req>[]) => settleEach(items, (item) => options.single(item.request, item.caller));
  const batcher = new NaturalBatcher<BatchItem<Req>, Res>({
    hop: options.hop,
    maxBatchSize: 256,
    async run(items): Promise<Outcome<Res>[]> {
      if (Date.now() < itemByItemUntil) return oneByOne(items);
      let answers: Awaited<ReturnType<typeof options.batch>>;
      try {
        answers = await options.batch(
          items.map((item) => ({ caller: callerToProto(item.caller), request: item.request })),
          options.self,
        );
      } catch (error) {
        if (!isUnimplemented(error)) throw error;
        itemByItemUntil = Date.now() + (options.retryBatchAfterMs ?? 60_000);
        return oneByOne(items);
      }
      return answers.map((answer) =>
        answer.error ? { ok: false, error: itemErrorFromProto(answer.error) } : succeeded(options.fromWire(answer.value as Wire)),
      );
    },
  });
  return (caller, request) => batcher.submit({ caller, request });
}
