import http from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { batchWebSocketWrites, flushingSoon } from './websocket-flush';

describe('WebSocket flushes (corked, one per tick)', () => {
  let httpServer: http.Server;
  let io: Server;
  let client: ClientSocket;

  beforeAll(async () => {
    batchWebSocketWrites();
    batchWebSocketWrites(); // installing twice wraps once
    httpServer = http.createServer();
    io = new Server(httpServer);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const connected = new Promise<void>((resolve) => io.once('connection', () => resolve()));
    client = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, { transports: ['websocket'] });
    await connected;
  });
  afterAll(async () => {
    client.close();
    await io.close();
  });

  /** Counts the system calls (writes of one chunk or of many) to the server side of the client's TCP socket. */
  async function countWrites(): Promise<number[]> {
    const [server] = await io.fetchSockets();
    const tcp = (io.sockets.sockets.get(server.id)?.conn.transport as unknown as { socket: { _socket: NetSocket } }).socket._socket;
    const writes: number[] = [];
    const writev = tcp._writev?.bind(tcp);
    const write = tcp._write.bind(tcp);
    tcp._writev = (chunks, callback) => (writes.push(chunks.length), writev?.(chunks, callback));
    tcp._write = (chunk, encoding, callback) => (writes.push(1), write(chunk, encoding, callback));
    return writes;
  }

  it('writes what one tick emits to a socket in one system call, and the client gets it all in order', async () => {
    const writes = await countWrites();
    const received: number[] = [];
    const all = new Promise<void>((resolve) => client.on('tick', (n: number) => received.push(n) === 50 && resolve()));
    for (let n = 1; n <= 50; n++) io.emit('tick', n);
    await all;

    expect(received).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // 50 frames of two chunks each, in one writev.
    expect(writes).toEqual([100]);
  });

  it('sends what later ticks emit without waiting for anything, each tick its own write', async () => {
    const writes = await countWrites();
    const received: string[] = [];
    const all = new Promise<void>((resolve) => client.on('later', (what: string) => received.push(what) === 3 && resolve()));
    io.emit('later', 'a');
    await new Promise((resolve) => setImmediate(resolve));
    io.emit('later', 'b');
    io.emit('later', 'c');
    await all;

    expect(received).toEqual(['a', 'b', 'c']);
    expect(writes).toEqual([2, 4]);
  });

  it('writes what an event delivery emits as soon as it has run, ahead of the promise work queued after it', async () => {
    const writes = await countWrites();
    const received: string[] = [];
    const all = new Promise<void>((resolve) => client.on('soon', (what: string) => received.push(what) === 4 && resolve()));
    const seen: number[] = [];
    // Emitted in the middle of promise work, as the all-in-one's bus hands a message out while its
    // sender's answer is still on its way back.
    await Promise.resolve().then(() => {
      io.emit('soon', 'plain');
      void Promise.resolve().then(() => seen.push(writes.length));
    });
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.resolve().then(() => {
      flushingSoon(() => {
        io.emit('soon', 'delivered 1');
        io.emit('soon', 'delivered 2');
      });
      void Promise.resolve().then(() => seen.push(writes.length));
      io.emit('soon', 'after');
    });
    await all;

    expect(received).toEqual(['plain', 'delivered 1', 'delivered 2', 'after']);
    // At the end of the tick, after the promise work; then as soon as the delivery returned, with the
    // emit of the same synchronous run after it.
    expect(seen).toEqual([0, 2]);
    expect(writes).toEqual([2, 6]);
  });

  it('closes a socket whose WebSocket is closing when it is sent something, without formatting an error stack', async () => {
    const [server] = await io.fetchSockets();
    const ws = (io.sockets.sockets.get(server.id)?.conn.transport as unknown as { socket: { close(): void } }).socket;
    const reason = new Promise<string>((resolve) => io.sockets.sockets.get(server.id)?.once('disconnect', resolve));
    const reconnected = new Promise<void>((resolve) => io.once('connection', () => resolve()));
    const formatted = jest.fn((error: Error) => error.message);
    const original = Error.prepareStackTrace;
    Error.prepareStackTrace = formatted;
    try {
      ws.close(); // closing: the close frame is sent, engine.io hears of it when the TCP socket closes
      server.emit('too late', 1);
      await expect(reason).resolves.toBe('transport error');
    } finally {
      Error.prepareStackTrace = original;
    }
    expect(formatted).not.toHaveBeenCalled();
    await reconnected; // the client's own reconnection, for the next test
  });

  it('still delivers what was emitted just before the server closes the socket', async () => {
    const [server] = await io.fetchSockets();
    const got = new Promise<string>((resolve) => client.once('goodbye', resolve));
    const closed = new Promise<string>((resolve) => client.once('disconnect', resolve));
    server.emit('goodbye', 'see you');
    server.disconnect(true);

    await expect(got).resolves.toBe('see you');
    await expect(closed).resolves.toBe('io server disconnect');
  });
});
