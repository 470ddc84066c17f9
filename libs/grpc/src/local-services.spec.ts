import { Readable } from 'node:stream';
import pino from 'pino';
import { AppError } from '@parley/errors';
import { AttachmentClient } from './attachment.client';
import { clientStream, serverStream } from './grpc-streams';
import { GrpcServer, unary } from './grpc-server';
import { HealthChecker } from './health.client';
import { LocalServices } from './local-services';
import { attachmentProto, messageProto, presenceProto, SERVICE_NAMES } from './proto-loader';
import { MessageClient } from './message.client';
import { PresenceClient } from './presence.client';
import { callerToProto } from './batch-items';
import type { AttachmentServiceHandlers } from './generated/parley/attachment/v1/AttachmentService';
import type { MessageServiceHandlers } from './generated/parley/message/v1/MessageService';
import type { PresenceServiceHandlers } from './generated/parley/presence/v1/PresenceService';

const logger = pino({ level: 'silent' });
const caller = { identity: { userId: 'u-1', role: 'customer' as const, name: 'Cleo' }, requestId: 'r-1' };

/** Handlers that record what they were given, over the real wrappers every service uses. */
function messageHandlers(seen: unknown[]): Partial<MessageServiceHandlers> {
  return {
    ListMessages: unary(logger, async (request, context) => {
      seen.push({ request, context });
      if (request.session_id === 'refused') throw new AppError('PERMISSION_DENIED', 'Not yours');
      if (request.session_id === 'broken') throw new Error('select * from secrets');
      return { messages: [], has_more: true, last_seq: 7 };
    }),
  };
}

describe('LocalServices: the services of one process, called in process', () => {
  let local: LocalServices;
  let seen: unknown[];

  beforeEach(() => {
    local = new LocalServices();
    seen = [];
  });

  it('runs a unary call through the same handler, with the caller from metadata and the request as the wire gives it', async () => {
    local.register(SERVICE_NAMES.message, messageProto().MessageService.service, messageHandlers(seen));
    const client = new MessageClient('unused:1', 'token', local);
    const page = await client.listMessages({ session_id: 's-1', limit: 5 }, caller);
    expect(page).toEqual({ messages: [], has_more: true, last_seq: 7 });
    // Fields the caller left out arrive with their defaults, as over the wire.
    expect(seen).toEqual([
      {
        request: { session_id: 's-1', limit: 5, offset: 0, has_after_seq: false, after_seq: 0 },
        context: { identity: { ...caller.identity, requestId: 'r-1' }, requestId: 'r-1' },
      },
    ]);
  });

  it('answers errors as a remote call would: the code and message of an AppError, anything else INTERNAL', async () => {
    local.register(SERVICE_NAMES.message, messageProto().MessageService.service, messageHandlers(seen));
    const client = new MessageClient('unused:1', 'token', local);
    await expect(client.listMessages({ session_id: 'refused', limit: 5 }, caller)).rejects.toMatchObject({ code: 'PERMISSION_DENIED', message: 'Not yours' });
    await expect(client.listMessages({ session_id: 'broken', limit: 5 }, caller)).rejects.toMatchObject({ code: 'INTERNAL', message: 'Internal error' });
  });

  it('answers UNAVAILABLE for a service that is not running in the process, and finds one registered later', async () => {
    const client = new MessageClient('unused:1', 'token', local);
    await expect(client.listMessages({ session_id: 's-1', limit: 5 }, caller)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    local.register(SERVICE_NAMES.message, messageProto().MessageService.service, messageHandlers(seen));
    await expect(client.listMessages({ session_id: 's-1', limit: 5 }, caller)).resolves.toMatchObject({ last_seq: 7 });
  });

  it('streams an upload to a client-streaming handler and a download from a server-streaming one', async () => {
    const stored: Buffer[] = [];
    const handlers: Partial<AttachmentServiceHandlers> = {
      Upload: clientStream(logger, async (chunks) => {
        let name = '';
        for await (const chunk of chunks as AsyncIterable<{ info?: { file_name: string } | null; data?: Buffer | null }>) {
          if (chunk.info) name = chunk.info.file_name;
          if (chunk.data?.length) stored.push(chunk.data);
        }
        return { id: 'a-1', file_name: name, file_size: Buffer.concat(stored).length };
      }),
      Download: serverStream(logger, async (request) => {
        if (request.attachment_id === 'missing') throw new AppError('NOT_FOUND', 'No such file');
        async function* chunks() {
          yield { info: { file_name: 'note.txt', content_type: 'text/plain', size: 10 } };
          yield { data: Buffer.from('hello ') };
          yield { data: Buffer.from('world') };
        }
        return chunks();
      }),
    };
    local.register(SERVICE_NAMES.attachment, attachmentProto().AttachmentService.service, handlers);
    const client = new AttachmentClient('unused:1', 'token', local);

    const uploaded = await client.upload({ file_name: 'note.txt', declared_type: 'text/plain' }, Readable.from([Buffer.from('abc'), Buffer.from('def')]), caller);
    expect(uploaded).toMatchObject({ id: 'a-1', file_name: 'note.txt', file_size: 6 });
    expect(Buffer.concat(stored).toString()).toBe('abcdef');

    const download = await client.download({ attachment_id: 'a-1', thumbnail: false }, caller);
    expect(download.info).toEqual({ file_name: 'note.txt', content_type: 'text/plain', size: 10 });
    const body: Buffer[] = [];
    for await (const chunk of download.body) body.push(chunk as Buffer);
    expect(Buffer.concat(body).toString()).toBe('hello world');
    await expect(client.download({ attachment_id: 'missing', thumbnail: false }, caller)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("reaches a GrpcServer's services and its health in process", async () => {
    const server = new GrpcServer(logger, 'token-token-token-1', local);
    server.addService(messageProto().MessageService.service, messageHandlers(seen) as MessageServiceHandlers, SERVICE_NAMES.message);
    const health = new HealthChecker('unused:1', { services: local, serviceName: SERVICE_NAMES.message });
    expect(await health.isServing()).toBe(false);
    server.setServing('SERVING');
    expect(await health.isServing()).toBe(true);
    await expect(new MessageClient('unused:1', 'token', local).listMessages({ session_id: 's-1', limit: 1 }, caller)).resolves.toMatchObject({ last_seq: 7 });
  });

  it("carries a presence batch's items and answers each, a join's participants or an item's error", async () => {
    const handlers: Partial<PresenceServiceHandlers> = {
      JoinMany: unary(logger, async (request, context) => {
        seen.push({ callers: request.items.map((i) => i.caller?.user_id), context: context.identity.role });
        return {
          outcomes: request.items.map((i) =>
            i.socket?.session_id === 'mine' ? { joined: { participants: [{ user_id: i.caller?.user_id ?? '', role: 'customer', name: 'Cleo' }] } } : { error: { code: 'PERMISSION_DENIED', message: 'Not yours' } },
          ),
        };
      }),
      LeaveMany: unary(logger, async (request) => ({ outcomes: request.items.map((i) => (i.socket?.socket_id === 's-1' ? {} : { error: { code: 'INVALID_ARGUMENT', message: 'Bad socket' } })) })),
    };
    local.register(SERVICE_NAMES.presence, presenceProto().PresenceService.service, handlers);
    const client = new PresenceClient('unused:1', 'token', local);
    const gatewayCall = { identity: { userId: 'gateway:gw-a', role: 'service' as const, name: 'gateway' } };
    const items = [
      { caller: callerToProto(caller), socket: { gateway_id: 'gw-a', socket_id: 's-1', session_id: 'mine' } },
      { caller: callerToProto(caller), socket: { gateway_id: 'gw-a', socket_id: 's-2', session_id: 'theirs' } },
    ];
    const joined = await client.joinMany(items, gatewayCall);
    expect(joined.outcomes.map((o) => (o.outcome === 'joined' ? o.joined?.participants.map((p) => p.user_id) : o.error?.code))).toEqual([['u-1'], 'PERMISSION_DENIED']);
    expect(seen).toEqual([{ callers: ['u-1', 'u-1'], context: 'service' }]);
    const left = await client.leaveMany(items, gatewayCall);
    expect(left.outcomes.map((o) => o.error?.code ?? 'OK')).toEqual(['OK', 'INVALID_ARGUMENT']);
  });
});
