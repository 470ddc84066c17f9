import pino from 'pino';
import type { Knex } from 'knex';
import { createOutbox, MemoryBus, type Outbox } from '@parley/bus';
import { createEvent, routingKeys, type AgentState, type ChatSession, type Identity } from '@parley/contracts';
import { createKnex, createTestDatabase, type TestDatabase } from '@parley/db';
import { createAssigner, type Assigner } from '../domain/assigner.service';
import { sessionAccepted } from '../domain/session-events';
import type { SessionRepository } from '../domain/session.ports';
import { createAssignmentRepository } from './assignment.repository';
import { createSessionRepository } from './session.repository';

jest.setTimeout(60_000);

const logger = pino({ level: 'silent' });
const agents = ['ana', 'bo', 'cy'];
const CAPACITY = 4;
const online = (): AgentState[] => agents.map((id) => ({ agent_id: id, agent_name: `Agent ${id}`, online: true, availability: 'available', offline_since: null }));
const agentIdentity = (id: string): Identity => ({ userId: id, role: 'support', name: `Agent ${id}` });

/** One session service instance: its own connection pool, bus, outbox, repositories and assigner. */
interface Instance {
  knex: Knex;
  bus: MemoryBus;
  outbox: Outbox;
  sessions: SessionRepository;
  assigner: Assigner;
  /** The sessions of the session.accepted events it published. */
  accepted: string[];
}

/**
 * Two session services on one database, as in a deployment with several instances: each decision
 * that must be taken once (who gets a chat) holds whichever instance takes it.
 */
describe('two session service instances on one database (PostgreSQL)', () => {
  let db: TestDatabase;
  let a: Instance;
  let b: Instance;

  const instance = async (): Promise<Instance> => {
    const knex = createKnex({ url: db.url, poolMax: 5 });
    const bus = new MemoryBus(logger);
    const accepted: string[] = [];
    await bus.subscribe({ queue: 'accepted', exclusive: true, patterns: ['session.*.session.accepted'] }, (event) => void accepted.push((event.data as { session: ChatSession }).session.id));
    const outbox = createOutbox({ knex, table: 'session_outbox', bus, logger });
    const sessions = createSessionRepository(knex, outbox);
    const assigner = createAssigner({
      sessions,
      assignments: createAssignmentRepository(knex),
      agents: { agentStates: async () => online() },
      answers: { answered: async () => [] },
      settings: { strategy: 'least_loaded', maxChatsPerAgent: CAPACITY, batchSize: 50, offlineGraceMs: 0, replyTimeoutMs: 0 },
    });
    return { knex, bus, outbox, sessions, assigner, accepted };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await instance();
    b = await instance();
  });
  afterAll(async () => {
    for (const i of [a, b]) {
      await i.outbox.stop();
      await i.bus.close();
      await i.knex.destroy();
    }
    await db.drop();
  });
  beforeEach(async () => {
    await Promise.all([a.outbox.flush(), b.outbox.flush()]);
    await db.knex.raw('truncate chat_sessions, session_outbox');
    a.accepted.length = 0;
    b.accepted.length = 0;
  });

  const openChats = (n: number): Promise<ChatSession[]> =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        a.sessions.create(
          { subject: `Order ${i}`, category: null, priority: 'medium', customer_id: `customer-${i}`, customer_role: 'customer', customer_name: 'Cleo', restaurant_id: null, ticket_id: null },
          (session) => [createEvent('session.created', routingKeys.session(session.id, 'session.created'), { session, initial_message: null })],
        ),
      ),
    );

  /** session.accepted events published by either instance, per session: each is a chat given to someone. */
  const acceptedPerSession = async (): Promise<Map<string, number>> => {
    await Promise.all([a.outbox.flush(), b.outbox.flush()]);
    // The in-process bus hands events over on the next turns of the event loop.
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    const counts = new Map<string, number>();
    for (const id of [...a.accepted, ...b.accepted]) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };

  const accept = (on: Instance, sessionId: string, agentId: string) =>
    on.sessions.change(
      sessionId,
      { expect: { status: 'waiting' }, set: { status: 'active', agent_id: agentId, agent_name: `Agent ${agentId}` }, stamp: 'accepted_at' },
      (updated, queue) => sessionAccepted(updated, agentIdentity(agentId), queue),
    );

  it('never lets two agents accept one chat, each through another instance, at the same moment', async () => {
    const chats = await openChats(30);
    const outcomes = await Promise.all(chats.flatMap((chat) => [accept(a, chat.id, 'ana'), accept(b, chat.id, 'bo')]));

    const winners = outcomes.filter((o): o is ChatSession => o !== null);
    expect(winners).toHaveLength(chats.length);
    expect(new Set(winners.map((w) => w.id)).size).toBe(chats.length);
    const stored = await db.knex('chat_sessions').select<{ id: string; status: string; agent_id: string }[]>('id', 'status', 'agent_id');
    for (const row of stored) expect(row).toEqual({ id: row.id, status: 'active', agent_id: winners.find((w) => w.id === row.id)?.agent_id });
    expect([...(await acceptedPerSession()).values()]).toEqual(chats.map(() => 1));
  });

  it('never gives one chat twice with two assigners passing at once, and keeps each agent within capacity', async () => {
    const chats = await openChats(20);
    // Passes on both instances, started together, round after round, while agents also accept by hand.
    for (let round = 0; round < 4; round++) {
      await Promise.all([a.assigner.runPass(), b.assigner.runPass(), accept(b, chats[round].id, agents[round % agents.length]), a.assigner.runPass()]);
    }

    const given = await acceptedPerSession();
    expect([...given.values()].every((n) => n === 1)).toBe(true);
    const active = await db.knex('chat_sessions').where({ status: 'active' }).select<{ agent_id: string }[]>('agent_id');
    expect(active).toHaveLength(given.size);
    // Capacity is the assigner's rule; an agent's own accept may take them one past it.
    for (const agent of agents) expect(active.filter((r) => r.agent_id === agent).length).toBeLessThanOrEqual(CAPACITY + 1);
    expect(active.length).toBeGreaterThanOrEqual(agents.length * CAPACITY);
  });
});
