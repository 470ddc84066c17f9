import { createEvent, routingKeys, type ChatSession, type Identity } from '@parley/contracts';
import { MessageSearchClient, sessionFromProto } from '@parley/grpc';
import { eventually, TEST_INTERNAL_GRPC_TOKEN } from '@parley/testing';
import { ana, cleo, dan, gatewayService, root } from '../testing/identities';
import { startMessageHarness, type MessageHarness } from '../testing/message-harness';

jest.setTimeout(30_000);
const as = (identity: Identity) => ({ identity });
const bo: Identity = { userId: 'agent-2', role: 'support', name: 'Bo' };

const waitUntil = (check: () => Promise<boolean>) => eventually(async () => expect(await check()).toBe(true));

describe('search and first responses over gRPC, fed by the session events', () => {
  let harness: MessageHarness;
  let client: MessageSearchClient;
  const search = (q: string, who: Identity, more: { status?: string; limit?: number; offset?: number } = {}) =>
    client.searchMessages({ q, status: more.status ?? '', limit: more.limit ?? 0, offset: more.offset ?? 0 }, as(who));
  const known = (sessionId: string) => harness.db.knex('message_sessions').where({ session_id: sessionId }).first();

  /** A chat of `customer` that Ana took, with these lines said in turn (customer first). */
  async function chat(customer: Identity, lines: string[]): Promise<string> {
    const session = await harness.sessions.createSession({ subject: 'Search me' }, as(customer));
    await harness.sessions.acceptSession(session.id, as(ana));
    for (const [i, content] of lines.entries()) await harness.messages.sendMessage({ session_id: session.id, content }, as(i % 2 === 0 ? customer : ana));
    await waitUntil(async () => (await known(session.id))?.status === 'active');
    return session.id;
  }

  beforeAll(async () => {
    harness = await startMessageHarness();
    client = new MessageSearchClient(harness.messageAddress, TEST_INTERNAL_GRPC_TOKEN);
  });
  afterAll(async () => {
    client.close();
    await harness.stop();
  });

  it("keeps each session's requester and status from the session events, never going back to an older one", async () => {
    const session = await harness.sessions.createSession({ subject: 'Known' }, as(cleo));
    await waitUntil(async () => (await known(session.id)) !== undefined);
    expect(await known(session.id)).toMatchObject({ requester_id: cleo.userId, status: 'waiting' });
    const accepted = sessionFromProto(await harness.sessions.acceptSession(session.id, as(ana)));
    await waitUntil(async () => (await known(session.id))?.status === 'active');
    const stale: ChatSession = { ...accepted, status: 'waiting', updated_at: new Date(Date.parse(accepted.updated_at) - 60_000).toISOString() };
    await harness.bus.publish(createEvent('session.status_changed', routingKeys.session(session.id, 'session.status_changed'), { session: stale, previous_status: 'active', by: { user_id: 'x', role: 'admin', name: 'X' } }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await known(session.id))?.status).toBe('active');
  });

  it('lets a customer search only their own chats, and staff every chat, with marked excerpts', async () => {
    const mine = await chat(cleo, ['The burger came without cheese', 'Sorry, a cheese refund is on its way']);
    const theirs = await chat(dan, ['Cheese pizza was cold']);
    const own = await search('CHEES', cleo);
    expect(own.sessions.map((s) => [s.session_id, s.match_count])).toEqual([[mine, 2]]);
    const [latest] = own.sessions[0].matches;
    expect(latest).toMatchObject({ sender_id: ana.userId, sender_role: 'support', message_type: 'text', snippet: 'Sorry, a cheese refund is on its way' });
    expect(latest.highlights.map(({ start, end }) => latest.snippet.slice(start, end))).toEqual(['cheese']);
    expect((await search('cheese', root)).sessions.map((s) => s.session_id)).toEqual([theirs, mine]);
    expect((await search('refund cheese', ana)).sessions.map((s) => s.session_id)).toEqual([mine]);
  });

  it('filters by status as the session events tell it, and pages over sessions', async () => {
    const first = await chat(cleo, ['My receipt is missing']);
    const second = await chat(cleo, ['Receipt please']);
    await harness.sessions.updateStatus({ session_id: first, status: 'resolved' }, as(ana));
    await waitUntil(async () => (await known(first))?.status === 'resolved');
    expect((await search('receipt', cleo, { status: 'resolved' })).sessions.map((s) => s.session_id)).toEqual([first]);
    expect(await search('receipt', cleo, { limit: 1 })).toMatchObject({ has_more: true, sessions: [{ session_id: second }] });
    expect(await search('receipt', cleo, { limit: 1, offset: 1 })).toMatchObject({ has_more: false, sessions: [{ session_id: first }] });
  });

  it('refuses bad input and callers that are not users', async () => {
    await expect(search('  ', cleo)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(search('!!!', cleo)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'q must hold at least one word (letters or digits)' });
    await expect(search('x'.repeat(201), cleo)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(search('cheese', cleo, { status: 'lost' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(search('cheese', cleo, { limit: 51 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(search('cheese', gatewayService)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it("measures the first reply of staff from the chat's opening, by who replied, never counting a note", async () => {
    const day = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' };
    const open = async (minute: number) => {
      const id = await chat(cleo, ['Hello?']);
      await harness.db.knex('message_sessions').where({ session_id: id }).update({ opened_at: new Date(`2026-12-01T10:${String(minute).padStart(2, '0')}:00Z`) });
      return id;
    };
    const reply = async (id: string, who: Identity, minute: number, type = 'text') => {
      // The seq from the session's counter, as a send takes it: a system message the session
      // events add meanwhile takes the next one instead of the same.
      const { rows } = await harness.db.knex.raw<{ rows: Array<{ last_seq: string }> }>(
        'update message_session_counters set last_seq = last_seq + 1 where session_id = ? returning last_seq',
        [id],
      );
      const seq = Number(rows[0].last_seq);
      await harness.db.knex('chat_messages').insert({ session_id: id, seq, sender_id: who.userId, sender_role: who.role, sender_name: who.name, content: 'Hi', message_type: type, created_at: new Date(`2026-12-01T10:${String(minute).padStart(2, '0')}:00Z`) });
    };
    await harness.db.knex.raw('alter table chat_messages drop constraint chat_messages_type_check');
    const fast = await open(0);
    await reply(fast, ana, 1);
    const slow = await open(10);
    await reply(slow, bo, 20, 'note');
    await reply(slow, bo, 40);
    await open(30); // nobody replied yet

    const report = await client.firstResponses(day, as(root));
    expect(report.totals).toEqual({ count: 2, p50_seconds: 930, p90_seconds: 1626 });
    expect(report.agents.map((a) => [a.agent_name, a.figures?.count, a.figures?.p50_seconds])).toEqual([['Ana', 1, 60], ['Bo', 1, 1800]]);
    const own = await client.firstResponses(day, as(bo));
    expect(own.has_totals).toBe(false);
    expect(own.agents.map((a) => a.agent_id)).toEqual([bo.userId]);
    await expect(client.firstResponses(day, as(cleo))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(client.firstResponses({ from: day.to, to: day.from }, as(root))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
