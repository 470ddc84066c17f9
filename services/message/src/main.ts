import { createKnex } from '@parley/db';
import { AttachmentClient, CallAdmission, GrpcServer, messageProto, SessionClient } from '@parley/grpc';
import { createLogger } from '@parley/logger';
import { startMetricsServer } from '@parley/metrics';
import { resolveEventBus, runService, watchHealth, type ServiceDeps } from '@parley/runtime';
import { startSessionDirectory } from '@parley/session-directory';
import { createAttachmentDirectory } from './grpc/attachment-directory.client';
import { loadMessageConfig, type MessageConfig } from './config';
import { createMessageService } from './domain/message.service';
import { createAnsweredSessionsService } from './domain/answered-sessions.service';
import { createReadReceiptService } from './domain/read-receipt.service';
import { consumeSessionEvents } from './events/session-events.consumer';
import { createMessageGrpcHandlers } from './grpc/message.grpc';
import { createMessageOutbox, createMessageRepository } from './repository/message.repository';
import { createAnswerLedger } from './repository/answered-sessions.repository';
import { createReadReceiptRepository } from './repository/read-receipt.repository';
import { createKnownSessions } from './repository/known-sessions.repository';
import { addSearchAndReports } from './search.wiring';

export * from './config';

export interface RunningMessageService {
  port: number;
  stop(): Promise<void>;
}

/** Wires the message service; the all-in-one runner passes its in-process bus. */
export async function start(config: MessageConfig, deps: ServiceDeps = {}): Promise<RunningMessageService> {
  const logger = createLogger('message', config.LOG_LEVEL);
  const knex = createKnex({ url: config.DATABASE_URL, poolMax: config.DB_POOL_MAX, logger });
  const bus = resolveEventBus(deps.bus, config.AMQP_URL, config.EVENTS_EXCHANGE, logger);
  const outbox = createMessageOutbox({ knex, bus, logger });
  const sessionClient = new SessionClient(config.SESSION_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local);
  const attachmentClient = new AttachmentClient(config.ATTACHMENT_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local);
  const sessionDirectory = await startSessionDirectory({
    client: sessionClient,
    bus,
    exchange: config.EVENTS_EXCHANGE,
    owner: 'message',
    cacheTtlMs: config.SESSION_CACHE_TTL_MS,
    cacheMaxSessions: config.SESSION_CACHE_MAX,
  });
  const sessions = sessionDirectory.directory;
  const service = createMessageService({
    messages: createMessageRepository(knex, outbox),
    sessions,
    anyAgentMayReply: config.ALLOW_ANY_AGENT_REPLY,
    attachments: createAttachmentDirectory(attachmentClient),
  });
  const receipts = createReadReceiptService({ receipts: createReadReceiptRepository(knex, outbox), sessions });

  const server = new GrpcServer(logger, config.INTERNAL_GRPC_TOKEN, deps.local);
  server.addService(messageProto().MessageService.service, createMessageGrpcHandlers(service, receipts, createAnsweredSessionsService({ ledger: createAnswerLedger(knex) }), logger, new CallAdmission(config.MAX_SENDS_RUNNING)), 'parley.message.v1.MessageService');
  addSearchAndReports(server, knex, logger);
  const port = await server.listen(config.MESSAGE_GRPC_HOST, config.MESSAGE_GRPC_PORT);
  outbox.start();
  const sessionEvents = await consumeSessionEvents(bus, config.EVENTS_EXCHANGE, service, createKnownSessions(knex), logger);
  const health = watchHealth(server, knex, bus);
  const metricsServer = config.METRICS_PORT === undefined ? null : await startMetricsServer(config.MESSAGE_GRPC_HOST, config.METRICS_PORT);

  return {
    port,
    async stop() {
      health.stop();
      await metricsServer?.close();
      await sessionEvents.close();
      await sessionDirectory.close();
      await server.stop();
      await outbox.stop();
      sessionClient.close();
      attachmentClient.close();
      if (!deps.bus) await bus.close();
      await knex.destroy();
    },
  };
}

if (require.main === module) runService('message', loadMessageConfig, start);
