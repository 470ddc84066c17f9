import http from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { writeUpgradeWithOpenPacket } from './upgrade-writes';
import { batchWebSocketWrites } from './websocket-flush';

describe('a WebSocket upgrade and its open packet', () => {
  let httpServer: http.Server;
  let io: Server;
  let url: string;
  let writes: string[][];
  const clients: ClientSocket[] = [];

  beforeAll(async () => {
    batchWebSocketWrites();
    httpServer = http.createServer();
    io = new Server(httpServer, { allowRequest: (request, callback) => callback(null, request.headers['x-refuse'] === undefined) });
    writeUpgradeWithOpenPacket(io);
    // Sees every upgrade's socket before anything is written to it: each system call, with its chunks.
    httpServer.prependListener('upgrade', (_request: http.IncomingMessage, tcp: NetSocket) => {
      const writev = tcp._writev?.bind(tcp);
      const write = tcp._write.bind(tcp);
      tcp._writev = (chunks, callback) => (writes.push(chunks.map((c) => String(c.chunk))), writev?.(chunks, callback));
      tcp._write = (chunk, encoding, callback) => (writes.push([String(chunk)]), write(chunk, encoding, callback));
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });
  beforeEach(() => (writes = []));
  afterAll(async () => {
    for (const client of clients) client.close();
    await io.close();
  });

  const open = (headers: Record<string, string> = {}) => {
    const client = connect(url, { transports: ['websocket'], extraHeaders: headers, reconnection: false });
    clients.push(client);
    return client;
  };

  it('leave in one system call, and the client connects', async () => {
    const client = open();
    await new Promise<void>((resolve, reject) => client.once('connect', resolve).once('connect_error', reject));

    const first = writes[0].join('');
    expect(first).toMatch(/^HTTP\/1\.1 101 Switching Protocols/);
    expect(first).toContain('0{"sid":');
  });

  it('a refused upgrade is answered at once, not held corked', async () => {
    const client = open({ 'x-refuse': '1' });
    const error = await new Promise<Error>((resolve) => client.once('connect_error', resolve));

    expect(error.message).toMatch(/websocket error/);
    expect(writes.flat().join('')).toMatch(/^HTTP\/1\.1 (400|403)/);
  });
});
