import pino from 'pino';
import { MemoryBus } from '@parley/bus';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { MessageClient, type SessionClient } from '@parley/grpc';
import { startFakeSessionService, TEST_INTERNAL_GRPC_TOKEN, TEST_SERVICE_ENV, type FakeSessionService } from '@parley/testing';
import { loadMessageConfig } from '../config';
import { start, type RunningMessageService } from '../main';

export interface MessageHarness {
  db: TestDatabase;
  bus: MemoryBus;
  sessionService: FakeSessionService;
  messageService: RunningMessageService;
  messageAddress: string;
  /** The session service, as a test's caller: chats are opened, accepted and closed through it. */
  sessions: SessionClient;
  messages: MessageClient;
  stop(): Promise<void>;
}

/**
 * The message service as it runs in production, on port 0, on a fresh database and an in-process
 * bus, asking a fake session service over gRPC (libs/testing) that publishes the lifecycle events.
 */
export async function startMessageHarness(messageEnv: Record<string, string> = {}): Promise<MessageHarness> {
  const db = await createTestDatabase();
  const bus = new MemoryBus(pino({ level: 'silent' }));
  const sessionService = await startFakeSessionService({ bus });
  const messageService = await start(
    loadMessageConfig({ ...TEST_SERVICE_ENV, DATABASE_URL: db.url, MESSAGE_GRPC_HOST: '127.0.0.1', MESSAGE_GRPC_PORT: '0', SESSION_SERVICE_ADDR: sessionService.address, ...messageEnv }),
    { bus },
  );
  const messageAddress = `127.0.0.1:${messageService.port}`;
  const messages = new MessageClient(messageAddress, TEST_INTERNAL_GRPC_TOKEN);
  return {
    db,
    bus,
    sessionService,
    messageService,
    messageAddress,
    sessions: sessionService.client,
    messages,
    async stop() {
      messages.close();
      await messageService.stop();
      await sessionService.stop();
      await bus.close();
      await db.drop();
    },
  };
}
