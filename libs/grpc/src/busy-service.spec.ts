import pino from 'pino';
import { AppError } from '@parley/errors';
import { GrpcServer, unary } from './grpc-server';
import type { MessageServiceHandlers } from './generated/parley/message/v1/MessageService';
import { MessageClient } from './message.client';
import { messageProto } from './proto-loader';

const TOKEN = 'busy-spec-internal-token';
const caller = { identity: { userId: 'u-1', role: 'customer' as const, name: 'Cleo' } };
const request = { session_id: '00000000-0000-4000-8000-000000000001', content: 'hi', message_type: 'text', temp_id: 't-1' };

/**
 * A message service whose database pool is saturated answers SendMessage RESOURCE_EXHAUSTED; the
 * caller (the gateway) must see that code, with the service's message, and must not retry it on its
 * own: the client retries later, told so by the gateway.
 */
describe('a service that answers RESOURCE_EXHAUSTED', () => {
  let server: GrpcServer;
  let client: MessageClient;
  let answer: AppError;
  let calls = 0;

  beforeAll(async () => {
    server = new GrpcServer(pino({ level: 'silent' }), TOKEN);
    const handlers = {
      SendMessage: unary(pino({ level: 'silent' }), async () => {
        calls += 1;
        throw answer;
      }),
    } as unknown as MessageServiceHandlers;
    server.addService(messageProto().MessageService.service, handlers, 'parley.message.v1.MessageService');
    client = new MessageClient(`127.0.0.1:${await server.listen('127.0.0.1', 0)}`, TOKEN);
  });
  afterAll(async () => {
    client.close();
    await server.stop(100);
  });
  beforeEach(() => {
    calls = 0;
  });

  const failureOf = async (call: Promise<unknown>): Promise<{ code: string; message: string; error: unknown }> => {
    try {
      await call;
    } catch (error) {
      return { code: (error as AppError).code, message: (error as AppError).message, error };
    }
    throw new Error('the call succeeded');
  };

  it('reaches the caller as an AppError RESOURCE_EXHAUSTED with the service message, tried once', async () => {
    answer = new AppError('RESOURCE_EXHAUSTED', 'The service is busy; try again shortly');
    const failure = await failureOf(client.sendMessage(request, caller));
    expect(failure.error).toBeInstanceOf(AppError);
    expect({ code: failure.code, message: failure.message }).toEqual({ code: 'RESOURCE_EXHAUSTED', message: 'The service is busy; try again shortly' });
    expect(calls).toBe(1);
  });

  it('unlike UNAVAILABLE, which the channel retries within the deadline', async () => {
    answer = new AppError('UNAVAILABLE', 'down');
    expect((await failureOf(client.sendMessage(request, caller))).code).toBe('UNAVAILABLE');
    expect(calls).toBe(3);
  });
});
