import type { ChatMessage, Role } from '@parley/contracts';
import { testUser, type TestUser } from '@parley/testing';
import { busyRetryDelayMs, CATCH_UP_MAX_BUSY_DELAY_MS, ParleyError } from '@parley/client';
import { io, type Socket } from 'socket.io-client';
import type { SetupCommand } from './protocol';
import { WireClient } from './wire-client';

/**
 * A gateway closes a socket when its token expires (the SDK reconnects with a fresh one; these
 * bare clients do not), so the benchmark's users hold tokens that outlive the longest run.
 */
export const BENCH_TOKEN_SECONDS = 24 * 3600;
export const benchUser = (role: Role): TestUser => testUser(role, undefined, undefined, BENCH_TOKEN_SECONDS);

/** The sessions a fleet process drives: a customer (on one or more sockets), an agent and maybe an observer. */
export interface Client {
  /** Names the socket in the delivery ledger. */
  key: string;
  user: TestUser;
  socket: WireClient;
  url: string;
  /** The highest seq this socket holds. */
  lastSeq: number;
}

export interface FleetSession {
  id: string;
  customer: Client[];
  agent: Client;
  observer?: Client;
}

export type Ack<T = unknown> = { ok: boolean; data?: T; error?: { code: string; message: string; retry_after_ms?: number } };

/** Errors the fleet saw, counted, with the first few kept as examples. */
export class ErrorLog {
  count = 0;
  readonly samples: string[] = [];
  add(what: string): void {
    this.count += 1;
    if (this.samples.length < 5) this.samples.push(what.slice(0, 300));
  }
}

/** What a client sends in its Socket.io handshake. */
export const handshakeAuth = (user: TestUser) => ({ token: user.token, user_id: user.id });

export function openSocket(url: string, user: TestUser): Socket {
  return io(url, { auth: handshakeAuth(user), transports: ['websocket'], forceNew: true, reconnection: false, timeout: 60_000 });
}

export function connected(socket: Socket, timeoutMs = 60_000): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    // Each attempt's listeners go with it, so a socket tried again does not gather them.
    const settle = (error?: Error) => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      socket.off('connect_error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onConnect = () => settle();
    const timer = setTimeout(() => settle(new Error('connect timed out')), timeoutMs);
    socket.once('connect', onConnect);
    socket.once('connect_error', settle);
  });
}

/**
 * Connects (`attempt`, given the time left), trying again after a failed attempt as the SDK's
 * socket.io client does (1 s, doubling up to 5 s, with up to half again of jitter), until
 * `timeoutMs` has passed.
 */
export async function connectRetrying<T>(attempt: (timeLeftMs: number) => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(Math.max(1, deadline - Date.now()));
    } catch (error) {
      const pause = Math.min(5000, 1000 * 2 ** (tries - 1)) * (1 + Math.random() / 2);
      if (Date.now() + pause >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** An event and its ack; a refusal is a ParleyError with the server's code (and retry hint). */
export async function request<T>(socket: WireClient, event: string, payload: unknown, timeoutMs = 30_000): Promise<T> {
  const answer = (await socket.emitWithAck(event, payload, timeoutMs)) as Ack<T>;
  if (!answer.ok) throw new ParleyError(answer.error?.code ?? 'UNKNOWN', `${event}: ${answer.error?.code} ${answer.error?.message}`, event, answer.error?.retry_after_ms);
  return answer.data as T;
}

/** `request`, with a refusal as busy waited out and tried again as the SDK does (up to `maxRefusals`). */
export async function requestWaitingOutBusy<T>(socket: WireClient, event: string, payload: unknown, timeoutMs = 30_000, maxRefusals = 20): Promise<T> {
  for (let refusals = 1; ; refusals++) {
    try {
      return await request<T>(socket, event, payload, timeoutMs);
    } catch (error) {
      if (!(error instanceof ParleyError) || error.code !== 'RESOURCE_EXHAUSTED' || refusals >= maxRefusals) throw error;
      await new Promise((resolve) => setTimeout(resolve, busyRetryDelayMs(error.retryAfterMs, refusals, 1000, { maxDelayMs: CATCH_UP_MAX_BUSY_DELAY_MS })));
    }
  }
}

/** fetch, tried again (three times in all) when the connection itself fails, as a client would. */
async function fetchRetrying(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= 3) throw new Error(`${init.method ?? 'GET'} ${url}: ${(error as Error).message} (${String((error as { cause?: unknown }).cause ?? '')})`);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

async function createSession(url: string, customer: TestUser): Promise<string> {
  const response = await fetchRetrying(`${url}/api/v1/chat/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ subject: 'Where is my order?' }),
  });
  const body = (await response.json()) as { success: boolean; data?: { id: string } };
  if (response.status !== 201 || !body.data) throw new Error(`POST /api/v1/chat/sessions answered ${response.status}: ${JSON.stringify(body)}`);
  return body.data.id;
}

async function client(url: string, role: Role, key: string, user = benchUser(role)): Promise<Client> {
  const socket = await WireClient.connect(url, handshakeAuth(user), 60_000);
  return { key, user, socket, url, lastSeq: 0 };
}

/** The gateway a customer's device connects to: the first device to the first, the others spread over all (as behind a load balancer). */
export const deviceUrl = (urls: string[], device: number): string => urls[device % urls.length];

/** The agent of the session at an index: one socket on the last gateway for every `sessionsPerAgent` sessions, opened when first needed. */
export function agentPool(setup: SetupCommand, prefix: string): (index: number) => Promise<Client> {
  const perAgent = Math.max(1, setup.sessionsPerAgent ?? 1);
  const agents = new Map<number, Promise<Client>>();
  return (index) => {
    const n = Math.floor(index / perAgent);
    let agent = agents.get(n);
    if (!agent) {
      agent = client(setup.urls[setup.urls.length - 1], 'support', `${prefix}${n}a`);
      agents.set(n, agent);
    }
    return agent;
  };
}

/** Opens one session: the customer's first device joins it on the first gateway, the agent on the last accepts it, an observer joins. */
export async function openFleetSession(setup: SetupCommand, index: number, prefix: string, agentFor = agentPool(setup, prefix)): Promise<FleetSession> {
  const [first, last] = [setup.urls[0], setup.urls[setup.urls.length - 1]];
  const customerUser = benchUser('customer');
  const id = await createSession(first, customerUser);
  const customer: Client[] = [];
  // The first device joins; the others are connected (they hold what it holds) and join only when they reconnect.
  for (let device = 0; device < setup.customerSockets; device++) {
    const c = await client(deviceUrl(setup.urls, device), 'customer', `${prefix}${index}c${device}`, customerUser);
    if (device === 0) c.lastSeq = (await request<{ last_seq: number }>(c.socket, 'join_session', { session_id: id })).last_seq;
    else c.lastSeq = customer[0].lastSeq;
    customer.push(c);
  }
  const agent = await agentFor(index);
  await request(agent.socket, 'accept_chat', { session_id: id });
  const session: FleetSession = { id, customer, agent };
  if (setup.observerEvery > 0 && index % setup.observerEvery === 0) {
    session.observer = await client(last, 'admin', `${prefix}${index}o`);
    await request(session.observer.socket, 'join_session', { session_id: id });
  }
  return session;
}

export const everyClient = (session: FleetSession): Client[] => [...session.customer, session.agent, ...(session.observer ? [session.observer] : [])];

/** Every socket of the sessions once (an agent of several sessions counts once). */
export const socketsOf = (sessions: FleetSession[]): Set<Client> => new Set(sessions.flatMap(everyClient));

/** Calls `onMessage` for each new_message a client gets from someone else, and keeps its lastSeq. */
export function listen(session: FleetSession, onMessage: (client: Client, message: ChatMessage) => void, errors: ErrorLog): void {
  for (const c of everyClient(session)) {
    c.socket.on('new_message', (data) => {
      const { message } = data as { message: ChatMessage };
      if (message.session_id !== session.id) return;
      c.lastSeq = Math.max(c.lastSeq, message.seq);
      if (message.sender_id !== c.user.id) onMessage(c, message);
    });
    c.socket.on('error', (data) => {
      const event = data as { code?: string; message?: string; event?: string };
      if (!COUNTED_FROM_ACK.has(event.event ?? '')) errors.add(`error event ${event.event}: ${event.code} ${event.message}`);
    });
  }
}

/**
 * The events the chat load sends with an acknowledgement, whose failures it counts from the
 * answer: the gateway's `error` event that comes with a failed answer is not counted again.
 */
const COUNTED_FROM_ACK = new Set(['send_message', 'mark_as_read']);

/** Runs `task` for 0..count-1 with at most `concurrency` at a time. */
export async function pool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  });
  await Promise.all(lanes);
  return results;
}
