import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<{ requestId?: string }>();

/**
 * The request id of the call being handled, carried through async work without passing it by
 * hand: the gateway makes it, gRPC metadata carries it, each service runs its handler inside it,
 * and events created meanwhile record it, so one id follows a request there and back.
 */
export const requestContext = {
  run<T>(requestId: string | undefined, work: () => T): T {
    return storage.run({ requestId }, work);
  },
  currentRequestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
};
