import pino from 'pino';
import { MemoryBus } from '@parley/bus';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { AttachmentClient, MessageClient, SessionClient } from '@parley/grpc';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the attachment service's tests talk to real session and message services
import { loadMessageConfig, start as startMessageService, type RunningMessageService } from '@parley/message';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { loadSessionConfig, start as startSessionService, type RunningSessionService } from '@parley/session';
import { startS3Server, type TestS3Server, TEST_INTERNAL_GRPC_TOKEN } from '@parley/testing';
import { loadAttachmentConfig } from '../config';
import { start, type RunningAttachmentService } from '../main';

export interface AttachmentHarness {
  db: TestDatabase;
  s3: TestS3Server;
  bucket: string;
  sessions: SessionClient;
  messages: MessageClient;
  attachments: AttachmentClient;
  stop(): Promise<void>;
}

/**
 * The session, attachment and message services as they run in production, each on port 0, on a
 * fresh database, an in-process bus and a real S3 server (s3rver) for the attachment store.
 */
export async function startAttachmentHarness(env: Record<string, string> = {}): Promise<AttachmentHarness> {
  process.env.LOG_LEVEL = 'silent';
  const db = await createTestDatabase('parley_attachment_test');
  const s3 = await startS3Server();
  const bucket = 'parley-attachments-test';
  const bus = new MemoryBus(pino({ level: 'silent' }));
  const session: RunningSessionService = await startSessionService(
    loadSessionConfig({ INTERNAL_GRPC_TOKEN: TEST_INTERNAL_GRPC_TOKEN, DATABASE_URL: db.url, SESSION_GRPC_HOST: '127.0.0.1', SESSION_GRPC_PORT: '0', AGENT_OFFLINE_GRACE_MS: '0' }),
    { bus },
  );
  const sessionAddr = `127.0.0.1:${session.port}`;
  const attachment: RunningAttachmentService = await start(
    loadAttachmentConfig({ INTERNAL_GRPC_TOKEN: TEST_INTERNAL_GRPC_TOKEN,
      DATABASE_URL: db.url,
      ATTACHMENT_GRPC_HOST: '127.0.0.1',
      ATTACHMENT_GRPC_PORT: '0',
      SESSION_SERVICE_ADDR: sessionAddr,
      ATTACHMENT_STORE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: bucket,
      ATTACHMENT_LINK_SECRET: 'attachment-test-link-secret',
      ...env,
    }),
    { bus },
  );
  const attachmentAddr = `127.0.0.1:${attachment.port}`;
  const message: RunningMessageService = await startMessageService(
    loadMessageConfig({ INTERNAL_GRPC_TOKEN: TEST_INTERNAL_GRPC_TOKEN, DATABASE_URL: db.url, MESSAGE_GRPC_HOST: '127.0.0.1', MESSAGE_GRPC_PORT: '0', SESSION_SERVICE_ADDR: sessionAddr, ATTACHMENT_SERVICE_ADDR: attachmentAddr }),
    { bus },
  );
  const clients = {
    sessions: new SessionClient(sessionAddr, TEST_INTERNAL_GRPC_TOKEN),
    messages: new MessageClient(`127.0.0.1:${message.port}`, TEST_INTERNAL_GRPC_TOKEN),
    attachments: new AttachmentClient(attachmentAddr, TEST_INTERNAL_GRPC_TOKEN),
  };
  return {
    db,
    s3,
    bucket,
    ...clients,
    async stop() {
      Object.values(clients).forEach((client) => client.close());
      await message.stop();
      await attachment.stop();
      await session.stop();
      await bus.close();
      await s3.stop();
      await db.drop();
    },
  };
}
