import { randomUUID } from 'node:crypto';
import type { CannedResponse, ChatRatedEvent, ChatSessionView, SessionSearchResult } from '@parley/contracts';
import { cannedResponsesFor, fillCannedResponse, ParleyClient, ParleyError } from '@parley/client';
import { api, eventually, testUser, waitFor, type TestUser } from '@parley/testing';
import { expectEnvelope } from './support/bad-input';
import { accept, join, openSession, send, SocketPool } from './support/chat-client';
import { startStack, type Stack } from './support/stack';

/**
 * Canned responses, ratings and search against the real stack (two gateways, the services as
 * processes, PostgreSQL, RabbitMQ): what an agent and a customer see, and that every mistake gets
 * its error and changes nothing.
 */
jest.setTimeout(60_000);

describe('canned responses, ratings and search, against the real stack', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const cleo = testUser('customer', 'Cleo');
  const dan = testUser('customer', 'Dan');
  const ana = testUser('support', 'Ana');
  const bo = testUser('support', 'Bo');
  const root = testUser('admin', 'Root');
  const A = () => stack.gatewayA;
  const B = () => stack.gatewayB;
  const call = (base: string, method: string, path: string, user: TestUser, body?: unknown) => api(base, method, `/api/v1/chat${path}`, { token: user.token, body });

  beforeAll(async () => {
    stack = await startStack({ label: 'support-desk' });
  }, 120_000);
  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 60_000);

  describe('canned responses', () => {
    const list = async (user: TestUser) => (await call(A(), 'GET', '/canned-responses', user)).body.data as CannedResponse[];

    it("keeps the team's shared responses for every agent and each agent's own for them alone, on either gateway", async () => {
      const shared = await call(A(), 'POST', '/canned-responses', root, { shortcut: 'hello', title: 'Greeting', content: 'Hi {{customer_name}}, I am {{agent_name}}.', shared: true });
      expect(shared.status).toBe(201);
      const own = await call(B(), 'POST', '/canned-responses', ana, { shortcut: 'Refund', title: 'Refund', content: 'Your refund is on its way.' });
      expect(own.body.data).toMatchObject({ shortcut: 'refund', shared: false });
      expect((await list(ana)).map((r) => r.shortcut)).toEqual(['hello', 'refund']);
      expect((await list(bo)).map((r) => r.shortcut)).toEqual(['hello']);

      const changed = await call(B(), 'PATCH', `/canned-responses/${shared.body.data.id}`, root, { content: 'Hello {{customer_name}}!' });
      expect(changed.body.data.content).toBe('Hello {{customer_name}}!');
      expect((await list(bo))[0].content).toBe('Hello {{customer_name}}!');
      expect((await call(A(), 'DELETE', `/canned-responses/${own.body.data.id}`, ana)).status).toBe(200);
      expect((await list(ana)).map((r) => r.shortcut)).toEqual(['hello']);
    });

    it('refuses what the rules forbid with the right code, changing nothing', async () => {
      const before = { ana: await list(ana), bo: await list(bo) };
      const shared = (await list(ana)).find((r) => r.shared) as CannedResponse;
      const personal = (await call(A(), 'POST', '/canned-responses', bo, { shortcut: 'mine', title: 'Mine', content: 'Bo only' })).body.data as CannedResponse;
      before.bo = await list(bo);
      expectEnvelope(await call(A(), 'GET', '/canned-responses', cleo), 403, 'PERMISSION_DENIED');
      expectEnvelope(await call(A(), 'POST', '/canned-responses', cleo, { shortcut: 'x', title: 'x', content: 'x' }), 403, 'PERMISSION_DENIED');
      expectEnvelope(await call(A(), 'POST', '/canned-responses', ana, { shortcut: 'team', title: 'x', content: 'x', shared: true }), 403, 'PERMISSION_DENIED');
      expectEnvelope(await call(A(), 'PATCH', `/canned-responses/${shared.id}`, ana, { title: 'Hijacked' }), 403, 'PERMISSION_DENIED');
      expectEnvelope(await call(A(), 'DELETE', `/canned-responses/${shared.id}`, ana), 403, 'PERMISSION_DENIED');
      expectEnvelope(await call(A(), 'PATCH', `/canned-responses/${personal.id}`, ana, { title: 'Not yours' }), 404, 'NOT_FOUND');
      expectEnvelope(await call(A(), 'DELETE', `/canned-responses/${randomUUID()}`, ana), 404, 'NOT_FOUND');
      expectEnvelope(await call(A(), 'POST', '/canned-responses', root, { shortcut: 'HELLO', title: 'Again', content: 'x', shared: true }), 409, 'ALREADY_EXISTS');
      expectEnvelope(await call(A(), 'POST', '/canned-responses', bo, { shortcut: 'mine', title: 'Again', content: 'x' }), 409, 'ALREADY_EXISTS');
      for (const body of [{}, { shortcut: 'a b', title: 'x', content: 'x' }, { shortcut: 'a', title: '', content: 'x' }, { shortcut: 'a', title: 'x', content: 'x'.repeat(5001) }, { shortcut: 'a', title: 'x', content: 'x', owner: 'me' }, 'text']) {
        expectEnvelope(await call(A(), 'POST', '/canned-responses', ana, body), 400, 'INVALID_ARGUMENT');
      }
      expectEnvelope(await call(A(), 'PATCH', `/canned-responses/${personal.id}`, bo, {}), 400, 'INVALID_ARGUMENT');
      expectEnvelope(await call(A(), 'PATCH', '/canned-responses/not-an-id', bo, { title: 'x' }), 400, 'INVALID_ARGUMENT');
      expectEnvelope(await call(A(), 'DELETE', '/canned-responses/not-an-id', bo), 400, 'INVALID_ARGUMENT');
      expectEnvelope(await api(A(), 'GET', '/api/v1/chat/canned-responses'), 401, 'UNAUTHENTICATED');
      expect({ ana: await list(ana), bo: await list(bo) }).toEqual(before);
    });
  });

  describe('ratings', () => {
    /** A chat Ana took and resolved, its customer in it on gateway A and Ana on gateway B. */
    async function resolvedChat() {
      const session = await openSession(A(), cleo, { initial_message: 'My order is late' });
      const agentSocket = await sockets.connect(B(), ana);
      await accept(agentSocket, session.id);
      await call(B(), 'PATCH', `/sessions/${session.id}/status`, ana, { status: 'resolved' });
      return { session, agentSocket };
    }

    it('takes one rating from the customer once the chat is resolved, tells the agent at once, and shows it on the session', async () => {
      const { session, agentSocket } = await resolvedChat();
      const heard = waitFor<ChatRatedEvent>(agentSocket, 'chat_rated', (e) => e.session_id === session.id, 10_000);
      const rated = await call(A(), 'POST', `/sessions/${session.id}/rating`, cleo, { score: 4, comment: 'Fast, thanks' });
      expect(rated).toEqual({ status: 201, body: { success: true, data: expect.objectContaining({ session_id: session.id, score: 4, comment: 'Fast, thanks', agent_id: ana.id, agent_name: 'Ana' }) } });
      expect((await heard).rating).toEqual(rated.body.data);
      const detail = (await call(B(), 'GET', `/sessions/${session.id}`, root)).body.data as ChatSessionView;
      expect(detail.rating).toEqual(rated.body.data);
      expectEnvelope(await call(A(), 'POST', `/sessions/${session.id}/rating`, cleo, { score: 1 }), 409, 'ALREADY_EXISTS');
      expect((await call(A(), 'GET', `/sessions/${session.id}`, cleo)).body.data.rating.score).toBe(4);
    });

    it('refuses an open chat, anyone but its customer, and bad scores, rating nothing', async () => {
      const open = await openSession(A(), cleo);
      expectEnvelope(await call(A(), 'POST', `/sessions/${open.id}/rating`, cleo, { score: 5 }), 400, 'FAILED_PRECONDITION');
      const { session } = await resolvedChat();
      expectEnvelope(await call(A(), 'POST', `/sessions/${session.id}/rating`, ana, { score: 5 }), 403, 'PERMISSION_DENIED');
      expectEnvelope(await call(A(), 'POST', `/sessions/${session.id}/rating`, dan, { score: 5 }), 403, 'PERMISSION_DENIED');
      expectEnvelope(await call(A(), 'POST', `/sessions/${randomUUID()}/rating`, cleo, { score: 5 }), 404, 'NOT_FOUND');
      expectEnvelope(await call(A(), 'POST', '/sessions/nope/rating', cleo, { score: 5 }), 400, 'INVALID_ARGUMENT');
      for (const body of [{}, { score: 0 }, { score: 6 }, { score: 2.5 }, { score: '5' }, { score: 5, comment: 7 }, { score: 5, extra: true }]) {
        expectEnvelope(await call(A(), 'POST', `/sessions/${session.id}/rating`, cleo, body), 400, 'INVALID_ARGUMENT');
      }
      expect((await call(A(), 'GET', `/sessions/${session.id}`, cleo)).body.data.rating).toBeNull();
      expect((await call(A(), 'GET', `/sessions/${open.id}`, cleo)).body.data.rating).toBeNull();
    });
  });

  describe('through @parley/client', () => {
    const clients: ParleyClient[] = [];
    const client = async (url: string, user: TestUser) => {
      const c = new ParleyClient({ url, token: user.token, transports: ['websocket'], ackTimeoutMs: 5000 });
      clients.push(c);
      await c.connect();
      return c;
    };
    afterAll(() => clients.forEach((c) => c.disconnect()));

    it('offers an agent the canned response for "/" and its start, fills it in, rates the chat and finds it again', async () => {
      const agent = await client(B(), bo);
      const customer = await client(A(), cleo);
      await agent.rest.createCannedResponse({ shortcut: 'sorry', title: 'Apology', content: 'Sorry {{customer_name}}, {{agent_name}} will fix the pavlova order.' });
      const [offered] = cannedResponsesFor('/sor', await agent.rest.listCannedResponses()) ?? [];
      const session = await customer.rest.openSession({ subject: 'Pavlova', initial_message: 'Where is my pavlova?' });
      const rated = new Promise<ChatRatedEvent>((resolve) => agent.on('chat_rated', resolve));
      await agent.acceptChat(session.id);
      await agent.send(session.id, fillCannedResponse(offered.content, { customer_name: session.customer_name, agent_name: 'Bo' }));
      await agent.rest.updateStatus(session.id, 'resolved');
      await expect(customer.rest.rateSession(session.id, { score: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(await customer.rest.rateSession(session.id, { score: 3 })).toMatchObject({ score: 3, agent_name: 'Bo' });
      expect((await rated).rating.score).toBe(3);
      await expect(customer.rest.rateSession(session.id, { score: 3 })).rejects.toBeInstanceOf(ParleyError);

      await eventually(async () => expect((await customer.rest.search({ q: 'pavlova fix' })).results.map((r) => r.matches[0].snippet)).toEqual(['Sorry Cleo, Bo will fix the pavlova order.']), 10_000);
      expect((await agent.rest.search({ q: 'pavlova', status: 'resolved' })).results.map((r) => r.session.id)).toEqual([session.id]);
    });
  });

  describe('search', () => {
    const search = async (user: TestUser, query: string) => {
      const response = await call(B(), 'GET', `/search?${query}`, user);
      expect(response.status).toBe(200);
      return { results: response.body.data as SessionSearchResult[], meta: response.body.meta };
    };

    it("finds words in any order and by their start, a customer's own chats only, and never a note", async () => {
      const mine = await openSession(A(), cleo, { initial_message: 'The lasagne arrived cold and soggy' });
      const customerSocket = await sockets.connect(A(), cleo);
      await join(customerSocket, mine.id);
      const agentSocket = await sockets.connect(B(), ana);
      await accept(agentSocket, mine.id);
      await send(agentSocket, mine.id, 'So sorry about the soggy lasagne, a refund is coming');
      const theirs = await openSession(A(), dan, { initial_message: 'My lasagne never came' });
      // A private note of the agents, stored as the notes feature stores it (its own migration allows the type).
      await stack.db.knex.raw('alter table chat_messages drop constraint if exists chat_messages_type_check');
      const { rows } = await stack.db.knex.raw('select coalesce(max(seq), 0) + 1 as seq from chat_messages where session_id = ?', [mine.id]);
      await stack.db.knex('chat_messages').insert({ session_id: mine.id, seq: rows[0].seq, sender_id: ana.id, sender_role: 'support', sender_name: 'Ana', content: 'Note: lasagne complaints from this customer every week', message_type: 'note' });

      await eventually(async () => expect((await search(cleo, 'q=lasa')).results.map((r) => r.session.id)).toEqual([mine.id]), 10_000);
      const own = (await search(cleo, 'q=lasa')).results[0];
      expect(own.match_count).toBe(2);
      expect(own.matches.map((m) => m.message_type)).toEqual(['text', 'text']);
      const [reply] = own.matches;
      expect(reply.snippet).toBe('So sorry about the soggy lasagne, a refund is coming');
      expect(reply.highlights.map(([start, end]) => reply.snippet.slice(start, end))).toEqual(['lasagne']);
      // Message 2 is the system line "Ana accepted the chat": never matched.
      expect((await search(cleo, 'q=soggy%20LASAGNE')).results[0].matches.map((m) => m.seq)).toEqual([3, 1]);

      // Staff see the note, which is also the newest match of all.
      const staff = await search(root, 'q=lasagne');
      expect(staff.results.map((r) => r.session.id)).toEqual([mine.id, theirs.id]);
      expect(staff.results[0].matches[0]).toMatchObject({ message_type: 'note', snippet: 'Note: lasagne complaints from this customer every week' });
      expect((await search(dan, 'q=soggy')).results).toEqual([]);
      expect((await search(cleo, 'q=complaints')).results).toEqual([]);
    });

    it('filters by status and pages over sessions', async () => {
      const first = await openSession(A(), dan, { initial_message: 'Where is my tiramisu' });
      const second = await openSession(A(), dan, { initial_message: 'Tiramisu again missing' });
      await call(A(), 'PATCH', `/sessions/${first.id}/status`, dan, { status: 'closed' });
      await eventually(async () => expect((await search(dan, 'q=tiramisu&status=closed')).results.map((r) => r.session.id)).toEqual([first.id]), 10_000);
      expect(await search(dan, 'q=tiramisu&limit=1')).toEqual({ results: [expect.objectContaining({ session: expect.objectContaining({ id: second.id }) })], meta: { has_more: true } });
      expect((await search(dan, 'q=tiramisu&limit=1&offset=1')).meta).toEqual({ has_more: false });
    });

    it('refuses a bad query with the envelope', async () => {
      for (const query of ['', 'q=', 'q=%3F%3F', `q=${'a'.repeat(201)}`, 'q=x&status=open', 'q=x&limit=0', 'q=x&limit=51', 'q=x&offset=-1', 'q=x&offset=1001', 'q=x&page=2']) {
        expectEnvelope(await call(A(), 'GET', `/search?${query}`, cleo), 400, 'INVALID_ARGUMENT');
      }
      expectEnvelope(await api(A(), 'GET', '/api/v1/chat/search?q=x'), 401, 'UNAUTHENTICATED');
    });
  });
});
