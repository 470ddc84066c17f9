import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket as TcpSocket } from 'node:net';
import { Server } from 'socket.io';
import { WireClient } from './wire-client';

/** A Socket.io server as the gateway configures one, with pings every 20 ms (a client that does not answer is dropped after 50). */
async function startServer(): Promise<{ io: Server; http: HttpServer; url: string }> {
  const http = createServer();
  const io = new Server(http, { pingInterval: 20, pingTimeout: 50 });
  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: string };
    if (auth.token === 'good') return next();
    next(Object.assign(new Error('Authentication failed'), { data: { code: 'UNAUTHENTICATED' } }));
  });
  io.on('connection', (socket) => {
    socket.on('join_session', (payload: { session_id: string }, ack: (answer: unknown) => void) => {
      socket.emit('session_joined', { session_id: payload.session_id });
      ack({ ok: true, data: { session_id: payload.session_id, user: (socket.handshake.auth as { user_id: string }).user_id } });
      socket.emit('new_message', { message: { seq: 7 } });
    });
    socket.on('leave', () => socket.disconnect(true));
    // An event sent without an ack: the server answers it with an event, as the gateway answers `typing`.
    socket.on('typing', (payload: { session_id: string }, ack?: unknown) => socket.emit('user_typing', { session_id: payload.session_id, had_ack: typeof ack === 'function' }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { io, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

describe('WireClient', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const clients: WireClient[] = [];

  beforeAll(async () => {
    server = await startServer();
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(async () => {
    await new Promise((resolve) => server.io.close(resolve));
  });

  const connect = async (auth: Record<string, unknown>, timeoutMs = 5000) => {
    const client = await WireClient.connect(server.url, auth, timeoutMs);
    clients.push(client);
    return client;
  };

  it('connects with its auth, gets the ack of an event and the events it listens to', async () => {
    const client = await connect({ token: 'good', user_id: 'u-1' });
    const messages: unknown[] = [];
    client.on('new_message', (data) => messages.push(data));
    const answer = await client.emitWithAck('join_session', { session_id: 's-1' }, 5000);
    expect(answer).toEqual({ ok: true, data: { session_id: 's-1', user: 'u-1' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(messages).toEqual([{ message: { seq: 7 } }]);
  });

  it('sends an event without an ack, and calls every listener of an event in the order they were added', async () => {
    const client = await connect({ token: 'good', user_id: 'u-5' });
    const heard: string[] = [];
    client.on('user_typing', (data) => heard.push(`first ${JSON.stringify(data)}`));
    client.on('user_typing', (data) => heard.push(`second ${JSON.stringify(data)}`));
    client.emit('typing', { session_id: 's-5' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const data = JSON.stringify({ session_id: 's-5', had_ack: false });
    expect(heard).toEqual([`first ${data}`, `second ${data}`]);
  });

  it('answers two acks in flight each with its own', async () => {
    const client = await connect({ token: 'good', user_id: 'u-2' });
    const answers = await Promise.all([client.emitWithAck('join_session', { session_id: 'a' }, 5000), client.emitWithAck('join_session', { session_id: 'b' }, 5000)]);
    expect(answers.map((a) => (a as { data: { session_id: string } }).data.session_id)).toEqual(['a', 'b']);
  });

  it("is refused with the server's connect_error message", async () => {
    await expect(connect({ token: 'bad' })).rejects.toThrow('connect_error: Authentication failed');
  });

  it('answers pings, so the server keeps it', async () => {
    const client = await connect({ token: 'good', user_id: 'u-3' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(client.emitWithAck('join_session', { session_id: 's-3' }, 5000)).resolves.toMatchObject({ ok: true });
  });

  it('fails what waits for an answer, and what comes after, once the server disconnects it', async () => {
    const client = await connect({ token: 'good', user_id: 'u-4' });
    const waiting = client.emitWithAck('leave', {}, 5000);
    await expect(waiting).rejects.toThrow('the connection closed');
    await expect(client.emitWithAck('join_session', { session_id: 's-4' }, 5000)).rejects.toThrow('the connection closed');
  });

  it('gives up a connect nobody answers after its timeout', async () => {
    const held: TcpSocket[] = [];
    const silent: TcpServer = createTcpServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      await expect(WireClient.connect(url, { token: 'good' }, 100)).rejects.toThrow('connect timed out');
    } finally {
      held.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
