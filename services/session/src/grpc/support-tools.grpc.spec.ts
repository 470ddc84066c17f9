import { routingKeys, type EventEnvelope, type Identity } from '@parley/contracts';
import { CannedResponseClient, RatingClient } from '@parley/grpc';
import { TEST_INTERNAL_GRPC_TOKEN } from '@parley/testing';
import { ana, cleo, dan, root } from '../testing/identities';
import { startSessionHarness, type SessionHarness } from '../testing/session-harness';

jest.setTimeout(30_000);
const as = (identity: Identity) => ({ identity });
const bo: Identity = { userId: 'agent-2', role: 'support', name: 'Bo' };

describe('canned responses, ratings and FindSessions over gRPC, on PostgreSQL', () => {
  let harness: SessionHarness;
  let canned: CannedResponseClient;
  let ratings: RatingClient;
  const events: EventEnvelope[] = [];
  beforeAll(async () => {
    harness = await startSessionHarness();
    canned = new CannedResponseClient(harness.address, TEST_INTERNAL_GRPC_TOKEN);
    ratings = new RatingClient(harness.address, TEST_INTERNAL_GRPC_TOKEN);
    await harness.bus.subscribe({ queue: 'lifecycle-feed', exclusive: true, patterns: [routingKeys.lifecyclePattern()] }, (e) => void events.push(e));
  });
  afterAll(async () => {
    canned.close();
    ratings.close();
    await harness.stop();
  });

  describe('canned responses', () => {
    const refund = { shortcut: 'refund', title: 'Refund', content: 'Your refund is on its way, {{customer_name}}.', shared: false };

    it('stores, lists, changes and deletes them, each agent seeing the shared ones and their own', async () => {
      const mine = await canned.create(refund, as(ana));
      const team = await canned.create({ ...refund, shortcut: 'hello', title: 'Hello', shared: true }, as(root));
      await canned.create({ ...refund, title: "Bo's refund" }, as(bo));
      expect((await canned.list(as(ana))).map((r) => [r.shortcut, r.shared])).toEqual([['hello', true], ['refund', false]]);
      expect((await canned.list(as(bo))).map((r) => r.title)).toEqual(['Hello', "Bo's refund"]);

      const changed = await canned.update({ id: mine.id, has_title: true, title: 'Refunds', has_shortcut: false, shortcut: '', has_content: false, content: '', has_shared: false, shared: false }, as(ana));
      expect(changed).toMatchObject({ id: mine.id, shortcut: 'refund', title: 'Refunds', content: refund.content });
      await canned.delete(team.id, as(root));
      expect((await canned.list(as(ana))).map((r) => r.shortcut)).toEqual(['refund']);
    });

    it('answers a taken shortcut with ALREADY_EXISTS from the unique index, and keeps the first', async () => {
      await canned.create({ ...refund, shortcut: 'late' }, as(ana));
      await expect(canned.create({ ...refund, shortcut: 'LATE', title: 'Twice' }, as(ana))).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
      const [first, second] = await Promise.allSettled([canned.create({ ...refund, shortcut: 'race', shared: true }, as(root)), canned.create({ ...refund, shortcut: 'race', shared: true }, as(root))]);
      expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
      expect((await canned.list(as(bo))).filter((r) => r.shortcut === 'race')).toHaveLength(1);
      expect((await canned.list(as(ana))).filter((r) => r.shortcut === 'late').map((r) => r.title)).toEqual(['Refund']);
    });

    it('refuses customers and bad input, changing nothing', async () => {
      const before = await canned.list(as(ana));
      await expect(canned.list(as(cleo))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
      await expect(canned.create({ ...refund, shortcut: 'two words' }, as(ana))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(canned.delete('nope', as(ana))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(await canned.list(as(ana))).toEqual(before);
    });
  });

  describe('FindSessions', () => {
    it('answers the sessions the caller may see, in the order asked, leaving out unknown ids', async () => {
      const first = await harness.client.createSession({ subject: 'One' }, as(cleo));
      const second = await harness.client.createSession({ subject: 'Two' }, as(dan));
      const unknown = '3e0c8a9e-6a43-4c55-9d5e-1f7f6bd3b9a0';
      expect((await harness.client.findSessions([second.id, unknown, first.id], as(ana))).map((s) => s.subject)).toEqual(['Two', 'One']);
      expect((await harness.client.findSessions([second.id, first.id], as(cleo))).map((s) => s.subject)).toEqual(['One']);
      await expect(harness.client.findSessions(['x'], as(ana))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });
  });

  describe('ratings', () => {
    async function resolvedChat(customer: Identity = cleo) {
      const session = await harness.client.createSession({ subject: 'Rate me' }, as(customer));
      await harness.client.acceptSession(session.id, as(ana));
      await harness.client.updateStatus({ session_id: session.id, status: 'resolved' }, as(ana));
      return session;
    }

    it('takes one rating from the customer of a resolved chat, announces it, and shows it to staff', async () => {
      const session = await resolvedChat();
      const rating = await ratings.rate({ session_id: session.id, score: 4, comment: 'Quick and kind' }, as(cleo));
      expect(rating).toMatchObject({ session_id: session.id, score: 4, comment: 'Quick and kind', rated_by: cleo.userId, agent_id: ana.userId, agent_name: 'Ana' });
      expect(await ratings.get(session.id, as(root))).toEqual(rating);
      await expect(ratings.rate({ session_id: session.id, score: 1, comment: '' }, as(cleo))).rejects.toMatchObject({ code: 'ALREADY_EXISTS', message: 'This chat has already been rated' });
      expect((await ratings.get(session.id, as(ana)))?.score).toBe(4);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const announced = events.filter((e) => e.type === 'session.rated');
      expect(announced).toHaveLength(1);
      expect(announced[0]).toMatchObject({ routing_key: `session.${session.id}.session.rated`, data: { session_id: session.id, rating } });
    });

    it('refuses an open chat, anyone but its customer, and a score out of range, storing nothing', async () => {
      const open = await harness.client.createSession({ subject: 'Still open' }, as(cleo));
      await expect(ratings.rate({ session_id: open.id, score: 5, comment: '' }, as(cleo))).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
      const session = await resolvedChat();
      await expect(ratings.rate({ session_id: session.id, score: 5, comment: '' }, as(ana))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
      await expect(ratings.rate({ session_id: session.id, score: 5, comment: '' }, as(dan))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
      await expect(ratings.rate({ session_id: session.id, score: 6, comment: '' }, as(cleo))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(await ratings.get(session.id, as(cleo))).toBeNull();
      expect(await ratings.get(open.id, as(cleo))).toBeNull();
      await expect(ratings.get(session.id, as(dan))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    });

    it('keeps exactly one of two ratings sent at once', async () => {
      const session = await resolvedChat();
      const results = await Promise.allSettled([1, 5].map((score) => ratings.rate({ session_id: session.id, score, comment: '' }, as(cleo))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['ALREADY_EXISTS']);
    });
  });
});
