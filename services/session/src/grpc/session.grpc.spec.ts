import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { TEST_INTERNAL_GRPC_TOKEN } from '@parley/testing';
import { routingKeys, type EventEnvelope, type Identity } from '@parley/contracts';
import { callerToProto, sessionProto, toMetadata, type SessionClient, internalClientOptions } from '@parley/grpc';
import { ana, cleo, dan, pizzeria } from '../testing/identities';
import { startSessionHarness, type SessionHarness } from '../testing/session-harness';

jest.setTimeout(30_000);

const as = (identity: Identity) => ({ identity });
const gateway: Identity = { userId: 'gateway:test', role: 'service', name: 'gateway' };

describe('session service over gRPC', () => {
  let harness: SessionHarness;
  let client: SessionClient;

  beforeAll(async () => {
    harness = await startSessionHarness();
    client = harness.client;
  });
  afterAll(() => harness.stop());

  describe('CreateSession', () => {
    it('opens a waiting chat for the calling customer; empty proto fields come back empty', async () => {
      const session = await client.createSession({ subject: 'Order #42 is late', priority: 'urgent' }, as(cleo));
      expect(session).toMatchObject({ subject: 'Order #42 is late', priority: 'urgent', status: 'waiting', customer_id: cleo.userId, customer_name: 'Cleo', category: '', agent_id: '' });
      // Reading it back adds where it stands in the queue.
      expect(await client.getSession(session.id, as(cleo), true)).toEqual({ ...session, queue_position: 1 });
      expect(await client.getSession(session.id, as(cleo))).toEqual(session);
    });

    it('refuses a support agent with PERMISSION_DENIED', async () => {
      await expect(client.createSession({ subject: 'Help' }, as(ana))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    });

    it.each([
      ['an empty subject', { subject: '' }, /subject/],
      ['a subject over 200 characters', { subject: 'x'.repeat(201) }, /subject/],
      ['an unknown priority', { subject: 'Help', priority: 'critical' }, /priority/],
      ['a restaurant_id that is not a UUID', { subject: 'Help', restaurant_id: 'r-1' }, /restaurant_id/],
      ['a NUL character in the subject', { subject: 'Late\u0000order' }, /subject must not contain NUL/],
    ])('refuses %s with INVALID_ARGUMENT naming the field', async (_label, request, field) => {
      await expect(client.createSession(request, as(pizzeria))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(field) });
    });
  });

  describe('GetSession', () => {
    it('answers NOT_FOUND, PERMISSION_DENIED and INVALID_ARGUMENT as the caller should see them', async () => {
      const session = await client.createSession({ subject: 'Refund' }, as(cleo));
      await expect(client.getSession(randomUUID(), as(cleo))).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Session not found' });
      await expect(client.getSession(session.id, as(dan))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
      await expect(client.getSession('not-a-uuid', as(cleo))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'session_id must be a UUID' });
      await expect(client.getSession(session.id, as(ana))).resolves.toMatchObject({ id: session.id });
    });
  });

  describe('GetSessions (a gateway\'s batch of look-ups)', () => {
    it('answers each item for its own caller, in order, with its queue position when asked, and fails a refused item alone', async () => {
      await harness.db.knex('chat_sessions').del();
      const first = await client.createSession({ subject: 'First', priority: 'low' }, as(cleo));
      const second = await client.createSession({ subject: 'Second', priority: 'low' }, as(cleo));
      const item = (identity: Identity, sessionId: string, queue = true) => ({ caller: callerToProto({ identity }), request: { session_id: sessionId, include_queue_position: queue } });
      const { outcomes } = await client.getSessions(
        [item(cleo, second.id), item(dan, first.id), item(ana, first.id), item(cleo, 'not-a-uuid'), item(cleo, randomUUID()), item(cleo, first.id, false)],
        as(gateway),
      );
      expect(outcomes.map((o) => (o.session ? [o.session.subject, o.session.queue_position] : o.error?.code))).toEqual([
        ['Second', 2],
        'PERMISSION_DENIED',
        ['First', 1],
        'INVALID_ARGUMENT',
        'NOT_FOUND',
        ['First', 0],
      ]);
    });

    it('refuses a batch from a user: only services send batches', async () => {
      await expect(client.getSessions([], as(cleo))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    });
  });

  describe('ListSessions', () => {
    it('shows a requester their own sessions and support the waiting queue', async () => {
      await harness.db.knex('chat_sessions').del();
      const mine = await client.createSession({ subject: 'Mine', priority: 'low' }, as(dan));
      const urgent = await client.createSession({ subject: 'Urgent', priority: 'urgent' }, as(pizzeria));

      const own = await client.listSessions({}, as(dan));
      expect(own.sessions.map((s) => s.id)).toEqual([mine.id]);

      const queue = await client.listSessions({ status: 'waiting' }, as(ana));
      expect(queue.sessions[0].id).toBe(urgent.id);
      expect(queue.sessions.at(-1)?.id).toBe(mine.id);
      expect((await client.listSessions({ status: 'waiting', limit: 1, offset: 1 }, as(ana))).sessions).toHaveLength(1);
    });

    it('refuses a limit over 200 and an unknown status with INVALID_ARGUMENT', async () => {
      await expect(client.listSessions({ limit: 500 }, as(ana))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(client.listSessions({ status: 'lost' }, as(ana))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });
  });

  describe('identity', () => {
    it.each<[string, Identity]>([
      ['no user id', { userId: '', role: 'customer', name: 'Cleo' }],
      ['an unknown role', { userId: 'u-1', role: 'root' as Identity['role'], name: 'Mallory' }],
    ])('answers UNAUTHENTICATED for a call with %s', async (_label, identity) => {
      await expect(client.listSessions({}, as(identity))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('answers UNAUTHENTICATED for a call without any identity metadata', async () => {
      const raw = new (sessionProto().SessionService)(harness.address, grpc.credentials.createInsecure(), internalClientOptions(TEST_INTERNAL_GRPC_TOKEN));
      try {
        const error = await new Promise<grpc.ServiceError | null>((resolve) => raw.ListSessions({}, (e) => resolve(e)));
        expect(error).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
      } finally {
        raw.close();
      }
    });
  });

  it('shows an unexpected failure only as INTERNAL "Internal error", never the SQL', async () => {
    const session = await client.createSession({ subject: 'Before the outage' }, as(cleo));
    await harness.db.knex.raw('alter table chat_sessions rename to chat_sessions_away');
    const raw = new (sessionProto().SessionService)(harness.address, grpc.credentials.createInsecure(), internalClientOptions(TEST_INTERNAL_GRPC_TOKEN));
    try {
      const metadata = toMetadata({ identity: cleo });
      const error = await new Promise<grpc.ServiceError | null>((resolve) => raw.GetSession({ session_id: session.id }, metadata, (e) => resolve(e)));
      expect(error).toMatchObject({ code: grpc.status.INTERNAL, details: 'Internal error' });
      await expect(client.getSession(session.id, as(cleo))).rejects.toMatchObject({ code: 'INTERNAL', message: 'Internal error' });
    } finally {
      raw.close();
      await harness.db.knex.raw('alter table chat_sessions_away rename to chat_sessions');
    }
    await expect(client.getSession(session.id, as(cleo))).resolves.toMatchObject({ id: session.id });
  });

  it('publishes session.created to the agents once the chat is stored', async () => {
    const received: EventEnvelope[] = [];
    const subscription = await harness.bus.subscribe({ queue: 'agents-room', exclusive: true, patterns: [routingKeys.lifecyclePattern()] }, (event) => void received.push(event));
    try {
      const session = await client.createSession({ subject: 'Where is my rider?' }, as(cleo));
      // Only this chat's event: an earlier test's may still be on its way.
      const announced = () => received.filter((e) => e.type === 'session.created' && (e as EventEnvelope<'session.created'>).data.session.id === session.id);
      await waitUntil(() => announced().length > 0);
      expect(announced()).toEqual([
        expect.objectContaining({ type: 'session.created', routing_key: `session.${session.id}.session.created`, data: { session: expect.objectContaining({ id: session.id, subject: 'Where is my rider?', status: 'waiting' }), initial_message: null } }),
      ]);
    } finally {
      await subscription.close();
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
