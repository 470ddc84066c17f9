import * as grpc from '@grpc/grpc-js';
import pino from 'pino';
import { BalancedCallStreams } from './balanced-call-streams';
import { CallStreamChannel } from './call-stream.client';
import { toMetadata } from './call-metadata';
import type { CallStreamClient } from './generated/parley/calls/v1/CallStream';
import type { SessionServiceHandlers } from './generated/parley/session/v1/SessionService';
import { GrpcServer, unary } from './grpc-server';
import { internalClientOptions } from './internal-auth';
import { callsProto, sessionProto, SERVICE_NAMES } from './proto-loader';

jest.setTimeout(30_000);

const TOKEN = 'the-internal-token-of-this-test';
const silent = pino({ level: 'silent' });
const metadata = toMetadata({ identity: { userId: 'u-1', role: 'customer', name: 'Cleo' } });
const GetSession = sessionProto().SessionService.service.GetSession as grpc.MethodDefinition<unknown, unknown>;

/** An instance that answers GetSession with its own name as the subject. */
async function instance(name: string) {
  const server = new GrpcServer(silent, TOKEN);
  const handlers = { GetSession: unary(silent, async (request: { session_id: string }) => ({ id: request.session_id, subject: name, status: 'waiting' })) };
  server.addService(sessionProto().SessionService.service, handlers as unknown as SessionServiceHandlers, SERVICE_NAMES.session);
  return { server, target: `127.0.0.1:${await server.listen('127.0.0.1', 0)}` };
}

describe('call streams over the instances a name resolves to', () => {
  const Calls = callsProto().CallStream as unknown as new (address: string, credentials: grpc.ChannelCredentials, options: grpc.ClientOptions) => CallStreamClient;
  let resolved: string[];
  const opened: string[] = [];
  let streams: BalancedCallStreams;
  const servers: GrpcServer[] = [];

  beforeEach(() => {
    opened.length = 0;
    streams = new BalancedCallStreams(
      { kind: 'dns', name: 'session.test', port: 50051 },
      (target) => (opened.push(target), new CallStreamChannel(new Calls(target, grpc.credentials.createInsecure(), internalClientOptions(TOKEN)))),
      { resolveHost: async () => resolved, resolveEveryMs: 100 },
    );
  });
  afterEach(async () => {
    streams.close();
    await Promise.all(servers.splice(0).map((s) => s.stop(100)));
  });

  const served = (count: number) =>
    Promise.all(
      Array.from(
        { length: count },
        (_, i) =>
          new Promise<string>((resolve, reject) =>
            streams.call(GetSession, { session_id: `s-${i}` }, metadata, Date.now() + 5000, (error, response) => (error ? reject(error) : resolve((response as { subject: string }).subject))),
          ),
      ),
    );

  it('spreads calls over every instance, takes in one that appears and leaves one that goes', async () => {
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map(instance));
    servers.push(a.server, b.server, c.server);
    resolved = [a.target, b.target];
    const first = await served(20);
    expect(first.filter((n) => n === 'a')).toHaveLength(10);
    expect(first.filter((n) => n === 'b')).toHaveLength(10);

    // Scaled up: c appears in the name; the next look-up (at most 100 ms here) gives it calls.
    resolved = [a.target, b.target, c.target];
    await new Promise((resolve) => setTimeout(resolve, 150));
    await served(1);
    expect(new Set(await served(30))).toEqual(new Set(['a', 'b', 'c']));

    // Scaled down: a leaves the name; its stream ends, and no call goes there any more.
    resolved = [b.target, c.target];
    await new Promise((resolve) => setTimeout(resolve, 150));
    await served(1);
    expect(new Set(await served(30))).toEqual(new Set(['b', 'c']));
    expect(opened).toEqual([a.target, b.target, c.target]);
  });

  it('sends a call that reached no handler to the next instance: one whose server is gone', async () => {
    const [a, b] = await Promise.all(['a', 'b'].map(instance));
    servers.push(b.server);
    resolved = [a.target, b.target];
    await a.server.stop(100);
    // Nothing listens at a: every call is answered by b, none fails.
    expect(new Set(await served(10))).toEqual(new Set(['b']));
  });

  it('fails UNAVAILABLE when the name resolves to nothing', async () => {
    resolved = [];
    await expect(served(1)).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
  });
});
