import { performance } from 'node:perf_hooks';
import { createKnex } from '@parley/db';
import { everyClient, openFleetSession, request } from '../fleet/chat-clients';
import { newHistogram, summarize, type LatencySummary } from '../measure/latency';
import type { ScenarioContext } from './context';

const REPEAT = 30;

export interface HistoryFigures {
  messages: number;
  seedSeconds: number;
  /** Latency of each read a client makes on a session that long, ms. */
  reads: Record<string, LatencySummary>;
}

/** Writes `count` messages into one session straight into its tables (as if it had run for months). */
async function seed(databaseUrl: string, sessionId: string, customerId: string, agentId: string, count: number): Promise<void> {
  const knex = createKnex({ url: databaseUrl, poolMax: 1 });
  try {
    await knex.transaction(async (trx) => {
      const { rows } = await trx.raw<{ rows: Array<{ last_seq: string; requesters_so_far: string; staff_so_far: string }> }>(
        'select last_seq, requesters_so_far, staff_so_far from message_session_counters where session_id = ?',
        [sessionId],
      );
      const from = Number(rows[0]?.last_seq ?? 0);
      const requesters = Number(rows[0]?.requesters_so_far ?? 0);
      const staff = Number(rows[0]?.staff_so_far ?? 0);
      // Even g: the customer's (g / 2 of theirs so far), odd g: the agent's; the totals as the send keeps them.
      await trx.raw(
        `insert into chat_messages (session_id, seq, sender_id, sender_role, sender_name, content, message_type, created_at, requesters_so_far, staff_so_far)
         select ?, ? + g, case when g % 2 = 0 then ? else ? end, case when g % 2 = 0 then 'customer' else 'support' end,
                case when g % 2 = 0 then 'Customer' else 'Agent' end, 'history message ' || g, 'text', now() - ((? - g) || ' seconds')::interval,
                ? + g / 2, ? + (g + 1) / 2
         from generate_series(1, ?) g`,
        [sessionId, from, customerId, agentId, count, requesters, staff, count],
      );
      await trx.raw(
        `insert into message_session_counters (session_id, last_seq, requesters_so_far, staff_so_far) values (?, ?, ?, ?)
         on conflict (session_id) do update set last_seq = excluded.last_seq, requesters_so_far = excluded.requesters_so_far, staff_so_far = excluded.staff_so_far`,
        [sessionId, from + count, requesters + Math.floor(count / 2), staff + Math.ceil(count / 2)],
      );
    });
    await knex.raw('analyze chat_messages');
  } finally {
    await knex.destroy();
  }
}

async function timed(read: () => Promise<void>): Promise<LatencySummary> {
  const histogram = newHistogram();
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    await read();
    histogram.recordValue(Math.max(1, Math.round((performance.now() - started) * 1000)));
  }
  return summarize(histogram);
}

/** Unread counts and paging on a session of `historyMessages` messages (half of them unread by the customer). */
export async function longHistory(context: ScenarioContext): Promise<HistoryFigures> {
  const { profile, target } = context;
  if (!target.databaseUrl) throw new Error(`${target.name} has no database to seed`);
  context.step(`${target.name}: seeding ${profile.historyMessages} messages`);
  const session = await openFleetSession({ cmd: 'setup', urls: target.urls, sessions: 1, customerSockets: 1, observerEvery: 0 }, 0, 'history-');
  try {
    const [customer] = session.customer;
    // Read up to now, before the history arrives: every message of the agent's half is then unread.
    await request(customer.socket, 'mark_as_read', { session_id: session.id, message_ids: null });
    const started = performance.now();
    await seed(target.databaseUrl, session.id, customer.user.id, session.agent.user.id, profile.historyMessages);
    const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
    const middle = Math.floor(profile.historyMessages / 2);
    await fetchJson(target.urls[0], '/api/v1/chat/sessions/' + session.id, customer.user.token);
    context.step(`${target.name}: reading a ${profile.historyMessages}-message session`);
    const api = (path: string) => () => fetchJson(target.urls[0], path, customer.user.token);
    const reads: Record<string, LatencySummary> = {
      'GET session (unread count, last message)': await timed(api(`/api/v1/chat/sessions/${session.id}`)),
      'GET sessions (list with unread counts)': await timed(api('/api/v1/chat/sessions')),
      'GET messages, newest page of 50': await timed(api(`/api/v1/chat/sessions/${session.id}/messages?limit=50`)),
      'GET messages, page of 50 at the middle (offset)': await timed(api(`/api/v1/chat/sessions/${session.id}/messages?limit=50&offset=${middle}`)),
      'GET messages, 200 after a seq in the middle': await timed(api(`/api/v1/chat/sessions/${session.id}/messages?limit=200&after_seq=${middle}`)),
      'join_session catching up 1000 messages': await timed(async () => {
        await request(customer.socket, 'join_session', { session_id: session.id, last_seq: profile.historyMessages - 1000 });
      }),
    };
    return { messages: profile.historyMessages, seedSeconds, reads };
  } finally {
    for (const c of everyClient(session)) c.socket.close();
  }
}

async function fetchJson(base: string, path: string, token: string): Promise<void> {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 200)}`);
}
