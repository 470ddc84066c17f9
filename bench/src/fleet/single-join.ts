import { performance } from 'node:perf_hooks';
import type { ChatMessage } from '@parley/contracts';
import { encodeHistogram, newHistogram } from '../measure/latency';
import { everyClient, handshakeAuth, openFleetSession, request, type Client } from './chat-clients';
import type { JoinsCommand, JoinsResult } from './protocol';
import { WireClient } from './wire-client';

/** Messages each join catches up: the join a client makes after a short absence. */
const MISSED = 5;
const WARM_UP = 20;
/** How long the agent may wait to hear that the customer's socket went. */
const LEFT_TIMEOUT_MS = 10_000;

/**
 * Tells when `agent` hears that `userId` left its session: the disconnect is registered, so the
 * next socket of that user is their first in the session again. One listener for every wait.
 */
function departures(agent: WireClient, userId: string): { next(): Promise<void> } {
  let heard: (() => void) | undefined;
  // `user_left` names the user, not the session: the agent here is in this one session only.
  agent.on('user_left', (data) => {
    if ((data as { user_id?: string }).user_id === userId) heard?.();
  });
  return {
    next: () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`user_left not heard within ${LEFT_TIMEOUT_MS} ms`)), LEFT_TIMEOUT_MS);
        heard = () => {
          heard = undefined;
          clearTimeout(timer);
          resolve();
        };
      }),
  };
}

/**
 * One client alone, nothing else running: it opens a session and the agent sends MISSED messages.
 * Then the customer reconnects again and again, as after a network blip: its socket goes (and the
 * agent hears `user_left`), a new socket connects, and `join_session` with the last_seq held before
 * those messages is timed from emit to answer. Each join is the user's first socket in the session,
 * so the server registers it and announces `user_joined` as for any returning client. The latency
 * of each (after a short warm-up) goes into one histogram.
 */
export async function sequentialJoins(command: JoinsCommand, prefix: string): Promise<JoinsResult> {
  const session = await openFleetSession({ cmd: 'setup', urls: command.urls, sessions: 1, customerSockets: 1, observerEvery: 0 }, 0, `${prefix}join-`);
  const customer: Client = session.customer[0];
  let socket = customer.socket;
  try {
    let seq = 0;
    for (let m = 0; m < MISSED; m++) seq = (await request<{ seq: number }>(session.agent.socket, 'send_message', { session_id: session.id, content: `catch up ${m}`, temp_id: `${prefix}join-${m}` })).seq;
    const latency = newHistogram();
    const gone = departures(session.agent.socket, customer.user.id);
    for (let i = 0; i < WARM_UP + command.count; i++) {
      const left = gone.next();
      socket.close();
      await left;
      socket = await WireClient.connect(customer.url, handshakeAuth(customer.user), 10_000);
      const at = performance.now();
      const joined = await request<{ messages: ChatMessage[] }>(socket, 'join_session', { session_id: session.id, last_seq: seq - MISSED });
      const us = Math.max(1, Math.round((performance.now() - at) * 1000));
      if (joined.messages.length !== MISSED) throw new Error(`join_session with last_seq answered ${joined.messages.length} messages, not ${MISSED}`);
      if (i >= WARM_UP) latency.recordValue(us);
    }
    return { joins: command.count, latency: encodeHistogram(latency) };
  } finally {
    socket.close();
    for (const c of everyClient(session)) c.socket.close();
  }
}
