import { once } from 'node:events';
import type * as grpc from '@grpc/grpc-js';
import type { Logger } from '@parley/logger';
import { fromMetadata, type CallContext } from './call-metadata';
import { toServiceError } from './grpc-server';

/**
 * A client-streaming handler: the domain gets the request messages as an async iterable (read
 * with backpressure, never collected) and answers once. Errors map as in `unary`.
 */
export function clientStream<Req, Res>(
  logger: Logger,
  handle: (requests: AsyncIterable<Req>, context: CallContext) => Promise<Res>,
): grpc.handleClientStreamingCall<Req, Res> {
  return (call, callback) => {
    let context: CallContext;
    try {
      context = fromMetadata(call.metadata);
    } catch (error) {
      call.destroy();
      callback(toServiceError(logger, error, call.getPath()));
      return;
    }
    handle(call as AsyncIterable<Req>, context).then(
      (response) => callback(null, response),
      (error: unknown) => callback(toServiceError(logger, error, call.getPath(), context.requestId)),
    );
  };
}

/**
 * A server-streaming handler: the domain answers an async iterable of messages, written with
 * backpressure. A client that goes away stops the iteration (so the source is closed).
 */
export function serverStream<Req, Res>(
  logger: Logger,
  handle: (request: Req, context: CallContext) => Promise<AsyncIterable<Res>>,
): grpc.handleServerStreamingCall<Req, Res> {
  return (call) => {
    let cancelled = false;
    call.once('cancelled', () => (cancelled = true));
    const fail = (error: unknown, requestId?: string) => call.emit('error', toServiceError(logger, error, call.getPath(), requestId));
    let context: CallContext;
    try {
      context = fromMetadata(call.metadata);
    } catch (error) {
      fail(error);
      return;
    }
    void (async () => {
      try {
        for await (const message of await handle(call.request, context)) {
          if (cancelled) break;
          if (!call.write(message)) await Promise.race([once(call, 'drain'), once(call, 'cancelled')]);
        }
        if (!cancelled) call.end();
      } catch (error) {
        if (!cancelled) fail(error, context.requestId);
      }
    })();
  };
}
