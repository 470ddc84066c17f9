import { FakeSessionDirectory } from '@parley/testing';
import type { Identity } from '@parley/contracts';
import { CachedSessionDirectory } from './cached-session-directory';

const cleo: Identity = { userId: 'customer-1', role: 'customer', name: 'Cleo' };
const dan: Identity = { userId: 'customer-2', role: 'customer', name: 'Dan' };
const ana: Identity = { userId: 'agent-1', role: 'support', name: 'Ana' };

const setup = (options = { ttlMs: 60_000, maxSessions: 100 }) => {
  const source = new FakeSessionDirectory();
  const cache = new CachedSessionDirectory(source, options);
  return { source, cache, session: source.add() };
};

describe('CachedSessionDirectory', () => {
  it('asks the session service once per session, then answers every caller the rule lets see it from memory', async () => {
    const { source, cache, session } = setup();
    expect(await cache.get(cleo, session.id)).toEqual(session);
    expect(await cache.get(cleo, session.id.toUpperCase())).toEqual(session);
    expect(await cache.get(ana, session.id)).toEqual(session);
    expect(await cache.get(ana, session.id)).toEqual(session);
    expect(source.asked.map((a) => a.identity.userId)).toEqual([cleo.userId]);
  });

  it("holds the session a lifecycle event carries: the chat's first send asks nobody", async () => {
    const { source, cache, session } = setup();
    cache.learn({ ...session, queue_position: 3 });
    expect(await cache.get(cleo, session.id)).toEqual(session);
    expect(await cache.get(ana, session.id)).toEqual(session);
    expect(source.asked).toEqual([]);
  });

  it('takes a newer session from an event and drops the held one on an event that is not newer', async () => {
    const { source, cache, session } = setup();
    await cache.get(ana, session.id);
    const later = (ms: number) => new Date(Date.parse(session.updated_at) + ms).toISOString();
    const resolved = { ...session, status: 'resolved' as const, updated_at: later(1000) };
    cache.learn(resolved);
    expect(await cache.get(ana, session.id)).toEqual(resolved);
    // An older event (delivered out of order) is not trusted: the next look-up asks.
    cache.learn({ ...session, status: 'active', updated_at: later(500) });
    expect(cache.size).toBe(0);
    source.sessions.set(session.id, resolved);
    expect((await cache.get(ana, session.id)).status).toBe('resolved');
    expect(source.asked).toHaveLength(2);
  });

  it('does not keep an answer that was on its way while an event brought the session', async () => {
    const { source, cache, session } = setup();
    const inFlight = cache.get(ana, session.id);
    const closed = { ...session, status: 'closed' as const, updated_at: new Date(Date.parse(session.updated_at) + 1000).toISOString() };
    cache.learn(closed);
    expect((await inFlight).status).toBe('active');
    expect(await cache.get(ana, session.id)).toEqual(closed);
    expect(source.asked).toHaveLength(1);
  });

  it('keeps no refusal: a stranger is refused by the session service every time', async () => {
    const { source, cache, session } = setup();
    await cache.get(cleo, session.id);
    await expect(cache.get(dan, session.id)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(cache.get(dan, session.id)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(cache.get(cleo, 'a1a1a1a1-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(source.asked.filter((a) => a.identity === dan)).toHaveLength(2);
  });

  it('asks again after a session is forgotten (a lifecycle event) and sees the change', async () => {
    const { source, cache, session } = setup();
    await cache.get(cleo, session.id);
    source.sessions.set(session.id, { ...session, status: 'closed' });
    expect((await cache.get(cleo, session.id)).status).toBe('active');
    cache.forget(session.id);
    expect((await cache.get(cleo, session.id)).status).toBe('closed');
  });

  it('does not keep an answer that was on its way while the session was forgotten', async () => {
    const { source, cache, session } = setup();
    const inFlight = cache.get(cleo, session.id);
    source.sessions.set(session.id, { ...session, status: 'closed' });
    cache.forget(session.id);
    expect((await inFlight).status).toBe('active');
    expect((await cache.get(cleo, session.id)).status).toBe('closed');
  });

  it('drops everything on clear (events may have been missed)', async () => {
    const { source, cache, session } = setup();
    const other = source.add();
    await cache.get(ana, session.id);
    await cache.get(ana, other.id);
    cache.clear();
    expect(cache.size).toBe(0);
    await cache.get(ana, other.id);
    expect(source.asked).toHaveLength(3);
  });

  it('trusts an answer for ttlMs at most', async () => {
    const { source, cache, session } = setup({ ttlMs: 30, maxSessions: 100 });
    await cache.get(cleo, session.id);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await cache.get(cleo, session.id);
    expect(source.asked).toHaveLength(2);
  });

  it('holds at most maxSessions, the least recently used leaving first', async () => {
    const { source, cache } = setup({ ttlMs: 60_000, maxSessions: 2 });
    const [a, b, c] = [source.add(), source.add(), source.add()];
    await cache.get(ana, a.id);
    await cache.get(ana, b.id);
    await cache.get(ana, a.id);
    await cache.get(ana, c.id);
    expect(cache.size).toBe(2);
    await cache.get(ana, a.id);
    await cache.get(ana, b.id);
    expect(source.asked.map((x) => x.sessionId)).toEqual([a.id, b.id, c.id, b.id]);
  });

  it('asks the session service on fresh even with an answer kept, and keeps the new one', async () => {
    const { source, cache, session } = setup();
    await cache.get(ana, session.id);
    source.sessions.set(session.id, { ...session, status: 'resolved', updated_at: new Date(Date.now() + 1000).toISOString() });
    expect((await cache.fresh(ana, session.id)).status).toBe('resolved');
    expect((await cache.get(ana, session.id)).status).toBe('resolved');
    expect(source.asked).toHaveLength(2);
  });

  it('keeps answers about other sessions fetched while one session was forgotten', async () => {
    const { source, cache, session } = setup();
    const other = source.add();
    const inFlight = cache.get(ana, other.id);
    cache.forget(session.id);
    await inFlight;
    await cache.get(ana, other.id);
    expect(source.asked.filter((a) => a.sessionId === other.id)).toHaveLength(1);
  });
});
