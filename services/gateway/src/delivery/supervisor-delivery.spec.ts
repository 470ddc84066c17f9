import { createEvent, routingKeys, type AgentRoster, type ChatRatedEvent, type ChatSession, type Workload } from '@parley/contracts';
import { api, collect, connectClient, eventually, request, testUser, waitFor, type ClientSocket } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('ratings and the live figures, delivered by the gateway', () => {
  let gw: TestGateway;
  const sockets: ClientSocket[] = [];
  const customer = testUser('customer', 'Cleo');
  const agent = testUser('support', 'Ana');
  const admin = testUser('admin', 'Root');
  const connect = async (token: string) => {
    const socket = await connectClient(gw.url, token);
    sockets.push(socket);
    return socket;
  };
  const workload = (version: number, waiting: number): Workload => ({ version, waiting, oldest_waiting_since: waiting ? new Date().toISOString() : null, agents: [] });
  const publishWorkload = (w: Workload) => gw.bus.publish(createEvent('workload.changed', routingKeys.admins('workload.changed'), w));

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => gw.close());

  it('tells the chat and every agent that the customer rated it', async () => {
    const session: ChatSession = (await api(gw.url, 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Rate' } })).body.data;
    const [c, a] = [await connect(customer.token), await connect(agent.token)];
    await request(c, 'join_session', { session_id: session.id });
    const rated: ChatRatedEvent = {
      session_id: session.id,
      rating: { session_id: session.id, score: 5, comment: null, rated_by: customer.id, agent_id: null, agent_name: null, created_at: new Date().toISOString() },
    };
    const [toCustomer, toAgent] = [waitFor<ChatRatedEvent>(c, 'chat_rated'), waitFor<ChatRatedEvent>(a, 'chat_rated')];
    await gw.bus.publish(createEvent('session.rated', routingKeys.session(session.id, 'session.rated'), rated));
    expect(await toCustomer).toEqual(rated);
    expect(await toAgent).toEqual(rated);
  });

  it('pushes the workload and the agents to admins only, never an older workload after a newer one', async () => {
    const [root, ana, cleo] = [await connect(admin.token), await connect(agent.token), await connect(customer.token)];
    const seen = { root: collect<Workload>(root, 'workload_updated'), ana: collect<Workload>(ana, 'workload_updated'), cleo: collect<Workload>(cleo, 'workload_updated') };
    const agents = collect<AgentRoster>(root, 'agents_updated');
    await publishWorkload(workload(100, 3));
    await publishWorkload(workload(99, 1));
    await publishWorkload(workload(101, 2));
    const roster: AgentRoster = { agents: [{ agent_id: agent.id, agent_name: 'Ana', online: true, availability: 'away', offline_since: null }] };
    await gw.bus.publish(createEvent('agent.roster_changed', routingKeys.admins('agent.roster_changed'), roster));
    await eventually(() => expect(seen.root.map((w) => w.waiting)).toEqual([3, 2]));
    await eventually(() => expect(agents).toEqual([roster]));
    expect([seen.ana, seen.cleo]).toEqual([[], []]);
  });

  it('binds the live figures while admins are connected, and again when one comes back', async () => {
    const first = await connect(admin.token);
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await connect(admin.token);
    const next = waitFor<Workload>(again, 'workload_updated');
    await publishWorkload(workload(200, 7));
    expect((await next).waiting).toBe(7);
  });
});
