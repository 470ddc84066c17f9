import { randomUUID } from 'node:crypto';
import net from 'node:net';
import pino from 'pino';
import { AppError } from '@parley/errors';
import { GrpcServer, unary } from './grpc-server';
import type { SessionServiceHandlers } from './generated/parley/session/v1/SessionService';
import type { MessageServiceHandlers } from './generated/parley/message/v1/MessageService';
import type { SendItem } from './generated/parley/message/v1/SendItem';
import { HealthChecker } from './health.client';
import { MessageClient } from './message.client';
import { messageProto, sessionProto, SERVICE_NAMES } from './proto-loader';
import { SessionClient } from './session.client';

jest.setTimeout(30_000);

const TOKEN = 'the-internal-token-of-this-test';
const caller = { identity: { userId: 'u-1', role: 'customer' as const, name: 'Cleo' } };
const silent = pino({ level: 'silent' });

/** How an instance answers: normally, UNAVAILABLE (its database is away), or not at all until it is killed. */
type Mode = 'ok' | 'unavailable' | 'hang';

/**
 * One instance of a service with the session and message methods these tests call, counting what
 * reached its handlers. Clients reach it through a TCP relay, so killing it is what kill -9 is to
 * them: the connections drop without a word of HTTP/2.
 */
class Instance {
  readonly server = new GrpcServer(silent, TOKEN);
  readonly handled: string[] = [];
  readonly streamed: boolean[] = [];
  mode: Mode = 'ok';
  port = 0;
  private readonly hanging = new Set<() => void>();
  private readonly relay = net.createServer((client) => this.accept(client));
  private readonly sockets = new Set<net.Socket>();

  constructor(readonly name: string) {
    const answer = async <T>(method: string, value: () => T): Promise<T> => {
      this.handled.push(method);
      if (this.mode === 'unavailable') throw new AppError('UNAVAILABLE', 'The database cannot be reached');
      if (this.mode === 'hang') await new Promise<void>((resolve) => this.hanging.add(resolve));
      return value();
    };
    const session = {
      GetSession: unary(silent, (request: { session_id: string }) => answer('GetSession', () => ({ id: request.session_id, subject: this.name, status: 'waiting' }))),
      CreateSession: unary(silent, () => answer('CreateSession', () => ({ id: randomUUID(), subject: this.name, status: 'waiting' }))),
    } as unknown as SessionServiceHandlers;
    const message = {
      SendMessages: unary(silent, (request: { items: SendItem[] }) => answer('SendMessages', () => ({ outcomes: request.items.map(() => ({ sent: { message: { id: this.name } } })) }))),
    } as unknown as MessageServiceHandlers;
    // Whether each call came as a frame of a call stream (a grpc-js unary call has a peer).
    const viaStream = (handlers: Record<string, (call: { getPeer?: unknown }, callback: unknown) => void>) =>
      Object.fromEntries(
        Object.entries(handlers).map(([name, handle]) => [
          name,
          (call: { getPeer?: unknown }, callback: unknown) => {
            this.streamed.push(typeof call.getPeer !== 'function');
            handle(call, callback);
          },
        ]),
      );
    this.server.addService(sessionProto().SessionService.service, viaStream(session as never) as unknown as SessionServiceHandlers, SERVICE_NAMES.session);
    this.server.addService(messageProto().MessageService.service, message, SERVICE_NAMES.message);
  }

  private serverPort = 0;

  async start(): Promise<this> {
    this.serverPort = await this.server.listen('127.0.0.1', 0);
    await new Promise<void>((resolve) => this.relay.listen(0, '127.0.0.1', resolve));
    this.port = (this.relay.address() as net.AddressInfo).port;
    return this;
  }

  private accept(client: net.Socket): void {
    const upstream = net.connect(this.serverPort, '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ]) {
      this.sockets.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => to.destroy());
    }
  }

  /** Gone at once, as after kill -9: its connections drop with the calls it was handling, new ones are refused. */
  kill(): void {
    this.relay.close();
    this.sockets.forEach((socket) => socket.destroy());
  }

  async stop(): Promise<void> {
    this.kill();
    this.hanging.forEach((resolve) => resolve());
    await this.server.stop(100);
  }
}

describe('gRPC clients over several instances (round robin, retries where safe)', () => {
  let a: Instance;
  let b: Instance;
  let address: string;
  const closers: Array<{ close(): void }> = [];
  /** A client connected to both instances (until then round robin sends every call to the first one up). */
  const sessions = async () => {
    const client = new SessionClient(address, TOKEN);
    closers.push(client);
    const seen = new Set<string>();
    while (seen.size < 2) seen.add((await client.getSession('warm-up', caller)).subject);
    a.handled.length = 0;
    b.handled.length = 0;
    return client;
  };

  beforeEach(async () => {
    a = await new Instance('a').start();
    b = await new Instance('b').start();
    // One by IP, one by name: the list resolves each host.
    address = `127.0.0.1:${a.port},localhost:${b.port}`;
  });
  afterEach(async () => {
    closers.splice(0).forEach((c) => c.close());
    await Promise.all([a, b].map((i) => i.stop()));
  });

  const failureOf = (call: Promise<unknown>) =>
    call.then(
      () => null,
      (error: unknown) => error as AppError,
    );

  it('spreads calls over every instance of the list', async () => {
    const client = await sessions();
    const served = [];
    for (let i = 0; i < 20; i++) served.push((await client.getSession(`s-${i}`, caller)).subject);
    expect(served.filter((name) => name === 'a').length).toBeGreaterThanOrEqual(5);
    expect(served.filter((name) => name === 'b').length).toBeGreaterThanOrEqual(5);
    // Each as a frame of the stream to its instance.
    expect([...a.streamed, ...b.streamed].every(Boolean)).toBe(true);
  });

  it('reaches a service through a dns:/// name', async () => {
    // grpc-js's own resolver, every address of the name (localhost: 127.0.0.1, and ::1 where it exists, which refuses).
    const client = new SessionClient(`dns:///localhost:${a.port}`, TOKEN);
    closers.push(client);
    expect((await client.getSession('s-dns', caller)).subject).toBe('a');
  });

  it('fails UNAVAILABLE, without running anything, when a name resolves to no instance', async () => {
    const client = new SessionClient('dns:///no-such-service.invalid:50051', TOKEN);
    closers.push(client);
    expect(await failureOf(client.createSession({ subject: 'Help' }, caller))).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('answers reads from the survivor when an instance is killed, also the read it was handling', async () => {
    const client = await sessions();
    a.mode = 'hang';
    const reads = Array.from({ length: 6 }, (_, i) => client.getSession(`during-${i}`, caller));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.handled.filter((m) => m === 'GetSession').length).toBeGreaterThan(2);
    a.kill();
    const answers = await Promise.all(reads);
    expect(answers.map((s) => s.subject)).toEqual(answers.map(() => 'b'));
    for (let i = 0; i < 5; i++) expect((await client.getSession(`after-${i}`, caller)).subject).toBe('b');
  });

  it('retries a read answered UNAVAILABLE on the other instance', async () => {
    const client = await sessions();
    a.mode = 'unavailable';
    for (let i = 0; i < 10; i++) expect((await client.getSession(`s-${i}`, caller)).subject).toBe('b');
    expect(a.handled.filter((m) => m === 'GetSession').length).toBeGreaterThan(0);
  });

  it('never runs a call that is not safe to repeat twice: opening a chat fails UNAVAILABLE instead', async () => {
    const client = await sessions();
    a.mode = 'unavailable';
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => failureOf(client.createSession({ subject: 'Help' }, caller))));
    const failed = outcomes.filter((o) => o !== null);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f?.code === 'UNAVAILABLE')).toBe(true);
    // Each call ran once: a's failures were not tried again on b.
    expect(a.handled.length).toBe(failed.length);
    expect(b.handled.length).toBe(10 - failed.length);
  });

  it('does not repeat an open that the killed instance was handling', async () => {
    const client = await sessions();
    a.mode = 'hang';
    const opens = Array.from({ length: 6 }, () => failureOf(client.createSession({ subject: 'Help' }, caller)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const onA = a.handled.length;
    expect(onA).toBeGreaterThan(0);
    a.kill();
    const failed = (await Promise.all(opens)).filter((o) => o !== null);
    expect(failed.map((f) => f?.code)).toEqual(Array.from({ length: onA }, () => 'UNAVAILABLE'));
    expect(b.handled.length).toBe(6 - onA);
  });

  it('retries a batch of sends only when every item carries a temp_id (idempotent by key)', async () => {
    const messages = new MessageClient(address, TOKEN);
    closers.push(messages);
    a.mode = 'unavailable';
    const item = (temp_id: string): SendItem => ({ caller: { user_id: 'u-1', role: 'customer', name: 'Cleo' }, request: { session_id: randomUUID(), content: 'hi', temp_id } });
    for (let i = 0; i < 6; i++) {
      const answer = await messages.sendMessages([item(`t-${i}`), item(`u-${i}`)], caller);
      expect(answer.outcomes.map((o) => o.sent?.message?.id)).toEqual(['b', 'b']);
    }
    const before = a.handled.length + b.handled.length;
    const keyless = await Promise.all(Array.from({ length: 6 }, (_, i) => failureOf(messages.sendMessages([item(`k-${i}`), item('')], caller))));
    const failed = keyless.filter((o) => o !== null);
    expect(failed.length).toBeGreaterThan(0);
    expect(a.handled.length + b.handled.length - before).toBe(6);
  });

  it('reports a service ready while one of its instances serves', async () => {
    const checker = new HealthChecker(address);
    try {
      expect(await checker.isServing()).toBe(true);
      a.kill();
      expect(await checker.isServing()).toBe(true);
      b.kill();
      expect(await checker.isServing()).toBe(false);
    } finally {
      checker.close();
    }
  });
});
