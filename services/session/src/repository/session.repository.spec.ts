import pino from 'pino';
import { createOutbox, MemoryBus, type Outbox } from '@parley/bus';
import { createEvent, routingKeys, type ChatSession, type EventEnvelope, type Priority, type SessionStatus } from '@parley/contracts';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import type { NewSession, SessionRepository } from '../domain/session.ports';
import { createSessionRepository } from './session.repository';

jest.setTimeout(30_000);

const logger = pino({ level: 'silent' });
const createdEvent = (session: ChatSession) => [createEvent('session.created', routingKeys.session(session.id, 'session.created'), { session, initial_message: null })];

function newSession(overrides: Partial<NewSession> = {}): NewSession {
  return {
    subject: 'My order is late',
    category: null,
    priority: 'medium',
    customer_id: 'customer-1',
    customer_role: 'customer',
    customer_name: 'Cleo',
    restaurant_id: null,
    ticket_id: null,
    ...overrides,
  };
}

describe('session repository (PostgreSQL)', () => {
  let db: TestDatabase;
  let bus: MemoryBus;
  let outbox: Outbox;
  let sessions: SessionRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    bus = new MemoryBus(logger);
    outbox = createOutbox({ knex: db.knex, table: 'session_outbox', bus, logger });
    sessions = createSessionRepository(db.knex, outbox);
  });

  afterAll(async () => {
    await outbox.stop();
    await bus.close();
    await db.drop();
  });

  beforeEach(async () => {
    await outbox.flush();
    await db.knex.raw('truncate chat_sessions, session_outbox');
  });

  const outboxRows = () =>
    db.knex('session_outbox').orderBy('id').select<{ event_id: string; type: string; routing_key: string; payload: EventEnvelope }[]>('event_id', 'type', 'routing_key', 'payload');

  describe('create', () => {
    it('stores the session as waiting', async () => {
      const created = await sessions.create(newSession({ priority: 'high', category: 'order_issue' }), createdEvent);

      expect(created).toMatchObject({ status: 'waiting', priority: 'high', category: 'order_issue', customer_id: 'customer-1', agent_id: null, closed_at: null });
      expect(new Date(created.created_at).toISOString()).toBe(created.created_at);
      expect(await sessions.get(created.id)).toEqual(created);
    });

    it('keeps its session.created event in session_outbox, committed with it, while the bus is away', async () => {
      const away = new MemoryBus(logger);
      await away.close();
      const offline = createOutbox({ knex: db.knex, table: 'session_outbox', bus: away, logger });
      const created = await createSessionRepository(db.knex, offline).create(newSession(), createdEvent);
      await offline.stop();

      const rows = await outboxRows();
      expect(rows.map((r) => r.type)).toEqual(['session.created', 'workload.changed']);
      expect(rows[0]).toMatchObject({ type: 'session.created', routing_key: `session.${created.id}.session.created` });
      expect(rows[0].payload).toMatchObject({ id: rows[0].event_id, type: 'session.created', data: { session: created } });
      // The supervisors' live view: the queue as the new chat left it.
      expect(rows[1]).toMatchObject({ routing_key: 'admins.workload.changed', payload: { data: { waiting: 1, oldest_waiting_since: created.created_at, agents: [] } } });
    });

    it('stores neither the session nor an event when the events cannot be made', async () => {
      const failure = new Error('cannot build the event');
      await expect(
        sessions.create(newSession(), () => {
          throw failure;
        }),
      ).rejects.toBe(failure);

      expect(await db.knex('chat_sessions').select('id')).toEqual([]);
      expect(await outboxRows()).toEqual([]);
    });

    it('hands the event to the bus after the commit', async () => {
      const received: EventEnvelope[] = [];
      const subscription = await bus.subscribe({ queue: 'agents-test', exclusive: true, patterns: [routingKeys.lifecyclePattern()] }, (event) => void received.push(event));
      try {
        const created = await sessions.create(newSession(), createdEvent);
        await outbox.flush();
        await new Promise((resolve) => setImmediate(resolve));
        expect(received.map((e) => e.data)).toEqual([{ session: created, initial_message: null }]);
        expect(await outboxRows()).toEqual([]);
      } finally {
        await subscription.close();
      }
    });
  });

  it('answers null for a session that does not exist', async () => {
    expect(await sessions.get('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  describe('list', () => {
    /** A session created `minutesAgo`, moved to `status` the way a later transition would. */
    async function seed(label: string, priority: Priority, minutesAgo: number, status: SessionStatus = 'waiting', customer = 'customer-1') {
      const created = await sessions.create(newSession({ subject: label, priority, customer_id: customer }), () => []);
      await db.knex('chat_sessions').where({ id: created.id }).update({ status, created_at: new Date(Date.now() - minutesAgo * 60_000) });
      return label;
    }
    const subjects = (list: ChatSession[]) => list.map((s) => s.subject);

    beforeEach(async () => {
      await seed('low-50', 'low', 50);
      await seed('urgent-10', 'urgent', 10, 'waiting', 'customer-2');
      await seed('high-30', 'high', 30);
      await seed('urgent-40', 'urgent', 40);
      await seed('medium-20', 'medium', 20, 'waiting', 'customer-2');
      await seed('high-5', 'high', 5);
      await seed('active-15', 'urgent', 15, 'active');
      await seed('active-1', 'low', 1, 'active', 'customer-2');
      await seed('closed-60', 'urgent', 60, 'closed');
    });

    it('orders the waiting queue by priority, then the longest waiting first', async () => {
      const queue = await sessions.list({ status: 'waiting', limit: 50, offset: 0 });
      expect(subjects(queue)).toEqual(['urgent-40', 'urgent-10', 'high-30', 'high-5', 'medium-20', 'low-50']);
    });

    it('pages the waiting queue with limit and offset', async () => {
      expect(subjects(await sessions.list({ status: 'waiting', limit: 2, offset: 1 }))).toEqual(['urgent-10', 'high-30']);
      expect(subjects(await sessions.list({ status: 'waiting', limit: 2, offset: 5 }))).toEqual(['low-50']);
    });

    it('lists other statuses, and all sessions, newest first', async () => {
      expect(subjects(await sessions.list({ status: 'active', limit: 50, offset: 0 }))).toEqual(['active-1', 'active-15']);
      expect(subjects(await sessions.list({ limit: 50, offset: 0 }))).toEqual([
        'active-1', 'high-5', 'urgent-10', 'active-15', 'medium-20', 'high-30', 'urgent-40', 'low-50', 'closed-60',
      ]);
      expect(subjects(await sessions.list({ limit: 3, offset: 2 }))).toEqual(['urgent-10', 'active-15', 'medium-20']);
    });

    it("lists only one requester's sessions when asked", async () => {
      expect(subjects(await sessions.list({ customerId: 'customer-2', limit: 50, offset: 0 }))).toEqual(['active-1', 'urgent-10', 'medium-20']);
      expect(subjects(await sessions.list({ customerId: 'customer-2', status: 'waiting', limit: 50, offset: 0 }))).toEqual(['urgent-10', 'medium-20']);
      expect(await sessions.list({ customerId: 'nobody', limit: 50, offset: 0 })).toEqual([]);
      // An empty requester id is still a filter: it must not widen to every session.
      expect(await sessions.list({ customerId: '', limit: 50, offset: 0 })).toEqual([]);
    });
  });
});
