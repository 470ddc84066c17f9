import type { Identity } from '@parley/contracts';
import { cleo } from '../testing/identities';
import { startMessageHarness, type MessageHarness } from '../testing/message-harness';

jest.setTimeout(30_000);

const as = (identity: Identity) => ({ identity });

describe('message service under more sends than its database pool can take', () => {
  let harness: MessageHarness;
  beforeAll(async () => {
    // One connection, and at most four writes at once.
    harness = await startMessageHarness({ DB_POOL_MAX: '1', MAX_SENDS_RUNNING: '4' });
  });
  afterAll(() => harness.stop());

  it('refuses what it cannot take now with RESOURCE_EXHAUSTED, stores exactly what it acknowledged, and takes sends again after', async () => {
    const sessionId = (await harness.sessions.createSession({ subject: 'Burst' }, as(cleo))).id;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => harness.messages.sendMessage({ session_id: sessionId, content: `m${i}`, temp_id: `t${i}` }, as(cleo))),
    );
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
    const acked = outcomes.filter((o) => o.status === 'fulfilled');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => e.code === 'RESOURCE_EXHAUSTED')).toBe(true);
    expect(acked.length).toBeGreaterThan(0);

    const stored = await harness.db.knex('chat_messages').where({ session_id: sessionId }).pluck('temp_id');
    expect(stored.sort()).toEqual(acked.map((o) => (o as PromiseFulfilledResult<{ message?: { temp_id: string } }>).value.message?.temp_id).sort());

    // A refused send retried later is stored.
    const retry = await harness.messages.sendMessage({ session_id: sessionId, content: 'again', temp_id: 'retry' }, as(cleo));
    expect(retry.created).toBe(true);
  });
});
