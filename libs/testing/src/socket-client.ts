import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@parley/contracts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client, connected (or rejected) before it is returned. */
export function connectClient(url: string, token: string | undefined, options: { forceNew?: boolean } = {}): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, { auth: token === undefined ? {} : { token }, transports: ['websocket'], forceNew: options.forceNew ?? true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The connect_error a token earns, with its `data.code`. */
export async function connectionRefusal(url: string, token: string | undefined): Promise<{ message: string; code?: string }> {
  try {
    const socket = await connectClient(url, token);
    socket.close();
  } catch (error) {
    const e = error as Error & { data?: { code?: string } };
    return { message: e.message, code: e.data?.code };
  }
  throw new Error('the connection was accepted');
}

/** Resolves with the first `event` whose payload satisfies `predicate`; rejects after `timeoutMs`. */
export function waitFor<T = unknown>(socket: ClientSocket, event: string, predicate: (data: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (data: T) => {
      if (!predicate(data)) return;
      clearTimeout(timer);
      (socket as unknown as { off(e: string, l: unknown): void }).off(event, listener);
      resolve(data);
    };
    const timer = setTimeout(() => {
      (socket as unknown as { off(e: string, l: unknown): void }).off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    (socket as unknown as { on(e: string, l: unknown): void }).on(event, listener);
  });
}

/** Emits with an ack and resolves with the ack's answer (`{ ok, data | error }`). */
export function request<T = unknown>(socket: ClientSocket, event: string, payload: unknown, timeoutMs = 5000): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string; retry_after_ms?: number } }> {
  return (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<never> } }).timeout(timeoutMs).emitWithAck(event, payload);
}

/** A connected socket that has joined `sessionId` (a refused join throws); pushed onto `open` to be closed later. */
export async function joinedClient(url: string, token: string, sessionId: string, open: ClientSocket[]): Promise<ClientSocket> {
  const socket = await connectClient(url, token);
  open.push(socket);
  const answer = await request(socket, 'join_session', { session_id: sessionId });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return socket;
}

/** Collects every payload of `event` a socket receives, for asserting on what was (not) delivered. */
export function collect<T = unknown>(socket: ClientSocket, event: string): T[] {
  const seen: T[] = [];
  (socket as unknown as { on(e: string, l: (d: T) => void): void }).on(event, (data) => seen.push(data));
  return seen;
}

/** Waits until `check` passes or the time runs out (then its last failure is thrown). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
