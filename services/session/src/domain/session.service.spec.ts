import { randomUUID } from 'node:crypto';
import type { Identity } from '@parley/contracts';
import { FakeSessionRepository } from '../testing/fake-session.repository';
import { ana, cleo, dan, gatewayService, pizzeria, root } from '../testing/identities';
import { createSessionService, type CreateSessionCommand } from './session.service';

const byRole = (...identities: Identity[]): [string, Identity][] => identities.map((identity) => [identity.role, identity]);

function setup() {
  const sessions = new FakeSessionRepository();
  return { sessions, service: createSessionService({ sessions }) };
}

describe('session service: create', () => {
  it('opens a waiting chat for a customer, with a session.created event for the agents', async () => {
    const { sessions, service } = setup();
    const session = await service.create(cleo, { subject: '  Order #42 is late  ', category: 'order_issue', priority: 'high' });

    expect(session).toMatchObject({
      subject: 'Order #42 is late',
      category: 'order_issue',
      priority: 'high',
      status: 'waiting',
      customer_id: cleo.userId,
      customer_role: 'customer',
      customer_name: 'Cleo',
      restaurant_id: null,
      ticket_id: null,
    });
    expect(sessions.sessions).toEqual([session]);
    expect(sessions.events).toEqual([
      expect.objectContaining({ type: 'session.created', routing_key: `session.${session.id}.session.created`, data: { session, initial_message: null } }),
      expect.objectContaining({ type: 'queue.changed', routing_key: 'agents.queue.changed', data: { version: 1, waiting: [session.id], total: 1 } }),
    ]);
  });

  it('opens a chat for a restaurant, medium priority unless told', async () => {
    const { service } = setup();
    const restaurantId = randomUUID();
    const session = await service.create(pizzeria, { subject: 'Menu sync broken', restaurant_id: restaurantId });
    expect(session).toMatchObject({ customer_role: 'restaurant', customer_id: pizzeria.userId, priority: 'medium', restaurant_id: restaurantId });
  });

  it.each(byRole(ana, root, gatewayService))('refuses the %s role with PERMISSION_DENIED and stores nothing', async (_role, identity) => {
    const { sessions, service } = setup();
    await expect(service.create(identity, { subject: 'Help' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(sessions.sessions).toEqual([]);
    expect(sessions.events).toEqual([]);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['a missing subject', {}, 'subject', /subject must be a string/],
    ['an empty subject', { subject: '' }, 'subject', /subject must not be empty/],
    ['a blank subject', { subject: '   ' }, 'subject', /subject must not be empty/],
    ['a subject over 200 characters', { subject: 'x'.repeat(201) }, 'subject', /subject must be at most 200 characters/],
    ['a subject that is not a string', { subject: 42 }, 'subject', /subject must be a string/],
    ['an unknown priority', { subject: 'Help', priority: 'critical' }, 'priority', /priority/],
    ['a restaurant_id that is not a UUID', { subject: 'Help', restaurant_id: 'pizzeria-1' }, 'restaurant_id', /restaurant_id must be a UUID/],
    ['a ticket_id that is not a UUID', { subject: 'Help', ticket_id: '17' }, 'ticket_id', /ticket_id must be a UUID/],
    ['a NUL character in the subject', { subject: 'Order\u0000 late' }, 'subject', /subject must not contain NUL characters/],
    ['a NUL character in the category', { subject: 'Help', category: 'order\u0000' }, 'category', /category must not contain NUL characters/],
  ])('refuses %s with INVALID_ARGUMENT naming the field, storing nothing', async (_label, command, field, message) => {
    const { sessions, service } = setup();
    await expect(service.create(cleo, command as CreateSessionCommand)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(message),
      details: { field },
    });
    expect(sessions.sessions).toEqual([]);
    expect(sessions.events).toEqual([]);
  });

  it('refuses an unknown field by name and stores nothing', async () => {
    const { sessions, service } = setup();
    const command = { subject: 'Help', colour: 'red' } as CreateSessionCommand;
    await expect(service.create(cleo, command)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'Unknown field: colour' });
    expect(sessions.sessions).toEqual([]);
  });
});

describe('session service: get', () => {
  it('answers NOT_FOUND for a session that does not exist', async () => {
    const { service } = setup();
    await expect(service.get(cleo, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers INVALID_ARGUMENT for an id that is not a UUID', async () => {
    const { service } = setup();
    await expect(service.get(cleo, 'abc')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'session_id must be a UUID' });
  });

  it("refuses another customer's session with PERMISSION_DENIED", async () => {
    const { sessions, service } = setup();
    const session = sessions.seed({ customer_id: cleo.userId });
    await expect(service.get(dan, session.id)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(service.get(pizzeria, session.id)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it.each(byRole(cleo, ana, root, gatewayService))('shows the session to its owner, support, admin and services (%s)', async (_role, identity) => {
    const { sessions, service } = setup();
    const session = sessions.seed({ customer_id: cleo.userId });
    // A waiting chat comes with its place in the queue.
    await expect(service.get(identity, session.id, { queuePosition: true })).resolves.toEqual({ ...session, queue_position: 1 });
    // An access check (the other services ask on every message) skips the count.
    await expect(service.get(identity, session.id)).resolves.toEqual(session);
  });
});

describe('session service: list', () => {
  it('shows a requester only their own sessions', async () => {
    const { sessions, service } = setup();
    const own = sessions.seed({ customer_id: cleo.userId });
    sessions.seed({ customer_id: dan.userId });
    const restaurant = sessions.seed({ customer_id: pizzeria.userId, customer_role: 'restaurant' });

    expect(await service.list(cleo, {})).toEqual([own]);
    expect(await service.list(pizzeria, {})).toEqual([restaurant]);
    expect(sessions.listFilters[0]).toEqual({ customerId: cleo.userId, status: undefined, limit: 50, offset: 0 });
  });

  it.each(byRole(ana, root, gatewayService))('shows the %s role every session', async (_role, identity) => {
    const { sessions, service } = setup();
    const all = [sessions.seed({ customer_id: cleo.userId }), sessions.seed({ customer_id: dan.userId })];
    expect(await service.list(identity, {})).toEqual(all);
    expect(sessions.listFilters[0].customerId).toBeUndefined();
  });

  it("passes the waiting queue through in the repository's order, with limit and offset", async () => {
    const { sessions, service } = setup();
    const queue = [
      sessions.seed({ priority: 'urgent', customer_id: 'a' }),
      sessions.seed({ priority: 'high', customer_id: 'b' }),
      sessions.seed({ priority: 'low', customer_id: 'c' }),
    ];
    sessions.seed({ status: 'active' });

    // The queue's order is each chat's position in it.
    expect(await service.list(ana, { status: 'waiting' })).toEqual(queue.map((s, i) => ({ ...s, queue_position: i + 1 })));
    expect(await service.list(ana, { status: 'waiting', limit: 1, offset: 1 })).toEqual([{ ...queue[1], queue_position: 2 }]);
    expect(sessions.listFilters[1]).toEqual({ customerId: undefined, agentId: undefined, status: 'waiting', limit: 1, offset: 1 });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown status', { status: 'lost' }, 'status'],
    ['a limit over 200', { limit: 201 }, 'limit'],
    ['a limit of zero', { limit: 0 }, 'limit'],
    ['a negative offset', { offset: -1 }, 'offset'],
  ])('refuses %s with INVALID_ARGUMENT', async (_label, command, field) => {
    const { service } = setup();
    await expect(service.list(ana, command)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field } });
  });
});
