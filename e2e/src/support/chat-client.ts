import { randomUUID } from 'node:crypto';
import type { ChatAcceptedEvent, ChatMessage, ChatSessionView, NewMessageEvent, SendMessageAnswer, SessionJoinedEvent } from '@parley/contracts';
import { api, connectClient, request, waitFor, type ClientSocket, type TestUser } from '@parley/testing';

/** Sockets a spec opened, so afterEach/afterAll can close every one of them. */
export class SocketPool {
  private readonly sockets = new Set<ClientSocket>();

  async connect(url: string, user: TestUser | string): Promise<ClientSocket> {
    const socket = await connectClient(url, typeof user === 'string' ? user : user.token);
    this.sockets.add(socket);
    return socket;
  }

  closeAll(): void {
    for (const socket of this.sockets) socket.close();
    this.sockets.clear();
  }
}

export interface AckError {
  code: string;
  message: string;
  event?: string;
  temp_id?: string;
}

/** Opens a chat over REST and answers the created session (asserting the 201 envelope). */
export async function openSession(baseUrl: string, user: TestUser, body: Record<string, unknown> = {}): Promise<ChatSessionView> {
  const response = await api(baseUrl, 'POST', '/api/v1/chat/sessions', {
    token: user.token,
    body: { subject: `Help ${randomUUID().slice(0, 8)}`, ...body },
  });
  if (response.status !== 201 || response.body?.success !== true) {
    throw new Error(`POST /api/v1/chat/sessions answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  const created = response.body.data as ChatSessionView;
  if (!body.initial_message) return created;
  // The initial message travels with session.created and is stored by the message service moments
  // later, as message 1: wait for it, as a client showing the chat would.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const detail = await api(baseUrl, 'GET', `/api/v1/chat/sessions/${created.id}`, { token: user.token });
    if (detail.body?.data?.last_message) return detail.body.data as ChatSessionView;
    if (Date.now() > deadline) throw new Error(`the initial message of ${created.id} was not stored within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** join_session with an ack; throws with the error when the ack says no. */
export async function join(socket: ClientSocket, sessionId: string, lastSeq?: number): Promise<SessionJoinedEvent> {
  const payload = lastSeq === undefined ? { session_id: sessionId } : { session_id: sessionId, last_seq: lastSeq };
  const answer = await request<SessionJoinedEvent>(socket, 'join_session', payload, 15_000);
  if (!answer.ok) throw new Error(`join_session failed: ${JSON.stringify(answer.error)}`);
  return answer.data as SessionJoinedEvent;
}

/** send_message with an ack; throws with the error when the ack says no. */
export async function send(socket: ClientSocket, sessionId: string, content: string, tempId: string = randomUUID()): Promise<SendMessageAnswer> {
  const answer = await request<SendMessageAnswer>(socket, 'send_message', { session_id: sessionId, content, temp_id: tempId }, 15_000);
  if (!answer.ok) throw new Error(`send_message failed: ${JSON.stringify(answer.error)}`);
  return answer.data as SendMessageAnswer;
}

/** GET /api/v1/chat/sessions/:id/messages as `user`; asserts the 200 envelope. */
export async function history(
  baseUrl: string,
  user: TestUser,
  sessionId: string,
  query = '',
): Promise<{ messages: ChatMessage[]; meta: { has_more: boolean; last_seq: number } }> {
  const response = await api(baseUrl, 'GET', `/api/v1/chat/sessions/${sessionId}/messages${query}`, { token: user.token });
  if (response.status !== 200 || response.body?.success !== true) {
    throw new Error(`GET messages answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return { messages: response.body.data, meta: response.body.meta };
}

/** accept_chat with an ack; throws with the error when the ack says no. */
export async function accept(socket: ClientSocket, sessionId: string): Promise<ChatAcceptedEvent> {
  const answer = await request<ChatAcceptedEvent>(socket, 'accept_chat', { session_id: sessionId }, 15_000);
  if (!answer.ok) throw new Error(`accept_chat failed: ${JSON.stringify(answer.error)}`);
  return answer.data as ChatAcceptedEvent;
}

/**
 * Resolves once the socket holds the session's message `seq` (or a later one), whether it came in
 * a session_joined (accept_chat joins the agent) or as a new_message.
 */
export function untilSeen(socket: ClientSocket, sessionId: string, seq: number, timeoutMs = 10_000): Promise<void> {
  const s = socket as unknown as { on(e: string, l: (d: never) => void): void; off(e: string, l: (d: never) => void): void };
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      s.off('session_joined', onJoined);
      s.off('new_message', onMessage);
    };
    const done = () => {
      stop();
      resolve();
    };
    const onJoined = (e: SessionJoinedEvent) => {
      if (e.session.id === sessionId && e.messages.some((m) => m.seq >= seq)) done();
    };
    const onMessage = (e: NewMessageEvent) => {
      if (e.message.session_id === sessionId && e.message.seq >= seq) done();
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`message ${seq} of ${sessionId} did not reach the socket within ${timeoutMs} ms`));
    }, timeoutMs);
    s.on('session_joined', onJoined);
    s.on('new_message', onMessage);
  });
}

/** Emits `event` with an ack that must say no; answers the ack's error and the `error` event it caused. */
export async function refused(socket: ClientSocket, event: string, payload: unknown): Promise<{ ack: { ok: boolean; error?: AckError }; error: AckError }> {
  const errorEvent = waitFor<AckError>(socket, 'error', (e) => e.event === event, 10_000);
  errorEvent.catch(() => undefined); // awaited below; a success must not leave it unhandled
  const ack = (await request(socket, event, payload, 10_000)) as { ok: boolean; error?: AckError };
  if (ack.ok) throw new Error(`${event} was accepted: ${JSON.stringify(ack)}`);
  return { ack, error: await errorEvent };
}

/** The session's status and agent as REST shows it to `user`. */
export async function stateOf(baseUrl: string, user: TestUser, sessionId: string): Promise<{ status: string; agent_id: string | null }> {
  const response = await api(baseUrl, 'GET', `/api/v1/chat/sessions/${sessionId}`, { token: user.token });
  if (response.status !== 200) throw new Error(`GET session answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { status: response.body.data.status, agent_id: response.body.data.agent_id };
}

/** The contents of the session's system messages, oldest first. */
export async function story(baseUrl: string, user: TestUser, sessionId: string): Promise<string[]> {
  const { messages } = await history(baseUrl, user, sessionId, '?after_seq=0&limit=200');
  return messages.filter((m) => m.message_type === 'system').map((m) => m.content);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seqs of messages, for compact assertions. */
export const seqs = (messages: Array<{ seq: number }>) => messages.map((m) => m.seq);

/** 1..n as an array, offset by `from`. */
export const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
