import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Server } from 'socket.io';

/**
 * The bare limit Parley is measured against: one Socket.io process speaking the same events the
 * load generator uses, with no persistence, no services, no broker and no authentication. A
 * message gets its seq from a counter in memory and goes straight to the session's room; a user's
 * last socket in a session going is announced to the room (`user_left`), as presence does.
 * Started by the benchmark as `tsx relay-server.ts` with PORT; prints `listening <port>`.
 */
interface RelaySession {
  seq: number;
  /** The last messages, for join_session with last_seq (as much catch-up as a relay can do). */
  recent: unknown[];
}

const RECENT = 1000;
const sessions = new Map<string, RelaySession>();
/** Session → user → how many of the user's sockets joined it: `user_left` goes when the last one goes. */
const members = new Map<string, Map<string, number>>();

const server = http.createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/api/v1/chat/sessions') {
    request.resume();
    request.on('end', () => {
      const id = randomUUID();
      sessions.set(id, { seq: 0, recent: [] });
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ success: true, data: { id, status: 'waiting' } }));
    });
    return;
  }
  response.writeHead(404).end();
});

const io = new Server(server, { transports: ['websocket'], serveClient: false });

io.on('connection', (socket) => {
  const user = (socket.handshake.auth as { user_id?: string }).user_id ?? socket.id;
  const joined = new Set<string>();
  const join = (payload: { session_id: string; last_seq?: number }, ack?: (answer: unknown) => void) => {
    const session = sessions.get(payload.session_id);
    if (!session) return ack?.({ ok: false, error: { code: 'NOT_FOUND', message: 'no such session' } });
    socket.join(payload.session_id);
    if (!joined.has(payload.session_id)) {
      joined.add(payload.session_id);
      const users = members.get(payload.session_id) ?? new Map<string, number>();
      users.set(user, (users.get(user) ?? 0) + 1);
      members.set(payload.session_id, users);
    }
    const after = payload.last_seq ?? session.seq;
    const messages = session.recent.filter((m) => (m as { seq: number }).seq > after);
    ack?.({ ok: true, data: { session: { id: payload.session_id }, messages, participants: [], has_more: false, last_seq: session.seq } });
  };
  socket.on('disconnect', () => {
    for (const sessionId of joined) {
      const users = members.get(sessionId);
      const left = (users?.get(user) ?? 1) - 1;
      if (left > 0) users?.set(user, left);
      else {
        users?.delete(user);
        io.to(sessionId).emit('user_left', { user_id: user });
      }
    }
  });
  socket.on('join_session', join);
  socket.on('accept_chat', join);
  socket.on('send_message', (payload: { session_id: string; content: string; temp_id?: string }, ack?: (answer: unknown) => void) => {
    const session = sessions.get(payload.session_id);
    if (!session) return ack?.({ ok: false, error: { code: 'NOT_FOUND', message: 'no such session' } });
    session.seq += 1;
    const message = {
      id: randomUUID(),
      session_id: payload.session_id,
      seq: session.seq,
      sender_id: user,
      content: payload.content,
      message_type: 'text',
      temp_id: payload.temp_id ?? null,
      created_at: new Date().toISOString(),
    };
    session.recent.push(message);
    if (session.recent.length > RECENT) session.recent.shift();
    ack?.({ ok: true, data: { message_id: message.id, temp_id: message.temp_id, sent_at: message.created_at, seq: message.seq, session_id: payload.session_id } });
    io.to(payload.session_id).emit('new_message', { message });
  });
  socket.on('typing', (payload: { session_id: string }) => {
    socket.to(payload.session_id).emit('user_typing', { session_id: payload.session_id, user_id: user });
  });
  socket.on('mark_as_read', (payload: { session_id: string; message_ids?: string[] }, ack?: (answer: unknown) => void) => {
    const event = { session_id: payload.session_id, user_id: user, message_ids: payload.message_ids ?? [] };
    socket.to(payload.session_id).emit('messages_read', event);
    ack?.({ ok: true, data: event });
  });
});

// The gateway's listen backlog (its LISTEN_BACKLOG default), so that both take a storm's connections alike.
server.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
