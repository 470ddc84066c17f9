import pino from 'pino';
import { MemoryBus, OutboxRelay, OutboxRepository } from '@parley/bus';
import { createEvent, routingKeys, type ChatMessage, type EventEnvelope, type Identity } from '@parley/contracts';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import type { MessageRepository, NewMessage } from '../domain/message.ports';
import { createMessageRepository } from '../repository/message.repository';

export interface MessageDatabase {
  db: TestDatabase;
  bus: MemoryBus;
  relay: OutboxRelay;
  messages: MessageRepository;
  /** The message_outbox rows, oldest first. */
  outbox(): Promise<{ event_id: string; type: string; routing_key: string; payload: EventEnvelope }[]>;
  stop(): Promise<void>;
}

/** The SQL message repository on a fresh database, its relay feeding an in-process bus. */
export async function openMessageDatabase(): Promise<MessageDatabase> {
  const logger = pino({ level: 'silent' });
  const db = await createTestDatabase();
  const bus = new MemoryBus(logger);
  const outboxRepository = new OutboxRepository('message_outbox');
  const relay = new OutboxRelay({ knex: db.knex, table: outboxRepository.table, bus, logger });
  return {
    db,
    bus,
    relay,
    messages: createMessageRepository(db.knex, outboxRepository, relay),
    outbox: () => db.knex('message_outbox').orderBy('id').select('event_id', 'type', 'routing_key', 'payload'),
    async stop() {
      await relay.stop();
      await bus.close();
      await db.drop();
    },
  };
}

export function newMessage(sessionId: string, sender: Identity, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    session_id: sessionId,
    sender_id: sender.userId,
    sender_role: sender.role,
    sender_name: sender.name,
    content: 'Hello',
    message_type: 'text',
    temp_id: null,
    attachments: [],
    ...overrides,
  };
}

/** The events the domain records with each message. */
export const messageCreated = (message: ChatMessage) => [createEvent('message.created', routingKeys.session(message.session_id, 'message.created'), { message })];
