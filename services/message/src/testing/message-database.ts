import pino from 'pino';
import { MemoryBus, type Outbox } from '@parley/bus';
import { createEvent, routingKeys, type EventEnvelope, type Identity } from '@parley/contracts';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import type { MessageRepository, NewMessage } from '../domain/message.ports';
import { createMessageOutbox, createMessageRepository } from '../repository/message.repository';

export interface MessageDatabase {
  db: TestDatabase;
  bus: MemoryBus;
  /** The outbox the repository records through (publishes to `bus` after each commit). */
  publisher: Outbox;
  messages: MessageRepository;
  /** Every event published so far (the outbox flushed first), in the order published. */
  published(): Promise<EventEnvelope[]>;
  stop(): Promise<void>;
}

/** The SQL message repository on a fresh database, its outbox publishing to an in-process bus. */
export async function openMessageDatabase(): Promise<MessageDatabase> {
  const logger = pino({ level: 'silent' });
  const db = await createTestDatabase();
  const bus = new MemoryBus(logger);
  const outbox = createMessageOutbox({ knex: db.knex, bus, logger });
  const published: EventEnvelope[] = [];
  await bus.subscribe({ queue: 'everything', exclusive: true, patterns: ['#'] }, (event) => void published.push(event));
  return {
    db,
    bus,
    publisher: outbox,
    messages: createMessageRepository(db.knex, outbox),
    async published() {
      await outbox.flush();
      // The in-process bus hands events over asynchronously; a few turns let the handlers' promises run too.
      for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
      return [...published];
    },
    async stop() {
      await outbox.stop();
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

/** The events a read marking records: messages.read for the newly read ids, none when nothing is new. */
export const readEvent = (sessionId: string, userId: string) => (ids: string[]) =>
  ids.length === 0 ? [] : [createEvent('messages.read', routingKeys.session(sessionId, 'messages.read'), { session_id: sessionId, user_id: userId, message_ids: ids })];
