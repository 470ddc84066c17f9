import pino from 'pino';
import { MemoryBus, type EventBus, type EventHandler, type Subscription } from '@parley/bus';
import { createEvent, routingKeys, type Identity } from '@parley/contracts';
import { FakeSessionDirectory } from '@parley/testing';
import { CachedSessionDirectory } from './cached-session-directory';
import { invalidateSessionCache } from './session-cache.invalidation';

const ana: Identity = { userId: 'agent-1', role: 'support', name: 'Ana' };

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('session cache invalidation', () => {
  it('drops a session when one of its lifecycle events arrives, and only that one', async () => {
    const bus = new MemoryBus(pino({ level: 'silent' }));
    const source = new FakeSessionDirectory();
    const cache = new CachedSessionDirectory(source, { ttlMs: 60_000, maxSessions: 100 });
    const [closing, other] = [source.add(), source.add()];
    const subscription = await invalidateSessionCache(bus, 'parley.test', 'message', cache);
    await cache.get(ana, closing.id);
    await cache.get(ana, other.id);

    const closed = { ...closing, status: 'closed' as const };
    source.sessions.set(closing.id, closed);
    await bus.publish(createEvent('session.status_changed', routingKeys.session(closing.id, 'session.status_changed'), { session: closed, previous_status: 'resolved', by: { user_id: ana.userId, name: ana.name, role: 'support' } }));
    await bus.publish(createEvent('typing.started', routingKeys.session(other.id, 'typing.started'), { session_id: other.id, user_id: ana.userId, user_name: ana.name }));
    await until(() => cache.size === 1);

    expect(cache.size).toBe(1);
    expect((await cache.get(ana, closing.id)).status).toBe('closed');
    await cache.get(ana, other.id);
    expect(source.asked.map((a) => a.sessionId)).toEqual([closing.id, other.id, closing.id]);
    await subscription.close();
    await bus.close();
  });

  it('holds the session an event carries, so the next look-up asks nobody', async () => {
    const bus = new MemoryBus(pino({ level: 'silent' }));
    const source = new FakeSessionDirectory();
    const cache = new CachedSessionDirectory(source, { ttlMs: 60_000, maxSessions: 100 });
    const waiting = source.open({ userId: 'customer-1', role: 'customer', name: 'Cleo' });
    const subscription = await invalidateSessionCache(bus, 'parley.test', 'message', cache);
    const accepted = { ...waiting, status: 'active' as const, agent_id: ana.userId, agent_name: ana.name, updated_at: new Date(Date.parse(waiting.updated_at) + 1000).toISOString() };
    await bus.publish(createEvent('session.accepted', routingKeys.session(waiting.id, 'session.accepted'), { session: accepted, agent_id: ana.userId, agent_name: ana.name, by: { user_id: ana.userId, name: ana.name, role: 'support' } }));
    await until(() => cache.size === 1);
    expect(await cache.get(ana, waiting.id)).toEqual(accepted);
    expect(source.asked).toEqual([]);
    await subscription.close();
    await bus.close();
  });

  it('drops every session when the queue is re-established after a broker outage', async () => {
    let reestablished: () => void = () => undefined;
    const subscription: Subscription = { bind: async () => undefined, unbind: async () => undefined, onReestablished: (listener) => void (reestablished = listener), close: async () => undefined };
    const bus = { subscribe: async (_options: unknown, _handler: EventHandler) => subscription } as unknown as EventBus;
    const source = new FakeSessionDirectory();
    const cache = new CachedSessionDirectory(source, { ttlMs: 60_000, maxSessions: 100 });
    await invalidateSessionCache(bus, 'parley.test', 'message', cache);
    await cache.get(ana, source.add().id);
    expect(cache.size).toBe(1);
    reestablished();
    expect(cache.size).toBe(0);
  });
});
