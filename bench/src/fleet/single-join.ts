import { performance } from 'node:perf_hooks';
import type { ChatMessage } from '@parley/contracts';
import { encodeHistogram, newHistogram } from '../measure/latency';
import { everyClient, openFleetSession, request } from './chat-clients';
import type { JoinsCommand, JoinsResult } from './protocol';

/** Messages each join catches up: the join a client makes after a short absence. */
const MISSED = 5;
const WARM_UP = 20;

/**
 * One client alone, nothing else running: it opens a session, the agent sends MISSED messages,
 * and the customer joins again and again with the last_seq it held before them, one join after
 * the other; the latency of each (after a short warm-up) goes into one histogram.
 */
export async function sequentialJoins(command: JoinsCommand, prefix: string): Promise<JoinsResult> {
  const session = await openFleetSession({ cmd: 'setup', urls: command.urls, sessions: 1, customerSockets: 1, observerEvery: 0 }, 0, `${prefix}join-`);
  try {
    let seq = 0;
    for (let m = 0; m < MISSED; m++) seq = (await request<{ seq: number }>(session.agent.socket, 'send_message', { session_id: session.id, content: `catch up ${m}`, temp_id: `${prefix}join-${m}` })).seq;
    const latency = newHistogram();
    const customer = session.customer[0].socket;
    for (let i = 0; i < WARM_UP + command.count; i++) {
      const at = performance.now();
      const joined = await request<{ messages: ChatMessage[] }>(customer, 'join_session', { session_id: session.id, last_seq: seq - MISSED });
      const us = Math.max(1, Math.round((performance.now() - at) * 1000));
      if (joined.messages.length !== MISSED) throw new Error(`join_session with last_seq answered ${joined.messages.length} messages, not ${MISSED}`);
      if (i >= WARM_UP) latency.recordValue(us);
    }
    return { joins: command.count, latency: encodeHistogram(latency) };
  } finally {
    for (const c of everyClient(session)) c.socket.close();
  }
}
