import type { Identity } from '@parley/contracts';
import type { AppError } from '@parley/errors';
import { user } from '../testing/identities';
import { startPresenceHarness, type PresenceHarness } from '../testing/presence-harness';

jest.setTimeout(30_000);

const as = (identity: Identity) => ({ identity });

/**
 * A join asks the session service whether the caller may see the session; the allowed answer is
 * kept (SESSION_CACHE_TTL_MS), so a reconnecting client's joins (every device of a customer after
 * a storm) cost the session service nothing. Refusals are never kept.
 */
describe('presence keeping the session service answers', () => {
  let h: PresenceHarness;
  beforeAll(async () => {
    h = await startPresenceHarness();
  });
  afterAll(() => h.stop());

  it('joins a user again without the session service once it said yes, and asks it for anyone else', async () => {
    const customer = user('customer', 'Cleo');
    const stranger = user('customer', 'Sly');
    const sessionId = (await h.sessions.createSession({ subject: 'Cached' }, as(customer))).id;
    await h.presence.join({ gateway_id: 'gw-a', socket_id: 'phone', session_id: sessionId }, as(customer));
    const refused = await h.presence.join({ gateway_id: 'gw-a', socket_id: 'sly-1', session_id: sessionId }, as(stranger)).catch((error: AppError) => error);
    expect(refused).toMatchObject({ code: 'PERMISSION_DENIED' });

    await h.stopSessionService();

    const { participants } = await h.presence.join({ gateway_id: 'gw-a', socket_id: 'laptop', session_id: sessionId }, as(customer));
    expect(participants.map((p) => p.user_id)).toEqual([customer.userId]);
    // A refusal was not kept: the stranger's join needs the session service, which is gone.
    const unanswered = await h.presence.join({ gateway_id: 'gw-a', socket_id: 'sly-2', session_id: sessionId }, as(stranger)).catch((error: AppError) => error);
    expect(unanswered).toMatchObject({ code: 'UNAVAILABLE' });
  });
});
