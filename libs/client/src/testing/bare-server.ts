import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { ParleyClient } from '../parley-client';

export interface BareServer {
  client: ParleyClient;
  url: string;
  close(): Promise<void>;
}

/**
 * A bare Socket.io server on a free port whose events `serve` answers by hand (a gateway's answers
 * in miniature), and a ParleyClient connected to it over WebSocket.
 */
export async function startBareServer(serve: (socket: Socket) => void): Promise<BareServer> {
  const httpServer = http.createServer();
  const io = new Server(httpServer);
  io.on('connection', serve);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const client = new ParleyClient({ url, token: 'any', transports: ['websocket'] });
  await client.connect();
  return {
    client,
    url,
    async close() {
      client.disconnect();
      await new Promise((resolve) => io.close(resolve));
    },
  };
}
