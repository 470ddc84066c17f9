import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { start as startAttachment, loadAttachmentConfig } from '@parley/attachment';
import { DEV_JWT_SECRET } from '@parley/auth';
import { MemoryBus, type EventBus } from '@parley/bus';
import { createKnex, freePort, migrateLatest, startEmbeddedPostgres, type EmbeddedDatabase } from '@parley/db';
import { start as startGateway, loadGatewayConfig } from '@parley/gateway';
import { createLogger } from '@parley/logger';
import { start as startMessage, loadMessageConfig } from '@parley/message';
import { start as startPresence, loadPresenceConfig } from '@parley/presence';
import { resolveEventBus, runMain, stopOnSignals } from '@parley/runtime';
import { start as startSession, loadSessionConfig } from '@parley/session';
import { loadAllInOneConfig } from './config';

export interface RunningParley {
  port: number;
  stop(): Promise<void>;
}

/**
 * Every service in one process (each still on its own gRPC port), on embedded defaults: an
 * embedded PostgreSQL, the in-process bus and attachments on local disk under PARLEY_DATA_DIR,
 * unless DATABASE_URL, AMQP_URL or S3_ENDPOINT (with S3_ACCESS_KEY and S3_SECRET_KEY) say otherwise.
 */
export async function start(env: Record<string, string | undefined> = process.env): Promise<RunningParley> {
  const logger = createLogger('parley');
  const config = loadAllInOneConfig(env);
  const stops: Array<() => Promise<void>> = [];

  let databaseUrl = config.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!databaseUrl) {
    logger.info({ dataDir: config.PARLEY_DATA_DIR }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres(config.PARLEY_DATA_DIR);
    databaseUrl = embedded.url;
    stops.push(() => (embedded as EmbeddedDatabase).stop());
  }
  const migrator = createKnex({ url: databaseUrl, poolMax: 1 });
  const applied = await migrateLatest(migrator).finally(() => migrator.destroy());
  if (applied.length) logger.info({ applied }, 'migrations applied');

  const bus: EventBus = config.AMQP_URL ? resolveEventBus(undefined, config.AMQP_URL, env.EVENTS_EXCHANGE ?? 'parley.events', logger) : new MemoryBus(logger);
  stops.push(() => bus.close());
  if (!config.JWT_SECRET) logger.warn('JWT_SECRET is not set: using the development secret (npm run token mints tokens for it)');

  const shared = {
    ...env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: config.JWT_SECRET || DEV_JWT_SECRET,
    INTERNAL_GRPC_TOKEN: config.INTERNAL_GRPC_TOKEN || randomBytes(32).toString('hex'),
  };
  // The services call each other (the session service's assigner asks presence and message), so
  // every address is known before the first one starts.
  const port = async (configured: number) => configured || (await freePort());
  const ports = {
    message: await port(config.MESSAGE_GRPC_PORT),
    presence: await port(config.PRESENCE_GRPC_PORT),
  };
  const session = await startSession(
    loadSessionConfig({
      ...shared,
      SESSION_GRPC_HOST: '127.0.0.1',
      SESSION_GRPC_PORT: String(config.SESSION_GRPC_PORT),
      MESSAGE_SERVICE_ADDR: `127.0.0.1:${ports.message}`,
      PRESENCE_SERVICE_ADDR: `127.0.0.1:${ports.presence}`,
    }),
    { bus },
  );
  stops.push(session.stop);
  const sessionAddr = `127.0.0.1:${session.port}`;
  const attachment = await startAttachment(
    loadAttachmentConfig({
      ATTACHMENT_STORE: config.S3_ENDPOINT ? 's3' : 'disk',
      ATTACHMENT_DISK_DIR: path.join(config.PARLEY_DATA_DIR, 'attachments'),
      ATTACHMENT_LINK_SECRET: config.ATTACHMENT_LINK_SECRET || randomBytes(32).toString('hex'),
      ...shared,
      ATTACHMENT_GRPC_HOST: '127.0.0.1',
      ATTACHMENT_GRPC_PORT: String(config.ATTACHMENT_GRPC_PORT),
      SESSION_SERVICE_ADDR: sessionAddr,
    }),
    { bus },
  );
  stops.push(attachment.stop);
  const attachmentAddr = `127.0.0.1:${attachment.port}`;
  const message = await startMessage(
    loadMessageConfig({
      ...shared,
      MESSAGE_GRPC_HOST: '127.0.0.1',
      MESSAGE_GRPC_PORT: String(ports.message),
      SESSION_SERVICE_ADDR: sessionAddr,
      ATTACHMENT_SERVICE_ADDR: attachmentAddr,
    }),
    { bus },
  );
  stops.push(message.stop);
  const presence = await startPresence(
    loadPresenceConfig({ ...shared, PRESENCE_GRPC_HOST: '127.0.0.1', PRESENCE_GRPC_PORT: String(ports.presence), SESSION_SERVICE_ADDR: sessionAddr }),
    { bus },
  );
  stops.push(presence.stop);
  const gateway = await startGateway(
    loadGatewayConfig({
      ...shared,
      SESSION_SERVICE_ADDR: sessionAddr,
      MESSAGE_SERVICE_ADDR: `127.0.0.1:${message.port}`,
      PRESENCE_SERVICE_ADDR: `127.0.0.1:${presence.port}`,
      ATTACHMENT_SERVICE_ADDR: attachmentAddr,
    }),
    { bus },
  );
  stops.push(gateway.stop);
  logger.info({ url: `http://localhost:${gateway.port}` }, 'Parley is up');

  return {
    port: gateway.port,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

if (require.main === module) {
  runMain(async () => {
    const running = await start();
    stopOnSignals(createLogger('parley'), running.stop);
  });
}
