import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { metrics } from '@parley/metrics';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { paceUpgrades } from './upgrade-pacing';

/** One turn of the event loop: what the pacing scheduled at the end of this turn has run after it. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WebSocket handshakes begun a few per turn', () => {
  let server: http.Server;
  let begun: string[];

  beforeEach(() => {
    server = http.createServer();
    begun = [];
    server.on('upgrade', (request: http.IncomingMessage) => begun.push(request.url as string));
  });

  const upgrade = (url: string, socket = new PassThrough()) => {
    server.emit('upgrade', { url } as http.IncomingMessage, socket, Buffer.alloc(0));
    return socket;
  };

  const waitingGauge = async () => (await metrics.handshakesWaiting.get()).values[0]?.value;

  it('begins them in the order they came, at most the set number a turn, until none waits', async () => {
    paceUpgrades(server, 2);
    for (const url of ['/1', '/2', '/3', '/4', '/5']) upgrade(url);

    expect(begun).toEqual([]);
    expect(await waitingGauge()).toBe(5);
    await turn();
    expect(begun).toEqual(['/1', '/2']);
    expect(await waitingGauge()).toBe(3);
    await turn();
    expect(begun).toEqual(['/1', '/2', '/3', '/4']);
    await turn();
    expect(begun).toEqual(['/1', '/2', '/3', '/4', '/5']);
    expect(await waitingGauge()).toBe(0);

    upgrade('/6');
    await turn();
    expect(begun).toEqual(['/1', '/2', '/3', '/4', '/5', '/6']);
  });

  it('skips a client that went away while it waited, without spending a place on it', async () => {
    paceUpgrades(server, 2);
    upgrade('/1').destroy();
    upgrade('/2');
    upgrade('/3');

    await turn();
    expect(begun).toEqual(['/2', '/3']);
  });

  it('survives a waiting socket that fails, and hands the others over with no listener of its own left', async () => {
    paceUpgrades(server, 1);
    const failing = upgrade('/1');
    upgrade('/2');
    const waiting = upgrade('/3');
    const errorListeners = waiting.listenerCount('error');

    failing.emit('error', new Error('read ECONNRESET'));
    await turn();
    expect(failing.destroyed).toBe(true);
    expect(begun).toEqual(['/2']);
    await turn();
    expect(begun).toEqual(['/2', '/3']);
    expect(waiting.listenerCount('error')).toBe(errorListeners - 1);
  });
});

describe('a gateway pacing its handshakes', () => {
  let httpServer: http.Server;
  let io: Server;
  const clients: ClientSocket[] = [];

  beforeAll(async () => {
    httpServer = http.createServer();
    io = new Server(httpServer);
    paceUpgrades(httpServer, 1);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await io.close();
  });

  it('connects every client of a burst', async () => {
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    for (let i = 0; i < 20; i++) clients.push(connect(url, { transports: ['websocket'], reconnection: false, forceNew: true }));

    await Promise.all(clients.map((client) => new Promise<void>((resolve, reject) => client.once('connect', resolve).once('connect_error', reject))));
    expect(io.engine.clientsCount).toBe(20);
  });
});
