import type { Knex } from 'knex';

/**
 * Owned by the session service: agents' canned responses. A shared one is the team's (its
 * shortcut unique among the shared ones); a personal one its owner's (unique among the owner's).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('canned_responses', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.string('owner_id', 128).notNullable();
    t.boolean('shared').notNullable().defaultTo(false);
    t.string('shortcut', 32).notNullable();
    t.string('title', 100).notNullable();
    t.text('content').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index canned_responses_shared_shortcut_key on canned_responses (shortcut) where shared');
  await knex.raw('create unique index canned_responses_owner_shortcut_key on canned_responses (owner_id, shortcut) where not shared');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('canned_responses');
}
