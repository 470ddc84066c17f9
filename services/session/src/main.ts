import { OutboxRelay, OutboxRepository, type EventBus } from '@parley/bus';
import { createKnex } from '@parley/db';
import { GrpcServer, sessionProto } from '@parley/grpc';
import { createLogger } from '@parley/logger';
import { startMetricsServer } from '@parley/metrics';
import { resolveEventBus, runMain, stopOnSignals, watchHealth } from '@parley/runtime';
import { assignmentEnabled, startAssignment } from './assignment.wiring';
import { loadSessionConfig, type SessionConfig } from './config';
import { createLifecycleService } from './domain/session-lifecycle.service';
import { createSessionService } from './domain/session.service';
import { createSessionGrpcHandlers } from './grpc/session.grpc';
import { createSessionRepository } from './repository/session.repository';

export * from './config';

export interface RunningSessionService {
  port: number;
  stop(): Promise<void>;
}

/** Wires the session service; the all-in-one runner passes its in-process bus. */
export async function start(config: SessionConfig, deps: { bus?: EventBus } = {}): Promise<RunningSessionService> {
  const logger = createLogger('session');
  const knex = createKnex({ url: config.DATABASE_URL, poolMax: config.DB_POOL_MAX, logger });
  const bus = resolveEventBus(deps.bus, config.AMQP_URL, config.EVENTS_EXCHANGE, logger);
  const outbox = new OutboxRepository('session_outbox');
  const relay = new OutboxRelay({ knex, table: outbox.table, bus, logger });
  const sessions = createSessionRepository(knex, outbox, relay);
  const service = createSessionService({ sessions });
  const lifecycle = createLifecycleService({ sessions, get: service.get });

  const server = new GrpcServer(logger, config.INTERNAL_GRPC_TOKEN);
  server.addService(sessionProto().SessionService.service, createSessionGrpcHandlers(service, lifecycle, logger), 'parley.session.v1.SessionService');
  const port = await server.listen(config.SESSION_GRPC_HOST, config.SESSION_GRPC_PORT);
  relay.start();
  const assignment = assignmentEnabled(config) ? await startAssignment(config, { knex, sessions, bus, logger }) : null;
  const health = watchHealth(server, knex, bus);
  const metricsServer = config.METRICS_PORT === undefined ? null : await startMetricsServer(config.SESSION_GRPC_HOST, config.METRICS_PORT);

  return {
    port,
    async stop() {
      health.stop();
      await metricsServer?.close();
      await assignment?.stop();
      await server.stop();
      await relay.stop();
      if (!deps.bus) await bus.close();
      await knex.destroy();
    },
  };
}

if (require.main === module) {
  runMain(async () => {
    const running = await start(loadSessionConfig());
    stopOnSignals(createLogger('session'), running.stop);
  });
}
