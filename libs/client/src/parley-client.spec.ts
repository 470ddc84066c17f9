import type { ParleyClient } from './parley-client';
import { startBareServer, type BareServer } from './testing/bare-server';

/**
 * The client against a bare Socket.io server that answers send_message as a busy gateway does:
 * `RESOURCE_EXHAUSTED` with `retry_after_ms`, then, once it has room again, the ack.
 */
describe('ParleyClient when the server is busy', () => {
  let server: BareServer;
  let client: ParleyClient;
  const tries: Array<{ temp_id: string; at: number }> = [];

  beforeAll(async () => {
    server = await startBareServer((socket) => {
      socket.on('send_message', (payload: { session_id: string; temp_id: string }, ack: (answer: unknown) => void) => {
        tries.push({ temp_id: payload.temp_id, at: Date.now() });
        if (tries.length <= 2) {
          const error = { code: 'RESOURCE_EXHAUSTED', message: 'The server is busy; try again in 1 s', event: 'send_message', temp_id: payload.temp_id, retry_after_ms: 60 };
          socket.emit('error', error);
          ack({ ok: false, error });
          return;
        }
        ack({ ok: true, data: { message_id: 'm-1', temp_id: payload.temp_id, sent_at: new Date().toISOString(), seq: 1, session_id: payload.session_id } });
      });
    });
    client = server.client;
  });
  afterAll(() => server.close());

  it('keeps the send pending and sends it again with the same temp_id no sooner than the server asked, until it is taken', async () => {
    const failures: unknown[] = [];
    client.on('server_error', (error) => failures.push(error));
    const sending = client.send('s-1', 'hello', { tempId: 'tmp-busy' });
    await new Promise((r) => setTimeout(r, 30));
    expect(client.pendingSends).toBe(1);
    await expect(sending).resolves.toMatchObject({ message_id: 'm-1', temp_id: 'tmp-busy' });
    expect(tries.map((t) => t.temp_id)).toEqual(['tmp-busy', 'tmp-busy', 'tmp-busy']);
    // What the server asked (60 ms) plus at most half again of jitter, not the client's own 1 s.
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(58);
    expect(tries[1].at - tries[0].at).toBeLessThan(500);
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(118);
    expect(client.pendingSends).toBe(0);
    expect(failures).toEqual([]);
  });
});
