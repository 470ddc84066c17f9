import pino from 'pino';
import { TEST_INTERNAL_GRPC_TOKEN } from '@parley/testing';
import { MemoryBus } from '@parley/bus';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { MessageClient, SessionClient } from '@parley/grpc';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the message service's tests talk to a real session service
import { loadSessionConfig, start as startSessionService, type RunningSessionService } from '@parley/session';
import { loadMessageConfig } from '../config';
import { start, type RunningMessageService } from '../main';

export interface MessageHarness {
  db: TestDatabase;
  bus: MemoryBus;
  sessionService: RunningSessionService;
  messageService: RunningMessageService;
  messageAddress: string;
  sessions: SessionClient;
  messages: MessageClient;
  stop(): Promise<void>;
}

/**
 * The session and message services as they run in production, each on port 0, sharing a fresh
 * database (each still touches only its own tables) and an in-process bus.
 */
export async function startMessageHarness(messageEnv: Record<string, string> = {}): Promise<MessageHarness> {
  // The services make their own loggers; tests keep them quiet.
  process.env.LOG_LEVEL = 'silent';
  const db = await createTestDatabase();
  const bus = new MemoryBus(pino({ level: 'silent' }));
  const sessionService = await startSessionService(
    loadSessionConfig({ INTERNAL_GRPC_TOKEN: TEST_INTERNAL_GRPC_TOKEN, DATABASE_URL: db.url, SESSION_GRPC_HOST: '127.0.0.1', SESSION_GRPC_PORT: '0', AGENT_OFFLINE_GRACE_MS: '0' }),
    { bus },
  );
  const messageService = await start(
    loadMessageConfig({ INTERNAL_GRPC_TOKEN: TEST_INTERNAL_GRPC_TOKEN,
      DATABASE_URL: db.url,
      MESSAGE_GRPC_HOST: '127.0.0.1',
      MESSAGE_GRPC_PORT: '0',
      SESSION_SERVICE_ADDR: `127.0.0.1:${sessionService.port}`,
      ...messageEnv,
    }),
    { bus },
  );
  const messageAddress = `127.0.0.1:${messageService.port}`;
  const sessions = new SessionClient(`127.0.0.1:${sessionService.port}`, TEST_INTERNAL_GRPC_TOKEN);
  const messages = new MessageClient(messageAddress, TEST_INTERNAL_GRPC_TOKEN);
  return {
    db,
    bus,
    sessionService,
    messageService,
    messageAddress,
    sessions,
    messages,
    async stop() {
      sessions.close();
      messages.close();
      await messageService.stop();
      await sessionService.stop();
      await bus.close();
      await db.drop();
    },
  };
}
