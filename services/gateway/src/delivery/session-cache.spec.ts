import { createEvent, routingKeys, type ChatSession, type Identity } from '@parley/contracts';
import { SessionCache } from './session-cache';

const cleo: Identity = { userId: 'customer-1', role: 'customer', name: 'Cleo' };
const dan: Identity = { userId: 'customer-2', role: 'customer', name: 'Dan' };
const ana: Identity = { userId: 'agent-1', role: 'support', name: 'Ana' };

const session = (id: string, overrides: Partial<ChatSession> = {}): ChatSession => ({
  id,
  subject: 'Late',
  category: null,
  priority: 'medium',
  status: 'active',
  customer_id: cleo.userId,
  customer_role: 'customer',
  customer_name: 'Cleo',
  restaurant_id: null,
  ticket_id: null,
  agent_id: ana.userId,
  agent_name: 'Ana',
  created_at: '2026-12-04T10:00:00.000Z',
  updated_at: '2026-12-04T10:00:00.000Z',
  accepted_at: null,
  resolved_at: null,
  closed_at: null,
  ...overrides,
});

describe('SessionCache', () => {
  const bound = new Set(['s-1', 's-2']);
  let cache: SessionCache;
  beforeEach(() => {
    cache = new SessionCache((id) => bound.has(id));
  });

  it('answers a held session to those who may see it, and refuses the others from memory', () => {
    cache.remember(session('s-1'));
    expect(cache.lookup(cleo, 'S-1')).toMatchObject({ id: 's-1' });
    expect(cache.lookup(ana, 's-1')).toMatchObject({ id: 's-1' });
    expect(() => cache.lookup(dan, 's-1')).toThrow(expect.objectContaining({ code: 'PERMISSION_DENIED' }));
  });

  it('holds nothing for a session whose events it does not receive, nor answers from what it held once', () => {
    cache.remember(session('s-9'));
    expect(cache.lookup(cleo, 's-9')).toBeUndefined();
    cache.apply(createEvent('session.status_changed', routingKeys.session('s-9', 'session.status_changed'), { session: session('s-9', { status: 'closed' }), previous_status: 'active', by: { user_id: 'a', role: 'support', name: 'A' } }));
    expect(cache.lookup(cleo, 's-9')).toBeUndefined();
  });

  it('follows the events, and never lets an older copy replace a newer one', () => {
    cache.remember(session('s-1'));
    const closed = session('s-1', { status: 'closed', updated_at: '2026-12-04T10:05:00.000Z' });
    cache.apply(createEvent('session.status_changed', routingKeys.session('s-1', 'session.status_changed'), { session: closed, previous_status: 'active', by: { user_id: 'a', role: 'support', name: 'A' } }));
    expect(cache.lookup(cleo, 's-1')).toMatchObject({ status: 'closed' });
    // A read that started before the change comes back after it: the newer stays.
    cache.remember(session('s-1'));
    expect(cache.lookup(cleo, 's-1')).toMatchObject({ status: 'closed' });
  });

  it("places a waiting session by the newest queue event, and asks the session service when it cannot", () => {
    cache.remember(session('s-2', { status: 'waiting', agent_id: null, agent_name: null, queue_position: 7 }));
    expect(cache.lookup(cleo, 's-2')).toBeUndefined();
    cache.apply(createEvent('queue.changed', routingKeys.agents('queue.changed'), { version: 2, waiting: ['s-0', 's-2'], total: 2 }));
    expect(cache.lookup(cleo, 's-2')).toMatchObject({ queue_position: 2 });
    // An older snapshot arriving late changes nothing.
    cache.apply(createEvent('queue.changed', routingKeys.agents('queue.changed'), { version: 1, waiting: ['s-0', 's-1', 's-2'], total: 3 }));
    expect(cache.lookup(cleo, 's-2')).toMatchObject({ queue_position: 2 });
  });

  it('forgets a session, and everything when events may have been missed', () => {
    cache.remember(session('s-1'));
    cache.remember(session('s-2'));
    cache.forget('s-1');
    expect(cache.lookup(cleo, 's-1')).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
