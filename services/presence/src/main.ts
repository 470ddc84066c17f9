import { LRUCache } from 'lru-cache';
import { createOutbox } from '@parley/bus';
import { createKnex } from '@parley/db';
import { CallAdmission, GrpcServer, presenceProto, SessionClient } from '@parley/grpc';
import { createLogger } from '@parley/logger';
import { startMetricsServer } from '@parley/metrics';
import { resolveEventBus, runService, watchHealth, type ServiceDeps } from '@parley/runtime';
import { startSessionDirectory } from '@parley/session-directory';
import { loadPresenceConfig, type PresenceConfig } from './config';
import { createAgentAvailabilityService } from './domain/agent-availability.service';
import { startPresenceJobs } from './domain/presence.jobs';
import { createPresenceService } from './domain/presence.service';
import { createTypingService } from './domain/typing.service';
import { createPresenceGrpcHandlers } from './grpc/presence.grpc';
import { createPresenceRepository } from './repository/presence.repository';
import { createTypingRecord } from './repository/typing.repository';
import { exportAgentFigures } from './agents.metrics';

export interface RunningPresenceService {
  port: number;
  stop(): Promise<void>;
}

/** Wires the presence service; the all-in-one runner passes its in-process bus. */
export async function start(config: PresenceConfig, deps: ServiceDeps = {}): Promise<RunningPresenceService> {
  const logger = createLogger('presence', config.LOG_LEVEL);
  const knex = createKnex({ url: config.DATABASE_URL, poolMax: config.DB_POOL_MAX, logger });
  const bus = resolveEventBus(deps.bus, config.AMQP_URL, config.EVENTS_EXCHANGE, logger);
  const outbox = createOutbox({ knex, table: 'presence_outbox', bus, logger });
  const repository = createPresenceRepository(knex, outbox);
  const sessionClient = new SessionClient(config.SESSION_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local);
  const timings = { leaseTtlMs: config.PRESENCE_LEASE_TTL_MS, typingTtlMs: config.TYPING_TTL_MS, typingThrottleMs: config.TYPING_THROTTLE_MS };
  const sessionDirectory = await startSessionDirectory({
    client: sessionClient,
    bus,
    exchange: config.EVENTS_EXCHANGE,
    owner: 'presence',
    cacheTtlMs: config.SESSION_CACHE_TTL_MS,
    cacheMaxSessions: config.SESSION_CACHE_MAX,
  });
  const presence = createPresenceService({ presence: repository, sessions: sessionDirectory.directory, timings });
  const typing = createTypingService({
    presence: repository,
    record: createTypingRecord(knex, config.TYPING_RECORD_INTERVAL_MS),
    signals: { announce: (events) => bus.publishTransient(events) },
    announced: new LRUCache<string, number>({ max: 100_000, ttl: config.TYPING_THROTTLE_MS || 1 }),
    timings,
  });

  const server = new GrpcServer(logger, config.INTERNAL_GRPC_TOKEN, deps.local);
  const registrations = new CallAdmission(config.MAX_REGISTRATIONS_RUNNING, 'The presence service is busy registering sockets; try again shortly');
  const handlers = createPresenceGrpcHandlers(presence, typing, createAgentAvailabilityService({ presence: repository }), logger, registrations);
  server.addService(presenceProto().PresenceService.service, handlers, 'parley.presence.v1.PresenceService');
  const port = await server.listen(config.PRESENCE_GRPC_HOST, config.PRESENCE_GRPC_PORT);
  outbox.start();
  // The record of who is typing, written behind the signals the gateways announce; late ones are worth nothing.
  const typingSignals = await bus.subscribe(
    { queue: `${config.EVENTS_EXCHANGE}.presence.typing`, exclusive: false, patterns: ['session.*.typing.*'], messageTtlMs: config.TYPING_TTL_MS },
    (event) => typing.recordSignal(event),
  );
  const jobs = startPresenceJobs(presence, typing, {
    reapIntervalMs: config.PRESENCE_REAP_INTERVAL_MS,
    sweepIntervalMs: config.TYPING_SWEEP_INTERVAL_MS,
    onError: (job, error) => logger.warn({ err: error, job }, 'presence job failed; it runs again on its next interval'),
    onDone: (job, count) => {
      if (count > 0) logger.info({ job, count }, job === 'reap' ? 'reaped the sockets of expired gateways' : 'expired typing indicators');
    },
  });
  const health = watchHealth(server, knex, bus);
  const stopAgentFigures = exportAgentFigures(() => repository.transaction((store) => store.agentStates()));
  const metricsServer = config.METRICS_PORT === undefined ? null : await startMetricsServer(config.PRESENCE_GRPC_HOST, config.METRICS_PORT);

  return {
    port,
    async stop() {
      health.stop();
      stopAgentFigures();
      await metricsServer?.close();
      await jobs.stop();
      await typingSignals.close();
      await server.stop();
      await sessionDirectory.close();
      await outbox.stop();
      sessionClient.close();
      if (!deps.bus) await bus.close();
      await knex.destroy();
    },
  };
}

if (require.main === module) runService('presence', loadPresenceConfig, start);
export * from './config';
