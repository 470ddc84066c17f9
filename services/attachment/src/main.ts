import { createKnex } from '@parley/db';
import { attachmentProto, GrpcServer, SessionClient } from '@parley/grpc';
import { createLogger } from '@parley/logger';
import { startMetricsServer } from '@parley/metrics';
import { resolveEventBus, runService, watchHealth, type ServiceDeps } from '@parley/runtime';
import { createSessionDirectory } from '@parley/session-directory';
import { loadAttachmentConfig, type AttachmentConfig } from './config';
import { createAttachmentService } from './domain/attachment.service';
import { createLinkSigner } from './domain/download-links';
import { startSweeper } from './domain/unsent-sweeper';
import { consumeMessageEvents } from './events/message-events.consumer';
import { createAttachmentGrpcHandlers } from './grpc/attachment.grpc';
import { createAttachmentRepository } from './repository/attachment.repository';
import { openObjectStore } from './repository/object-store.factory';
import { createSharpThumbnailer } from './repository/sharp.thumbnailer';

export interface RunningAttachmentService {
  port: number;
  stop(): Promise<void>;
}

/** Wires the attachment service; the all-in-one runner passes its in-process bus. */
export async function start(config: AttachmentConfig, deps: ServiceDeps = {}): Promise<RunningAttachmentService> {
  const logger = createLogger('attachment', config.LOG_LEVEL);
  const knex = createKnex({ url: config.DATABASE_URL, poolMax: config.DB_POOL_MAX, logger });
  const bus = resolveEventBus(deps.bus, config.AMQP_URL, config.EVENTS_EXCHANGE, logger);
  const sessionClient = new SessionClient(config.SESSION_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local);
  const service = createAttachmentService({
    attachments: createAttachmentRepository(knex),
    store: await openObjectStore(config),
    sessions: createSessionDirectory(sessionClient, 'attachment'),
    thumbnails: createSharpThumbnailer(config.ATTACHMENT_THUMBNAIL_SIZE),
    links: createLinkSigner(config.ATTACHMENT_LINK_SECRET),
    limits: {
      maxFileBytes: config.ATTACHMENT_MAX_FILE_BYTES,
      maxFiles: config.ATTACHMENT_MAX_FILES,
      allowedTypes: config.ATTACHMENT_ALLOWED_TYPES,
      unsentTtlMs: config.ATTACHMENT_UNSENT_TTL_SECONDS * 1000,
      linkTtlMs: config.ATTACHMENT_LINK_TTL_SECONDS * 1000,
    },
  });

  const server = new GrpcServer(logger, config.INTERNAL_GRPC_TOKEN, deps.local);
  server.addService(attachmentProto().AttachmentService.service, createAttachmentGrpcHandlers(service, logger), 'parley.attachment.v1.AttachmentService');
  const port = await server.listen(config.ATTACHMENT_GRPC_HOST, config.ATTACHMENT_GRPC_PORT);
  const messageEvents = await consumeMessageEvents(bus, config.EVENTS_EXCHANGE, service, logger);
  const sweeper = startSweeper(
    (batch) => service.sweepUnsent(batch),
    config.ATTACHMENT_SWEEP_INTERVAL_SECONDS * 1000,
    (error) => logger.error({ err: error }, 'cleanup of unsent uploads failed'),
  );
  const health = watchHealth(server, knex, bus);
  const metricsServer = config.METRICS_PORT === undefined ? null : await startMetricsServer(config.ATTACHMENT_GRPC_HOST, config.METRICS_PORT);
  logger.info({ port, store: config.ATTACHMENT_STORE }, 'attachment service ready');

  return {
    port,
    async stop() {
      health.stop();
      await metricsServer?.close();
      await sweeper.stop();
      await messageEvents.close();
      await server.stop();
      sessionClient.close();
      if (!deps.bus) await bus.close();
      await knex.destroy();
    },
  };
}

if (require.main === module) runService('attachment', loadAttachmentConfig, start);

export * from './config';
