import { randomBytes } from 'node:crypto';
import { start as startAttachment } from '@parley/attachment';
import { DEV_JWT_SECRET } from '@parley/auth';
import { MemoryBus, type EventBus } from '@parley/bus';
import { createKnex, embeddedDatabaseUrl, freePort, migrateLatest, startEmbeddedPostgres } from '@parley/db';
import { start as startGateway } from '@parley/gateway';
import { LocalServices } from '@parley/grpc';
import { createLogger } from '@parley/logger';
import { start as startMessage } from '@parley/message';
import { start as startPresence } from '@parley/presence';
import { resolveEventBus, runMain, stopOnSignals } from '@parley/runtime';
import { start as startSession } from '@parley/session';
import { loadAllInOneConfig, loadServiceConfigs } from './config';

export interface RunningParley {
  port: number;
  stop(): Promise<void>;
}

/**
 * Every service in one process, calling each other in process (`LocalServices`; each still
 * listens on its own gRPC port), on embedded defaults: an
 * embedded PostgreSQL, the in-process bus and attachments on local disk under PARLEY_DATA_DIR,
 * unless DATABASE_URL, AMQP_URL or S3_ENDPOINT (with S3_ACCESS_KEY and S3_SECRET_KEY) say otherwise.
 */
export async function start(env: Record<string, string | undefined> = process.env): Promise<RunningParley> {
  const config = loadAllInOneConfig(env);
  const logger = createLogger('parley', config.LOG_LEVEL);
  // The services call each other (the session service's assigner asks presence and message), so
  // every address is known before the first one starts.
  const port = async (configured: number) => configured || (await freePort());
  const ports = {
    session: await port(config.SESSION_GRPC_PORT),
    message: await port(config.MESSAGE_GRPC_PORT),
    presence: await port(config.PRESENCE_GRPC_PORT),
    attachment: await port(config.ATTACHMENT_GRPC_PORT),
  };
  const embeddedPort = config.DATABASE_URL ? undefined : await freePort();
  const configs = loadServiceConfigs(env, config, {
    databaseUrl: config.DATABASE_URL ?? embeddedDatabaseUrl(embeddedPort as number),
    ports,
    jwtSecret: config.JWT_SECRET ?? DEV_JWT_SECRET,
    internalToken: config.INTERNAL_GRPC_TOKEN ?? randomBytes(32).toString('hex'),
    linkSecret: config.ATTACHMENT_LINK_SECRET ?? randomBytes(32).toString('hex'),
  });
  const stops: Array<() => Promise<void>> = [];

  if (embeddedPort) {
    logger.info({ dataDir: config.PARLEY_DATA_DIR }, 'starting embedded PostgreSQL');
    const embedded = await startEmbeddedPostgres(config.PARLEY_DATA_DIR, { port: embeddedPort });
    stops.push(embedded.stop);
  }
  const migrator = createKnex({ url: configs.session.DATABASE_URL, poolMax: 1 });
  const applied = await migrateLatest(migrator).finally(() => migrator.destroy());
  if (applied.length) logger.info({ applied }, 'migrations applied');

  const bus: EventBus = config.AMQP_URL ? resolveEventBus(undefined, config.AMQP_URL, config.EVENTS_EXCHANGE, logger) : new MemoryBus(logger);
  stops.push(() => bus.close());
  if (!config.JWT_SECRET) logger.warn('JWT_SECRET is not set: using the development secret (npm run token mints tokens for it)');

  // The services call each other in process (each still listens on its gRPC port, for tools and probes).
  const local = new LocalServices();
  const session = await startSession(configs.session, { bus, local });
  stops.push(session.stop);
  const attachment = await startAttachment(configs.attachment, { bus, local });
  stops.push(attachment.stop);
  const message = await startMessage(configs.message, { bus, local });
  stops.push(message.stop);
  const presence = await startPresence(configs.presence, { bus, local });
  stops.push(presence.stop);
  const gateway = await startGateway(configs.gateway, { bus, local });
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
    stopOnSignals(createLogger('parley', loadAllInOneConfig().LOG_LEVEL), running.stop);
  });
}
