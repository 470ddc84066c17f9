import pino from 'pino';
import { MemoryBus } from '@parley/bus';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { AttachmentClient, type SessionClient } from '@parley/grpc';
import { startFakeSessionService, startS3Server, type TestS3Server, TEST_INTERNAL_GRPC_TOKEN, TEST_SERVICE_ENV } from '@parley/testing';
import { loadAttachmentConfig } from '../config';
import { start } from '../main';

export interface AttachmentHarness {
  db: TestDatabase;
  /** The events the attachment service consumes are published here (message.created, as the message service would). */
  bus: MemoryBus;
  s3: TestS3Server;
  bucket: string;
  /** The session service, as a test's caller: chats are opened through it. */
  sessions: SessionClient;
  attachments: AttachmentClient;
  stop(): Promise<void>;
}

/**
 * The attachment service as it runs in production, on port 0, on a fresh database, an in-process
 * bus and a real S3 server (s3rver), asking a fake session service over gRPC (libs/testing).
 */
export async function startAttachmentHarness(env: Record<string, string> = {}): Promise<AttachmentHarness> {
  const db = await createTestDatabase('parley_attachment_test');
  const s3 = await startS3Server();
  const bucket = 'parley-attachments-test';
  const bus = new MemoryBus(pino({ level: 'silent' }));
  const sessionService = await startFakeSessionService({ bus });
  const attachment = await start(
    loadAttachmentConfig({
      ...TEST_SERVICE_ENV,
      DATABASE_URL: db.url,
      ATTACHMENT_GRPC_HOST: '127.0.0.1',
      ATTACHMENT_GRPC_PORT: '0',
      SESSION_SERVICE_ADDR: sessionService.address,
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
  const attachments = new AttachmentClient(`127.0.0.1:${attachment.port}`, TEST_INTERNAL_GRPC_TOKEN);
  return {
    db,
    bus,
    s3,
    bucket,
    sessions: sessionService.client,
    attachments,
    async stop() {
      attachments.close();
      await attachment.stop();
      await sessionService.stop();
      await bus.close();
      await s3.stop();
      await db.drop();
    },
  };
}
