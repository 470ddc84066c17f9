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

/**
 * The words of the seeded history, most frequent first: words nobody searches for, then what
 * support chats are about. A message's words are drawn with a frequency falling as 1 / rank (as in
 * real text) from these and, past them, made-up words up to VOCABULARY_SIZE; so a topic word is in
 * about 4 to 8 messages of 1000.
 */
const VOCABULARY = (
  'the my is a i to and it of you for on was with not have this be at your no can we me that but are they just so get ' +
  'what all there out up about if will when one do would like now time been has had them how could from back know still ' +
  'here then an as by or our he she his her us him their which who did does done got go going went come came see saw ' +
  'look make made take took give gave tell told ask asked say said think need want yes ok okay hi hello hey good great ' +
  'very much more some any other again also only even well really right way day today yesterday tomorrow ' +
  'order late cold pizza burger fries salad soup drink refund voucher courier driver address receipt allergy missing wrong ' +
  'spilled broken sauce cheese vegan spicy dessert noodles sushi curry kebab bread coffee tea juice water payment card cash ' +
  'charged twice cancel delay minutes hour tracking map restaurant closed kitchen packaging bag lid napkin cutlery discount ' +
  'promo code account password email phone invoice tip rating complaint manager thanks please sorry help urgent birthday ' +
  'gluten lactose halal nuts shrimp chicken beef tofu rice pasta lasagne tiramisu pancake waffle smoothie milkshake scooter'
).split(' ');
const VOCABULARY_SIZE = 5000;
const WORDS_PER_MESSAGE = 8;

/**
 * A support history of `count` messages over sessions of 1000 (as if the team had run for a
 * year), straight into the tables, for the search reads: every 50th session (the first of them
 * too) is the customer's; one message in ten names an order number.
 */
async function seedSearchCorpus(databaseUrl: string, customerId: string, agentId: string, count: number): Promise<void> {
  const sessions = Math.max(1, Math.floor(count / 1000));
  const knex = createKnex({ url: databaseUrl, poolMax: 1 });
  try {
    await knex.transaction(async (trx) => {
      await trx.raw(
        `with s as (
           insert into chat_sessions (subject, status, customer_id, customer_role, customer_name, agent_id, agent_name, created_at, updated_at, accepted_at, resolved_at, closed_at)
           select 'Search corpus ' || i, case when i % 10 = 0 then 'active' else 'closed' end, case when i % 50 = 1 then ? else 'corpus-customer-' || i end,
                  'customer', 'Corpus', ?, 'Agent', now() - (i || ' hours')::interval, now(), now() - (i || ' hours')::interval,
                  case when i % 10 = 0 then null else now() end, case when i % 10 = 0 then null else now() end
           from generate_series(1, ?) i
           returning id, customer_id, status, created_at, updated_at
         )
         insert into message_sessions (session_id, requester_id, status, opened_at, changed_at) select id, customer_id, status, created_at, updated_at from s`,
        [customerId, agentId, sessions],
      );
      // Each word's rank: floor(e^(u ln N)) for a u in [0, 1) hashed from the message and the word's place.
      const word = (k: number) =>
        `coalesce((?::text[])[r${k}], 'w' || r${k})`;
      const ranks = Array.from({ length: WORDS_PER_MESSAGE }, (_, k) =>
        `floor(exp((abs(hashtext(s.session_id::text || ':' || g || ':${k}')) % 1000000) / 1000000.0 * ln(${VOCABULARY_SIZE})))::int as r${k}`,
      );
      await trx.raw(
        `insert into chat_messages (session_id, seq, sender_id, sender_role, sender_name, content, message_type, created_at)
         select session_id, g, case when g % 2 = 1 then requester_id else ? end, case when g % 2 = 1 then 'customer' else 'support' end,
                case when g % 2 = 1 then 'Corpus' else 'Agent' end,
                ${Array.from({ length: WORDS_PER_MESSAGE }, (_, k) => word(k)).join(` || ' ' || `)}
                  || case when g % 10 = 0 then ' order ' || (abs(hashtext(session_id::text || g)) % 100000) else '' end,
                'text', opened_at + (g || ' seconds')::interval
         from (select s.session_id, s.requester_id, s.opened_at, g, ${ranks.join(', ')}
               from message_sessions s join chat_sessions c on c.id = s.session_id and c.subject like 'Search corpus %'
               cross join generate_series(1, 1000) g) m`,
        [agentId, ...Array(WORDS_PER_MESSAGE).fill(VOCABULARY)],
      );
    });
    // The tables as a long-running system has them: vacuumed (the search index's pending entries
    // merged, the rows' visibility known) and analysed, as autovacuum leaves them in production.
    await knex.raw('vacuum analyze chat_messages');
    await knex.raw('vacuum analyze message_sessions');
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

/**
 * Unread counts and paging on a session of `historyMessages` messages (half of them unread by the
 * customer); then full-text search over ten times as many (a million in the full profile).
 */
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
    const corpus = profile.historyMessages * 9;
    context.step(`${target.name}: seeding ${corpus} more messages to search`);
    await seedSearchCorpus(target.databaseUrl, customer.user.id, session.agent.user.id, corpus);
    const total = profile.historyMessages + corpus;
    context.step(`${target.name}: searching ${total} messages`);
    const agent = (path: string) => () => fetchJson(target.urls[0], path, session.agent.user.token);
    Object.assign(reads, {
      [`GET search, ${total} messages (staff, two words)`]: await timed(agent('/api/v1/chat/search?q=refund%20late')),
      [`GET search, ${total} messages (staff, one word's start)`]: await timed(agent('/api/v1/chat/search?q=allerg')),
      [`GET search, ${total} messages (staff, a word and an order number)`]: await timed(agent('/api/v1/chat/search?q=cold%20order%20123')),
      [`GET search, ${total} messages (staff, active chats)`]: await timed(agent('/api/v1/chat/search?q=refund%20voucher&status=active')),
      [`GET search, ${total} messages (customer, own chats)`]: await timed(api('/api/v1/chat/search?q=refund')),
    });
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
