import http from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { corkWebSocketFlushes } from './websocket-flush';

describe('WebSocket flushes (corked)', () => {
  let httpServer: http.Server;
  let io: Server;
  let client: ClientSocket;

  beforeAll(async () => {
    corkWebSocketFlushes();
    corkWebSocketFlushes(); // installing twice wraps once
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

  it('writes the events queued behind a write in one system call, and the client gets them all in order', async () => {
    const [server] = await io.fetchSockets();
    const tcp = (io.sockets.sockets.get(server.id)?.conn.transport as unknown as { socket: { _socket: NetSocket } }).socket._socket;
    const writes: number[] = [];
    const writev = tcp._writev?.bind(tcp);
    const write = tcp._write.bind(tcp);
    tcp._writev = (chunks, callback) => (writes.push(chunks.length), writev?.(chunks, callback));
    tcp._write = (chunk, encoding, callback) => (writes.push(1), write(chunk, encoding, callback));

    const received: number[] = [];
    const all = new Promise<void>((resolve) => client.on('tick', (n: number) => received.push(n) === 50 && resolve()));
    for (let n = 1; n <= 50; n++) io.emit('tick', n);
    await all;

    expect(received).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // The first event leaves at once; the 49 queued behind it leave together (a frame is two chunks).
    expect(writes.length).toBeLessThanOrEqual(3);
  });
});
