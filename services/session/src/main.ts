import type { Knex } from 'knex';
import { createOutbox, type EventBus } from '@parley/bus';
import { createKnex } from '@parley/db';
import { GrpcServer, MessageClient, PresenceClient, sessionProto, type LocalServices } from '@parley/grpc';
import { createLogger, type Logger } from '@parley/logger';
import { metrics, startMetricsServer } from '@parley/metrics';
import { resolveEventBus, runService, watchHealth, type ServiceDeps } from '@parley/runtime';
import { loadSessionConfig, type SessionConfig } from './config';
import { startAssignerJob } from './domain/assigner.jobs';
import { createAssigner } from './domain/assigner.service';
import { createLifecycleService } from './domain/session-lifecycle.service';
import type { SessionRepository } from './domain/session.ports';
import { createSessionService } from './domain/session.service';
import { consumeAgentEvents } from './events/agent-events.consumer';
import { createAgentDirectory } from './grpc/agent-directory.client';
import { createAnswerLedger } from './grpc/answer-ledger.client';
import { createSessionGrpcHandlers } from './grpc/session.grpc';
import { createAssignmentRepository } from './repository/assignment.repository';
import { createEventWriter } from './repository/event-writer';
import { createSessionRepository } from './repository/session.repository';
import { addSupportTools } from './support-tools.wiring';

export * from './config';

export interface RunningSessionService {
  port: number;
  stop(): Promise<void>;
}

/** Wires the session service; the all-in-one runner passes its in-process bus. */
export async function start(config: SessionConfig, deps: ServiceDeps = {}): Promise<RunningSessionService> {
  const logger = createLogger('session', config.LOG_LEVEL);
  const knex = createKnex({ url: config.DATABASE_URL, poolMax: config.DB_POOL_MAX, logger });
  const bus = resolveEventBus(deps.bus, config.AMQP_URL, config.EVENTS_EXCHANGE, logger);
  const outbox = createOutbox({ knex, table: 'session_outbox', bus, logger });
  const sessions = createSessionRepository(knex, outbox);
  const service = createSessionService({ sessions });
  const lifecycle = createLifecycleService({ sessions, get: service.get });

  const server = new GrpcServer(logger, config.INTERNAL_GRPC_TOKEN, deps.local);
  server.addService(sessionProto().SessionService.service, createSessionGrpcHandlers(service, lifecycle, logger), 'parley.session.v1.SessionService');
  const stopLiveFigures = addSupportTools(server, { knex, write: createEventWriter(outbox), get: service.get, logger });
  const port = await server.listen(config.SESSION_GRPC_HOST, config.SESSION_GRPC_PORT);
  outbox.start();
  const assignment = assignmentEnabled(config) ? await startAssignment(config, { knex, sessions, bus, logger, local: deps.local }) : null;
  const health = watchHealth(server, knex, bus);
  const metricsServer = config.METRICS_PORT === undefined ? null : await startMetricsServer(config.SESSION_GRPC_HOST, config.METRICS_PORT);

  return {
    port,
    async stop() {
      health.stop();
      stopLiveFigures();
      await metricsServer?.close();
      await assignment?.stop();
      await server.stop();
      await outbox.stop();
      if (!deps.bus) await bus.close();
      await knex.destroy();
    },
  };
}

/** The chats whose agent may never answer and the chats nobody took: nothing to run when all of it is off. */
const assignmentEnabled = (c: SessionConfig) => c.AUTO_ASSIGN !== 'off' || c.AGENT_OFFLINE_GRACE_MS > 0 || c.AGENT_REPLY_TIMEOUT_MS > 0;

/** The assigner (docs/lifecycle.md) with its clients, on an interval and woken by every queue or availability change. */
async function startAssignment(config: SessionConfig, deps: { knex: Knex; sessions: SessionRepository; bus: EventBus; logger: Logger; local?: LocalServices }) {
  const presence = new PresenceClient(config.PRESENCE_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local);
  const messages = new MessageClient(config.MESSAGE_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local);
  const assigner = createAssigner({
    sessions: deps.sessions,
    assignments: createAssignmentRepository(deps.knex),
    agents: createAgentDirectory(presence),
    answers: createAnswerLedger(messages),
    settings: {
      strategy: config.AUTO_ASSIGN,
      maxChatsPerAgent: config.AGENT_MAX_CHATS,
      offlineGraceMs: config.AGENT_OFFLINE_GRACE_MS,
      replyTimeoutMs: config.AGENT_REPLY_TIMEOUT_MS,
      batchSize: 200,
    },
  });
  const job = startAssignerJob(assigner, {
    intervalMs: config.ASSIGN_INTERVAL_MS,
    onPass: ({ assigned, requeued }) => {
      metrics.chatsAutoAssigned.inc(assigned.length);
      requeued.forEach((r) => metrics.chatsRequeued.inc({ reason: r.reason }));
      if (assigned.length + requeued.length > 0) deps.logger.info({ assigned, requeued }, 'assigner pass');
    },
    onError: (error) => deps.logger.warn({ err: error }, 'assigner pass failed; it runs again on its next interval'),
  });
  const wake = config.AUTO_ASSIGN === 'off' ? null : await consumeAgentEvents(deps.bus, config.EVENTS_EXCHANGE, () => job.kick());
  job.kick();
  return {
    async stop(): Promise<void> {
      await wake?.close();
      await job.stop();
      presence.close();
      messages.close();
    },
  };
}

if (require.main === module) runService('session', loadSessionConfig, start);
