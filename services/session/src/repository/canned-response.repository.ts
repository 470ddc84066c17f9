import type { Knex } from 'knex';
import type { CannedResponseChanges, CannedResponseRepository, NewCannedResponse, StoredCannedResponse } from '../domain/canned-response.ports';

const TABLE = 'canned_responses';
const COLUMNS = ['id', 'owner_id', 'shortcut', 'title', 'content', 'shared', 'created_at', 'updated_at'];
type Row = Omit<StoredCannedResponse, 'created_at' | 'updated_at'> & { created_at: Date; updated_at: Date };

const toResponse = (row: Row): StoredCannedResponse => ({ ...row, created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString() });

/** A shortcut taken among the shared responses or the owner's (the two partial unique indexes). */
const isShortcutTaken = (error: unknown) =>
  (error as { code?: string; constraint?: string }).code === '23505' && /^canned_responses_(shared|owner)_shortcut_key$/.test((error as { constraint?: string }).constraint ?? '');

async function orTaken<T>(write: Promise<T>): Promise<T | 'shortcut_taken'> {
  try {
    return await write;
  } catch (error) {
    if (isShortcutTaken(error)) return 'shortcut_taken';
    throw error;
  }
}

/** canned_responses in PostgreSQL. */
export function createCannedResponseRepository(knex: Knex): CannedResponseRepository {
  return {
    async listVisible(ownerId) {
      const rows: Row[] = await knex(TABLE).select(COLUMNS).where({ shared: true }).orWhere({ owner_id: ownerId, shared: false }).orderBy([{ column: 'shortcut' }, { column: 'shared' }]);
      return rows.map(toResponse);
    },

    async get(id) {
      const row: Row | undefined = await knex(TABLE).select(COLUMNS).where({ id }).first();
      return row ? toResponse(row) : null;
    },

    async count(scope) {
      const query = knex(TABLE).where({ shared: scope.shared });
      if (!scope.shared) query.where({ owner_id: scope.ownerId });
      const [{ count }] = await query.count<{ count: string }[]>('* as count');
      return Number(count);
    },

    create: (response: NewCannedResponse) =>
      orTaken(knex(TABLE).insert(response).returning(COLUMNS).then(([row]: Row[]) => toResponse(row))),

    update: (id: string, changes: CannedResponseChanges) => {
      const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      return orTaken(
        knex(TABLE)
          .where({ id })
          .update({ ...set, updated_at: knex.fn.now() })
          .returning(COLUMNS)
          .then(([row]: Row[]) => (row ? toResponse(row) : null)),
      );
    },

    async delete(id) {
      return (await knex(TABLE).where({ id }).delete()) > 0;
    },
  };
}
