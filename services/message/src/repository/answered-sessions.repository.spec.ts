import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { createAnsweredSessionsService } from '../domain/answered-sessions.service';
import { createAnswerLedger } from './answered-sessions.repository';

jest.setTimeout(30_000);

describe('which assigned agents have answered (PostgreSQL)', () => {
  let db: TestDatabase;
  const service = { userId: 'parley', role: 'service' as const, name: 'Parley' };
  const answers = () => createAnsweredSessionsService({ ledger: createAnswerLedger(db.knex) });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function message(sessionId: string, seq: number, sender_id: string, created_at: string, message_type = 'text') {
    await db.knex('chat_messages').insert({ session_id: sessionId, seq, sender_id, sender_role: 'support', sender_name: sender_id, content: 'Hi', message_type, created_at });
  }

  it('answers the chats whose agent wrote at or after the time given', async () => {
    const [wrote, wroteBefore, other, silent] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await message(wrote, 1, 'ana', '2026-11-25T10:05:00Z');
    await message(wroteBefore, 1, 'ana', '2026-11-25T09:55:00Z');
    await message(other, 1, 'bo', '2026-11-25T10:05:00Z');
    const since = '2026-11-25T10:00:00.000Z';
    const checks = [wrote, wroteBefore, other, silent].map((session_id) => ({ session_id, agent_id: 'ana', since }));
    expect((await answers().answered(service, checks)).sort()).toEqual([wrote]);
    expect(await answers().answered(service, [])).toEqual([]);
  });

  it('does not count a private note as an answer: the customer never sees it', async () => {
    const [noted, repliedToo] = [randomUUID(), randomUUID()];
    await message(noted, 1, 'ana', '2026-11-25T10:05:00Z', 'note');
    await message(repliedToo, 1, 'ana', '2026-11-25T10:05:00Z', 'note');
    await message(repliedToo, 2, 'ana', '2026-11-25T10:06:00Z');
    const since = '2026-11-25T10:00:00.000Z';
    expect(await answers().answered(service, [noted, repliedToo].map((session_id) => ({ session_id, agent_id: 'ana', since })))).toEqual([repliedToo]);
  });

  it('answers services only, and refuses malformed checks', async () => {
    const check = { session_id: randomUUID(), agent_id: 'ana', since: '2026-11-25T10:00:00Z' };
    await expect(answers().answered({ userId: 'u1', role: 'support', name: 'Ana' }, [check])).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    for (const bad of [[{ ...check, session_id: 'nope' }], [{ ...check, since: 'yesterday' }], [{ ...check, agent_id: '' }], 'checks', Array(501).fill(check)]) {
      await expect(answers().answered(service, bad)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });
});
