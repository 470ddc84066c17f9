import type { ChatSession, NewMessageEvent, SessionJoinedEvent } from '@parley/contracts';
import { collect, connectClient, eventually, joinedClient, request, testUser, waitFor, type ClientSocket } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

/** Live delivery of private notes: staff sockets get them, a customer's never, and nothing after a note is held back. */
describe('gateway sockets: private notes', () => {
  let gw: TestGateway;
  const sockets: ClientSocket[] = [];
  const customer = testUser('customer', 'Cleo');
  const agent = testUser('support', 'Ana');
  const admin = testUser('admin', 'Root');
  let session: ChatSession;

  const joined = (token: string) => joinedClient(gw.url, token, session.id, sockets);
  const contents = (events: NewMessageEvent[]) => events.map((e) => e.message.content);

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  beforeEach(async () => {
    session = await gw.backend.sessionsApi.create({ identity: { userId: customer.id, role: 'customer', name: 'Cleo' } }, { subject: 'Late', priority: 'high', initial_message: 'Where is it?' });
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => gw.close());

  it("delivers a note to staff sockets only, and the customer's next message right after it", async () => {
    const [c, a, r] = [await joined(customer.token), await joined(agent.token), await joined(admin.token)];
    const [toCustomer, toAdmin] = [collect<NewMessageEvent>(c, 'new_message'), collect<NewMessageEvent>(r, 'new_message')];
    const sent = await request<{ seq: number }>(a, 'send_message', { session_id: session.id, content: 'Courier is late again', message_type: 'note' });
    expect(sent).toMatchObject({ ok: true, data: { seq: 2 } });
    await eventually(() => expect(toAdmin.map((e) => e.message.message_type)).toEqual(['note']));
    await request(a, 'send_message', { session_id: session.id, content: 'Checking with the courier' });
    // Seq 3 follows the skipped seq 2 at once: the customer's socket counts the note as delivered.
    await eventually(() => expect(contents(toCustomer)).toEqual(['Checking with the courier']), 1000);
    await eventually(() => expect(contents(toAdmin)).toEqual(['Courier is late again', 'Checking with the courier']));
    expect(toCustomer.map((e) => e.message.seq)).toEqual([3]);
  });

  it('leaves notes out of what a customer gets on joining and catching up; staff get them', async () => {
    const a = await joined(agent.token);
    await request(a, 'send_message', { session_id: session.id, content: 'Refund if over an hour', message_type: 'note' });
    const c = await connectClient(gw.url, customer.token);
    sockets.push(c);
    const fresh = await request<SessionJoinedEvent>(c, 'join_session', { session_id: session.id });
    expect(fresh.data?.messages.map((m) => m.content)).toEqual(['Where is it?']);
    const caughtUp = await request<SessionJoinedEvent>(c, 'join_session', { session_id: session.id, last_seq: 1 });
    expect(caughtUp.data?.messages).toEqual([]);
    const r = await connectClient(gw.url, admin.token);
    sockets.push(r);
    const staff = await request<SessionJoinedEvent>(r, 'join_session', { session_id: session.id, last_seq: 1 });
    expect(staff.data?.messages.map((m) => m.message_type)).toEqual(['note']);
  });

  it("refuses a customer's note with the error event and PERMISSION_DENIED, storing nothing", async () => {
    const c = await joined(customer.token);
    const error = waitFor<{ code: string; message: string }>(c, 'error');
    const answer = await request(c, 'send_message', { session_id: session.id, content: 'psst', message_type: 'note' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED', message: 'Only support agents and admins write private notes' } });
    expect(await error).toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(gw.backend.messages.filter((m) => m.session_id === session.id)).toHaveLength(1);
  });
});
