import type { ParleyClient } from './parley-client';
import { startBareServer, type BareServer } from './testing/bare-server';

/**
 * accept_chat against a bare Socket.io server that accepts but could not join the socket to the
 * chat (`joined: false`, as the gateway answers when presence is unreachable): the client joins itself.
 */
describe('ParleyClient.acceptChat when the server could not join it', () => {
  let server: BareServer;
  let client: ParleyClient;
  const joins: unknown[] = [];
  let joinAnswer: 'ok' | 'fail' = 'ok';
  const session = { id: 's-1', status: 'active', agent_id: 'a-1' };

  beforeAll(async () => {
    server = await startBareServer((socket) => {
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
    client = server.client;
  });
  afterAll(() => server.close());
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
