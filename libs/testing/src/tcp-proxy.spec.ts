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
});
