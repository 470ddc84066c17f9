import net from 'node:net';
import { TcpProxy } from './tcp-proxy';

function echoServer(): Promise<net.Server> {
  const server = net.createServer((socket) => socket.pipe(socket));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.once('error', reject);
  });
}

describe('TcpProxy', () => {
  it('passes bytes through, refuses while cut, and works again on the same port', async () => {
    const server = await echoServer();
    const proxy = new TcpProxy('127.0.0.1', (server.address() as net.AddressInfo).port);
    const port = await proxy.start();
    try {
      expect(await roundTrip(port, 'hello')).toBe('hello');
      await proxy.cut();
      await expect(roundTrip(port, 'anyone?')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(await proxy.restore()).toBe(port);
      expect(await roundTrip(port, 'back')).toBe('back');
    } finally {
      await proxy.stop();
      server.close();
    }
  });

  it('resets open connections but keeps accepting new ones', async () => {
    const server = await echoServer();
    const proxy = new TcpProxy('127.0.0.1', (server.address() as net.AddressInfo).port);
    const port = await proxy.start();
    try {
      const open = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => open.once('connect', resolve));
      const closed = new Promise((resolve) => open.once('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, 50));
      proxy.reset();
      await closed;
      expect(await roundTrip(port, 'still here')).toBe('still here');
    } finally {
      await proxy.stop();
      server.close();
    }
  });

  it('holds bytes back until release(), then passes them on in order, with the latency it is given', async () => {
    const server = await echoServer();
    const proxy = new TcpProxy('127.0.0.1', (server.address() as net.AddressInfo).port);
    const port = await proxy.start();
    try {
      proxy.setLatency(100);
      const startedAt = Date.now();
      expect(await roundTrip(port, 'slow')).toBe('slow');
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(190);
      proxy.setLatency(0);
      proxy.hold();
      let answered = false;
      const answer = roundTrip(port, 'held').then((text) => {
        answered = true;
        return text;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(answered).toBe(false);
      proxy.release();
      expect(await answer).toBe('held');
    } finally {
      await proxy.stop();
      server.close();
    }
  });

  it('connects each client to the first target that accepts', async () => {
    const server = await echoServer();
    const dead = new TcpProxy('127.0.0.1', 1);
    const deadPort = await dead.start();
    await dead.cut();
    const proxy = new TcpProxy('127.0.0.1', deadPort, [{ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port }]);
    const port = await proxy.start();
    try {
      expect(await roundTrip(port, 'failover')).toBe('failover');
    } finally {
      await proxy.stop();
      server.close();
    }
  });
});
