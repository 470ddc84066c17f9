import { ParleyClient } from './parley-client';
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

/** A gateway answers an acked send with the stored message and no echo; one of the previous version echoed it and answered without it. */
describe('ParleyClient sending', () => {
  const message = (id: string, tempId: string, seq: number) => ({
    id,
    session_id: 's-2',
    seq,
    sender_id: 'me',
    sender_role: 'customer',
    sender_name: 'Me',
    content: 'hello',
    message_type: 'text',
    temp_id: tempId,
    created_at: new Date().toISOString(),
    attachments: [],
    read_by: [],
  });
  const joined = (ack: (answer: unknown) => void) =>
    ack({ ok: true, data: { session: { id: 's-2' }, messages: [], participants: [], has_more: false, last_seq: 0 } });

  it('shows the sent message from the ack, once', async () => {
    const server = await startBareServer((socket) => {
      socket.on('join_session', (_payload: unknown, ack: (answer: unknown) => void) => joined(ack));
      socket.on('send_message', (payload: { temp_id: string }, ack: (answer: unknown) => void) => {
        const stored = message('m-new', payload.temp_id, 1);
        ack({ ok: true, data: { message_id: stored.id, temp_id: payload.temp_id, sent_at: stored.created_at, seq: 1, session_id: 's-2', message: stored } });
      });
    });
    try {
      const shown: string[] = [];
      server.client.on('message', (m) => shown.push(m.id));
      await server.client.join('s-2');
      const sent = await server.client.send('s-2', 'hello', { tempId: 't-new' });
      expect(sent).toEqual({ message_id: 'm-new', temp_id: 't-new', sent_at: expect.any(String), seq: 1, session_id: 's-2' });
      expect(shown).toEqual(['m-new']);
    } finally {
      await server.close();
    }
  });

  it('shows the acked message before a later one the gateway sent right after the ack', async () => {
    const server = await startBareServer((socket) => {
      socket.on('join_session', (_payload: unknown, ack: (answer: unknown) => void) => joined(ack));
      socket.on('send_message', (payload: { temp_id: string }, ack: (answer: unknown) => void) => {
        const stored = message('m-5', payload.temp_id, 5);
        // The ack, then at once another participant's next message: both in one read on the client.
        ack({ ok: true, data: { message_id: stored.id, temp_id: payload.temp_id, sent_at: stored.created_at, seq: 5, session_id: 's-2', message: stored } });
        socket.emit('new_message', { message: { ...message('m-6', 'theirs', 6), sender_id: 'agent' } });
      });
    });
    try {
      const shown: number[] = [];
      server.client.on('message', (m) => shown.push(m.seq));
      await server.client.join('s-2');
      await server.client.send('s-2', 'hello', { tempId: 't-5' });
      await new Promise((r) => setTimeout(r, 100));
      expect(shown).toEqual([5, 6]);
    } finally {
      await server.close();
    }
  });

  it('sends a private note as a message of type note', async () => {
    const sent: Array<{ message_type: string; content: string }> = [];
    const server = await startBareServer((socket) => {
      socket.on('join_session', (_payload: unknown, ack: (answer: unknown) => void) => joined(ack));
      socket.on('send_message', (payload: { temp_id: string; message_type: string; content: string }, ack: (answer: unknown) => void) => {
        sent.push({ message_type: payload.message_type, content: payload.content });
        ack({ ok: true, data: { message_id: 'm-note', temp_id: payload.temp_id, sent_at: new Date().toISOString(), seq: 1, session_id: 's-2' } });
      });
    });
    try {
      await server.client.join('s-2');
      await server.client.sendNote('s-2', 'Courier is late again');
      expect(sent).toEqual([{ message_type: 'note', content: 'Courier is late again' }]);
    } finally {
      await server.close();
    }
  });

  it('shows the echo of a gateway of the previous version once, too', async () => {
    const server = await startBareServer((socket) => {
      socket.on('join_session', (_payload: unknown, ack: (answer: unknown) => void) => joined(ack));
      socket.on('send_message', (payload: { temp_id: string }, ack: (answer: unknown) => void) => {
        const stored = message('m-old', payload.temp_id, 1);
        ack({ ok: true, data: { message_id: stored.id, temp_id: payload.temp_id, sent_at: stored.created_at, seq: 1, session_id: 's-2' } });
        socket.emit('new_message', { message: stored });
      });
    });
    try {
      const shown: string[] = [];
      server.client.on('message', (m) => shown.push(m.id));
      await server.client.join('s-2');
      await server.client.send('s-2', 'hello', { tempId: 't-old' });
      await new Promise((r) => setTimeout(r, 100));
      expect(shown).toEqual(['m-old']);
    } finally {
      await server.close();
    }
  });
});

/** The client's typing: throttled while keystrokes go on, stopped after a pause, never because a message was sent. */
describe('ParleyClient typing', () => {
  it('sends typing at most once per throttle window, no stop_typing on send, and stop_typing after a pause', async () => {
    const seen: Array<{ event: string; at: number }> = [];
    const started = Date.now();
    const server = await startBareServer((socket) => {
      for (const event of ['typing', 'stop_typing']) {
        socket.on(event, (payload: { session_id: string }, ack: (answer: unknown) => void) => {
          seen.push({ event, at: Date.now() - started });
          ack({ ok: true, data: payload });
        });
      }
      socket.on('send_message', (payload: { temp_id: string; session_id: string }, ack: (answer: unknown) => void) =>
        ack({ ok: true, data: { message_id: 'm', temp_id: payload.temp_id, sent_at: '', seq: 1, session_id: payload.session_id } }),
      );
    });
    const client = new ParleyClient({ url: server.url, token: 'any', transports: ['websocket'], typingThrottleMs: 200, typingStopMs: 300 });
    await client.connect();
    try {
      for (let i = 0; i < 10; i += 1) {
        client.typing('s-3');
        await new Promise((r) => setTimeout(r, 50));
      }
      await client.send('s-3', 'done');
      await new Promise((r) => setTimeout(r, 450));
      // Keystrokes over 500 ms: typing at the start and after each 200 ms; the send stops nothing.
      expect(seen.map((s) => s.event)).toEqual(['typing', 'typing', 'typing']);
      client.typing('s-3');
      await new Promise((r) => setTimeout(r, 450));
      // A pause after the last keystroke: one stop_typing.
      expect(seen.map((s) => s.event).slice(3)).toEqual(['typing', 'stop_typing']);
    } finally {
      client.disconnect();
      await server.close();
    }
  });
});
