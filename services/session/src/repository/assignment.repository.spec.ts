import { createTestDatabase, type TestDatabase } from '@parley/db';
import type { AssignmentRepository } from '../domain/assignment.ports';
import { createAssignmentRepository } from './assignment.repository';

jest.setTimeout(30_000);

describe('assignment repository (PostgreSQL)', () => {
  let db: TestDatabase;
  let assignments: AssignmentRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    assignments = createAssignmentRepository(db.knex);
  });
  afterAll(() => db.drop());

  const chat = (status: string, agent_id: string | null, accepted_at: string | null, updated_at = '2026-11-25T10:00:00Z') =>
    db.knex('chat_sessions').insert({ subject: 'Help', priority: 'medium', status, customer_id: 'c1', customer_role: 'customer', customer_name: 'Cleo', agent_id, agent_name: agent_id && `Agent ${agent_id}`, accepted_at, updated_at }).returning('id');

  it('counts each agent’s active chats and when they last got one', async () => {
    await chat('active', 'ana', '2026-11-25T09:00:00Z');
    await chat('active', 'ana', '2026-11-25T09:30:00Z');
    await chat('closed', 'ana', '2026-11-25T09:45:00Z');
    await chat('resolved', 'bo', '2026-11-25T08:00:00Z');
    await chat('waiting', null, null);
    const loads = await assignments.loads(['ana', 'bo', 'cy']);
    expect(Object.fromEntries(loads)).toEqual({
      ana: { active: 2, last_assigned_at: Date.parse('2026-11-25T09:45:00Z') },
      bo: { active: 0, last_assigned_at: Date.parse('2026-11-25T08:00:00Z') },
    });
    expect(await assignments.loads([])).toEqual(new Map());
  });

  it('lists active chats with their agent since the last lifecycle change', async () => {
    const [{ id }] = await chat('active', 'dee', '2026-11-25T09:00:00Z', '2026-11-25T11:00:00Z');
    expect(await assignments.activeAssignments()).toContainEqual({ session_id: id, agent_id: 'dee', agent_name: 'Agent dee', since: '2026-11-25T11:00:00.000Z' });
    expect((await assignments.activeAssignments()).every((a) => a.agent_id)).toBe(true);
  });

  it('lets one pass run at a time over every instance', async () => {
    let release: () => void = () => undefined;
    const held = assignments.exclusively(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    // Another instance (its own repository, its own connection) is turned away while the first runs.
    const other = createAssignmentRepository(db.knex);
    await new Promise((r) => setTimeout(r, 100));
    expect(await other.exclusively(async () => 'second')).toBeNull();
    release();
    expect(await held).toBe('first');
    expect(await other.exclusively(async () => 'third')).toBe('third');
  });
});
