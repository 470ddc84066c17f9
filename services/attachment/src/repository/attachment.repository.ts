import type { Knex } from 'knex';
import type { AttachmentRepository, AttachmentRow } from '../domain/attachment.ports';

const TABLE = 'message_attachments';

const toRow = (row: AttachmentRow): AttachmentRow => ({ ...row, file_size: Number(row.file_size) });

/** message_attachments: all the SQL of the attachment service. */
export function createAttachmentRepository(knex: Knex): AttachmentRepository {
  return {
    async create(row) {
      const [created] = await knex<AttachmentRow>(TABLE).insert(row).returning('*');
      return toRow(created as AttachmentRow);
    },
    async get(id) {
      const row = await knex<AttachmentRow>(TABLE).where({ id }).first();
      return row ? toRow(row) : null;
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      return (await knex<AttachmentRow>(TABLE).whereIn('id', ids)).map(toRow);
    },
    async claim(ids, sessionId, at) {
      return knex(TABLE)
        .whereIn('id', ids)
        .andWhere((q) => q.whereNull('session_id').orWhere('session_id', sessionId))
        .update({ session_id: sessionId, claimed_at: at });
    },
    async attach(ids, messageId, sessionId) {
      return knex(TABLE)
        .whereIn('id', ids)
        .whereNull('message_id')
        .andWhere((q) => q.whereNull('session_id').orWhere('session_id', sessionId))
        .update({ message_id: messageId, session_id: sessionId });
    },
    async takeExpired(before, limit) {
      // One statement: the rows are chosen and locked together (skip locked: another instance's
      // sweep, or a reservation under way, keeps its rows), then deleted.
      const { rows } = await knex.raw<{ rows: AttachmentRow[] }>(
        `delete from ${TABLE} where id in (
           select id from ${TABLE}
           where message_id is null and created_at < :before and (claimed_at is null or claimed_at < :before)
           order by created_at limit :limit
           for update skip locked)
         returning *`,
        { before, limit },
      );
      return rows.map(toRow);
    },
    async deleteUnsent(id, reservedBefore) {
      const deleted = await knex(TABLE)
        .where({ id })
        .whereNull('message_id')
        .andWhere((q) => {
          q.whereNull('claimed_at');
          if (reservedBefore) q.orWhere('claimed_at', '<', reservedBefore);
        })
        .del();
      return deleted > 0;
    },
  };
}
