import { randomUUID } from 'node:crypto';
import net from 'node:net';
import * as grpc from '@grpc/grpc-js';
import pino from 'pino';
import { AppError } from '@parley/errors';
import { GrpcServer, unary } from './grpc-server';
import { requireInternalToken } from './internal-auth';
import type { SessionServiceHandlers } from './generated/parley/session/v1/SessionService';
import { sessionProto, SERVICE_NAMES } from './proto-loader';
import { SessionClient } from './session.client';
import { serviceClient } from './local-services';
import { invoke } from './grpc-client';
import type { SessionServiceClient } from './generated/parley/session/v1/SessionService';
import type { Session__Output } from './generated/parley/session/v1/Session';

jest.setTimeout(30_000);

const TOKEN = 'the-internal-token-of-this-test';
const caller = { identity: { userId: 'u-1', role: 'customer' as const, name: 'Cléo' } };
const silent = pino({ level: 'silent' });

/**
 * The session methods these tests call: GetSession (safe to repeat) answers the caller's name,
 * CreateSession (not safe) the subject; a subject or id starting with "hang" waits until released,
 * "busy" is refused RESOURCE_EXHAUSTED. Counts what reached a handler, and whether it came over
 * the call stream (a grpc-js unary call has a peer; a frame of the stream does not).
 */
function sessionHandlers(seen: Array<{ method: string; streamed: boolean }>, hanging: Set<() => void>) {
  const wait = async (key: string) => {
    if (key.startsWith('busy')) throw new AppError('RESOURCE_EXHAUSTED', 'The service is busy');
    if (key.startsWith('hang')) await new Promise<void>((resolve) => hanging.add(resolve));
  };
  const track = <Req, Res>(method: string, handle: (request: Req, context: { identity: { name: string } }) => Promise<Res>) => {
    const handler = unary(silent, handle);
    return ((call: { getPeer?: unknown }, callback: never) => {
      seen.push({ method, streamed: typeof call.getPeer !== 'function' });
      handler(call as never, callback);
    }) as unknown as grpc.handleUnaryCall<Req, Res>;
  };
  return {
    GetSession: track('GetSession', async (request: { session_id: string }, { identity }) => (await wait(request.session_id), { id: request.session_id, subject: identity.name, status: 'waiting' })),
    CreateSession: track('CreateSession', async (request: { subject: string }) => (await wait(request.subject), { id: randomUUID(), subject: request.subject, status: 'waiting' })),
  } as unknown as SessionServiceHandlers;
}

/** A TCP relay in front of a port: dropping its connections is what a crash is to the client. */
async function relayTo(port: number) {
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ]) {
      sockets.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    port: (relay.address() as net.AddressInfo).port,
    drop: () => sockets.forEach((s) => s.destroy()),
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), relay.close(() => resolve()))),
  };
}

const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => null,
    (error: unknown) => error as AppError,
  );

describe('unary calls over one stream (parley.calls.v1.CallStream)', () => {
  const seen: Array<{ method: string; streamed: boolean }> = [];
  const hanging = new Set<() => void>();
  const release = () => (hanging.forEach((r) => r()), hanging.clear());
  let server: GrpcServer;
  let port: number;
  const closers: Array<{ close(): unknown }> = [];
  const client = (at = port) => {
    const made = new SessionClient(`127.0.0.1:${at}`, TOKEN);
    closers.push(made);
    return made;
  };

  beforeEach(async () => {
    seen.length = 0;
    server = new GrpcServer(silent, TOKEN);
    server.addService(sessionProto().SessionService.service, sessionHandlers(seen, hanging), SERVICE_NAMES.session);
    port = await server.listen('127.0.0.1', 0);
  });
  afterEach(async () => {
    release();
    for (const c of closers.splice(0)) await c.close();
    await server.stop(100);
  });

  it("answers many calls at once, each with its own answer and the caller's identity, all from the stream", async () => {
    const sessions = client();
    const ids = Array.from({ length: 50 }, (_, i) => `s-${i}`);
    const answers = await Promise.all(ids.map((id) => sessions.getSession(id, caller)));
    expect(answers.map((a) => a.id)).toEqual(ids);
    expect(answers.every((a) => a.subject === 'Cléo')).toBe(true);
    expect(seen).toHaveLength(50);
    expect(seen.every((s) => s.streamed)).toBe(true);
  });

  it('reports a refusal with its own code, and fails only that call', async () => {
    const sessions = client();
    const [busy, fine] = await Promise.all([failureOf(sessions.getSession('busy-1', caller)), sessions.getSession('s-ok', caller)]);
    expect(busy).toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: 'The service is busy' });
    expect(fine.id).toBe('s-ok');
  });

  it('fails a call past its deadline DEADLINE_EXCEEDED, and the stream goes on', async () => {
    const raw = serviceClient<SessionServiceClient>(sessionProto().SessionService, SERVICE_NAMES.session, `127.0.0.1:${port}`, TOKEN);
    closers.push(raw);
    const get = (id: string, deadlineMs: number) => invoke<Session__Output>('session', (m, o, cb) => raw.GetSession({ session_id: id }, m, o, cb), caller, deadlineMs);
    expect(await failureOf(get('hang-1', 200))).toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    expect((await get('s-after', 5000)).id).toBe('s-after');
  });

  it('refuses a stream without the internal token before any handler runs', async () => {
    const stranger = new SessionClient(`127.0.0.1:${port}`, 'not-the-token');
    closers.push(stranger);
    expect(await failureOf(stranger.getSession('s-1', caller))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(seen).toHaveLength(0);
  });

  it('after a dropped connection: a safe call is answered again, an unsafe one fails UNAVAILABLE, run once; new calls open a new stream', async () => {
    const relay = await relayTo(port);
    closers.push(relay);
    const sessions = client(relay.port);
    expect((await sessions.getSession('s-warm', caller)).id).toBe('s-warm');
    const read = sessions.getSession('hang-read', caller);
    const open = failureOf(sessions.createSession({ subject: 'hang-open' }, caller));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.map((s) => s.method)).toEqual(['GetSession', 'GetSession', 'CreateSession']);
    relay.drop();
    release();
    expect(await open).toMatchObject({ code: 'UNAVAILABLE' });
    // The read was retried on a new connection; its id still starts with hang: release it again.
    const answered = read.then((a) => a.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    expect(await answered).toBe('hang-read');
    expect(seen.filter((s) => s.method === 'CreateSession')).toHaveLength(1);
    expect((await sessions.createSession({ subject: 'Help' }, caller)).subject).toBe('Help');
  });

  it('a stopping server answers the calls it runs and ends the stream; a new server at the address takes the next calls', async () => {
    const sessions = client();
    const running = sessions.getSession('hang-stop', caller);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = server.stop(10_000);
    release();
    expect((await running).id).toBe('hang-stop');
    await stopped;
    expect(await failureOf(sessions.createSession({ subject: 'Nobody' }, caller))).toMatchObject({ code: 'UNAVAILABLE' });
    server = new GrpcServer(silent, TOKEN);
    server.addService(sessionProto().SessionService.service, sessionHandlers(seen, hanging), SERVICE_NAMES.session);
    await server.listen('127.0.0.1', port);
    // The channel connects again after its backoff (at most a second); until then calls fail fast, as unary ones do.
    let back: string | undefined;
    for (const until = Date.now() + 5000; !back && Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 100))) {
      back = await sessions.createSession({ subject: 'Back' }, caller).then((s) => s.subject, () => undefined);
    }
    expect(back).toBe('Back');
  });

  it('calls a server without the call stream (an older version) unary', async () => {
    const old = new grpc.Server({ interceptors: [requireInternalToken(TOKEN)] });
    const oldSeen: Array<{ method: string; streamed: boolean }> = [];
    old.addService(sessionProto().SessionService.service, sessionHandlers(oldSeen, hanging));
    const oldPort = await new Promise<number>((resolve, reject) => old.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
    closers.push({ close: () => old.forceShutdown() });
    const sessions = client(oldPort);
    expect((await sessions.getSession('s-old', caller)).id).toBe('s-old');
    expect((await sessions.createSession({ subject: 'Old' }, caller)).subject).toBe('Old');
    expect(oldSeen).toEqual([
      { method: 'GetSession', streamed: false },
      { method: 'CreateSession', streamed: false },
    ]);
  });
});
