import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import type { TypingChange } from '../domain/typing.service';
import { createTypingRecord } from './typing.repository';

jest.setTimeout(30_000);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** typing_indicators written behind the signals: a trickle of changes costs one statement per interval. */
describe('typing record (PostgreSQL)', () => {
  let db: TestDatabase;
  const statements: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    db.knex.on('query', (query: { sql: string }) => {
      if (query.sql.includes('insert into typing_indicators')) statements.push(query.sql);
    });
  });
  afterAll(() => db.drop());
  beforeEach(() => (statements.length = 0));

  const started = (sessionId: string, userId: string): TypingChange => ({ kind: 'started', session_id: sessionId, user_id: userId, user_name: userId, expires_at: new Date(Date.now() + 10_000) });
  const rows = (sessionId: string) => db.knex('typing_indicators').where({ session_id: sessionId }).orderBy('user_id').pluck('user_id');

  it('writes the first change at once and what trickles in meanwhile together, one statement per interval', async () => {
    const record = createTypingRecord(db.knex, 300);
    const sessionId = randomUUID();
    await record.apply([started(sessionId, 'u1')]);
    expect(await rows(sessionId)).toEqual(['u1']);
    const trickle: Promise<void>[] = [];
    for (const user of ['u2', 'u3', 'u4']) {
      trickle.push(record.apply([started(sessionId, user)]));
      await pause(20);
    }
    // Still within the interval: not written yet.
    expect(await rows(sessionId)).toEqual(['u1']);
    await Promise.all(trickle);
    expect(await rows(sessionId)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(statements).toHaveLength(2);
  });

  it('keeps the latest change of a typist within a batch: started then stopped leaves no row', async () => {
    const record = createTypingRecord(db.knex, 0);
    const sessionId = randomUUID();
    await record.apply([started(sessionId, 'u1'), started(sessionId, 'u2'), { kind: 'stopped', session_id: sessionId, user_id: 'u1' }]);
    expect(await rows(sessionId)).toEqual(['u2']);
    expect(statements).toHaveLength(1);
  });
});
