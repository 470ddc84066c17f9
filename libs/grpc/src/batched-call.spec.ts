import { AppError } from '@parley/errors';
import { batchedCall } from './batched-call';

const self = { identity: { userId: 'gateway:test', role: 'service' as const, name: 'gateway' } };
const caller = (userId: string) => ({ identity: { userId, role: 'customer' as const, name: userId }, requestId: `r-${userId}` });

/** A batch RPC by hand: records each batch, answers `n * 2`, refuses negative numbers item by item. */
function fakeService(options: { batchFails?: unknown } = {}) {
  const batches: Array<Array<{ caller: { user_id: string; request_id: string }; request: number }>> = [];
  const singles: number[] = [];
  const call = batchedCall<number, number, string>({
    self,
    hop: 'test.double',
    async batch(items, context) {
      expect(context).toBe(self);
      if (options.batchFails) throw options.batchFails;
      batches.push(items.map((i) => ({ caller: { user_id: i.caller.user_id ?? '', request_id: i.caller.request_id ?? '' }, request: i.request })));
      return items.map((i) => (i.request < 0 ? { error: { code: 'INVALID_ARGUMENT', message: `bad ${i.request}`, details_json: '{"field":"n"}' } } : { value: i.request * 2 }));
    },
    async single(request) {
      singles.push(request);
      return `one ${request}`;
    },
    fromWire: (value) => `twice ${value / 2}`,
  });
  return { batches, singles, call };
}

describe('batchedCall', () => {
  it("sends what arrives together as one call, each item with its own caller, and answers each its own", async () => {
    const service = fakeService();
    const answers = await Promise.all([service.call(caller('ana'), 1), service.call(caller('cleo'), 2)]);
    expect(answers).toEqual(['twice 1', 'twice 2']);
    expect(service.batches).toEqual([
      [
        { caller: { user_id: 'ana', request_id: 'r-ana' }, request: 1 },
        { caller: { user_id: 'cleo', request_id: 'r-cleo' }, request: 2 },
      ],
    ]);
  });

  it("fails an item the service refused with that item's code, message and details, and not its neighbours", async () => {
    const service = fakeService();
    const [bad, good] = await Promise.allSettled([service.call(caller('ana'), -1), service.call(caller('cleo'), 3)]);
    expect(bad).toEqual({ status: 'rejected', reason: new AppError('INVALID_ARGUMENT', 'bad -1', { field: 'n' }) });
    expect((bad as PromiseRejectedResult).reason.details).toEqual({ field: 'n' });
    expect(good).toEqual({ status: 'fulfilled', value: 'twice 3' });
  });

  it('fails every item of a batch whose call failed', async () => {
    const service = fakeService({ batchFails: new AppError('UNAVAILABLE', 'The message service is unavailable') });
    const results = await Promise.allSettled([service.call(caller('ana'), 1), service.call(caller('cleo'), 2)]);
    expect(results.map((r) => r.status === 'rejected' && (r.reason as AppError).code)).toEqual(['UNAVAILABLE', 'UNAVAILABLE']);
  });

  it('asks a service of the previous version, which lacks the batch RPC, item by item', async () => {
    const unimplemented = new AppError('INTERNAL', 'Internal error', { grpcStatus: 'UNIMPLEMENTED' });
    const service = fakeService({ batchFails: unimplemented });
    expect(await Promise.all([service.call(caller('ana'), 1), service.call(caller('cleo'), 2)])).toEqual(['one 1', 'one 2']);
    // And keeps doing so for a while, without trying the batch first.
    expect(await service.call(caller('ana'), 3)).toBe('one 3');
    expect(service.singles).toEqual([1, 2, 3]);
  });
});
