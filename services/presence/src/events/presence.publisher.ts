import type { Knex } from 'knex';
import { OutboxRelay, OutboxRepository, type EventBus } from '@parley/bus';
import type { Logger } from '@parley/logger';

/**
 * Presence events (user.joined, user.left, typing.started, typing.stopped) leave through
 * presence_outbox, written in the same transaction as the registry change, and this relay.
 */
export function createPresencePublisher(knex: Knex, bus: EventBus, logger: Logger): { outbox: OutboxRepository; relay: OutboxRelay } {
  const outbox = new OutboxRepository('presence_outbox');
  return { outbox, relay: new OutboxRelay({ knex, table: outbox.table, bus, logger }) };
}
