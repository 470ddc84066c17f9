import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { ParleyClient } from './parley-client';

/**
 * accept_chat against a bare Socket.io server that accepts but could not join the socket to the
 * chat (`joined: false`, as the gateway answers when presence is unreachable): the client joins itself.
 */
describe('ParleyClient.acceptChat when the server could not join it', () => {
  let httpServer: http.Server;
  let io: Server;
  let client: ParleyClient;
  const joins: unknown[] = [];
  let joinAnswer: 'ok' | 'fail' = 'ok';
  const session = { id: 's-1', status: 'active', agent_id: 'a-1' };

  beforeAll(async () => {
    httpServer = http.createServer();
    io = new Server(httpServer);
    io.on('connection', (socket) => {
      socket.on('accept_chat', (_payload: unknown, ack: (answer: unknown) => void) => {
        ack({ ok: true, data: { session, agent_id: 'a-1', agent_name: 'Ana', joined: false } });
      });
      socket.on('join_session', (payload: unknown, ack: (answer: unknown) => void) => {
        joins.push(payload);
        if (joinAnswer === 'fail') {
          ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'The presence service is unavailable', event: 'join_session' } });
          return;
        }
        socket.emit('session_joined', { session, messages: [] });
        ack({ ok: true, data: { session, messages: [] } });
      });
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    client = new ParleyClient({ url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, token: 'any', transports: ['websocket'] });
    await client.connect();
  });
  afterAll(async () => {
    client.disconnect();
    await new Promise((resolve) => io.close(resolve));
  });
  beforeEach(() => joins.splice(0));

  it('joins the chat itself and answers the accept', async () => {
    const joined: unknown[] = [];
    client.on('session_joined', (event) => joined.push(event));
    await expect(client.acceptChat('s-1')).resolves.toMatchObject({ agent_id: 'a-1', session: { id: 's-1' } });
    expect(joins).toEqual([{ session_id: 's-1' }]);
    expect(joined).toHaveLength(1);
  });

  it('still answers the accept when its own join fails, and tells the failure as a server_error', async () => {
    joinAnswer = 'fail';
    const failures: Array<{ code: string }> = [];
    client.on('server_error', (error) => failures.push(error as { code: string }));
    await expect(client.acceptChat('s-1')).resolves.toMatchObject({ agent_id: 'a-1' });
    expect(joins).toHaveLength(1);
    expect(failures.map((f) => f.code)).toEqual(['UNAVAILABLE']);
  });
});
