import type { Knex } from 'knex';
import { createOutbox } from './20261125_001_sessions';

/**
 * Owned by the presence service: the connection registry (gateways with their leases, the sockets
 * each gateway reported, the sessions each socket joined) and its outbox. typing_indicators is in
 * migration 003.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('presence_gateways', (t) => {
    t.string('gateway_id', 128).primary();
    t.timestamp('lease_expires_at', { useTz: true }).notNullable();
  });
  await knex.raw('create index presence_gateways_lease_idx on presence_gateways (lease_expires_at)');

  await knex.schema.createTable('presence_connections', (t) => {
    t.string('socket_id', 128).primary();
    t.string('gateway_id', 128).notNullable().references('gateway_id').inTable('presence_gateways').onDelete('CASCADE');
    t.string('user_id', 128).notNullable();
    t.string('user_role', 16).notNullable();
    t.string('user_name', 200).notNullable();
    t.timestamp('connected_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create index presence_connections_gateway_idx on presence_connections (gateway_id)');
  await knex.raw('create index presence_connections_user_idx on presence_connections (user_id)');
  // Online agents: staff connections only.
  await knex.raw(`create index presence_connections_staff_idx on presence_connections (user_id) where user_role in ('support', 'admin')`);

  await knex.schema.createTable('presence_memberships', (t) => {
    t.string('socket_id', 128).notNullable().references('socket_id').inTable('presence_connections').onDelete('CASCADE');
    t.uuid('session_id').notNullable();
    t.string('user_id', 128).notNullable();
    t.timestamp('joined_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['socket_id', 'session_id']);
  });
  // Participants of a session, and whether a user still has a socket in it.
  await knex.raw('create index presence_memberships_session_user_idx on presence_memberships (session_id, user_id)');

  await createOutbox(knex, 'presence_outbox');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['presence_outbox', 'presence_memberships', 'presence_connections', 'presence_gateways']) {
    await knex.schema.dropTable(table);
  }
}
