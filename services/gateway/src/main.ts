import { createTokenVerifier } from '@parley/auth';
import { AttachmentClient, CannedResponseClient, HealthChecker, MessageClient, MessageSearchClient, PresenceClient, RatingClient, SERVICE_NAMES, SessionClient, SessionReportClient } from '@parley/grpc';
import { createLogger } from '@parley/logger';
import { buildInfo } from '@parley/metrics';
import { resolveEventBus, runService, type ServiceDeps } from '@parley/runtime';
import { createAttachmentsApi } from './clients/attachment-api';
import { createMessagesApi, createPresenceApi, createSessionsApi } from './clients/grpc-apis';
import { createSupportApis } from './clients/support-apis';
import { loadGatewayConfig, rateLimitSettingsOf, sendBoundsOf, type GatewayConfig } from './config';
import { createGatewayLimits } from './limits/gateway-limits';
import { createGatewayServer } from './gateway-server';
import { gatewayIdentity } from './domain/gateway.ports';
import { devTokenSecretOf } from './http/dev-token.routes';

export * from './config';

export interface RunningGateway {
  port: number;
  stop(): Promise<void>;
}

/** Wires the gateway: REST and Socket.io on one port, the services over gRPC, events from the bus. */
export async function start(config: GatewayConfig, deps: ServiceDeps = {}): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const bus = resolveEventBus(deps.bus, config.AMQP_URL, config.EVENTS_EXCHANGE, logger);
  const sessionClient = new SessionClient(config.SESSION_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local);
  const messageClient = new MessageClient(config.MESSAGE_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local);
  const presenceClient = new PresenceClient(config.PRESENCE_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local);
  const attachmentClient = new AttachmentClient(config.ATTACHMENT_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local);
  const inProcess = (serviceName: string) => (deps.local ? { services: deps.local, serviceName } : undefined);
  const supportClients = {
    sessions: sessionClient,
    cannedResponses: new CannedResponseClient(config.SESSION_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local),
    ratings: new RatingClient(config.SESSION_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local),
    sessionReports: new SessionReportClient(config.SESSION_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local),
    messageSearch: new MessageSearchClient(config.MESSAGE_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN, deps.local),
    presence: presenceClient,
  };
  const health = {
    session: new HealthChecker(config.SESSION_SERVICE_ADDR, inProcess(SERVICE_NAMES.session)),
    message: new HealthChecker(config.MESSAGE_SERVICE_ADDR, inProcess(SERVICE_NAMES.message)),
    presence: new HealthChecker(config.PRESENCE_SERVICE_ADDR, inProcess(SERVICE_NAMES.presence)),
    attachment: new HealthChecker(config.ATTACHMENT_SERVICE_ADDR, inProcess(SERVICE_NAMES.attachment)),
  };
  // The gateway's own identity: its batch calls carry it (each item its user's).
  const self = { identity: gatewayIdentity(config.GATEWAY_ID) };
  const limits = createGatewayLimits({
    settings: rateLimitSettingsOf(config),
    sendBounds: sendBoundsOf(config),
    joinsInFlight: config.MAX_JOINS_IN_FLIGHT,
    trustedProxies: config.TRUST_PROXY,
    redisUrl: config.RATE_LIMIT_REDIS_URL,
    keyPrefix: config.RATE_LIMIT_KEY_PREFIX,
    syncIntervalMs: config.RATE_LIMIT_SYNC_MS,
    gatewayId: config.GATEWAY_ID,
    logger,
  });
  const server = await createGatewayServer({
    sessions: createSessionsApi(sessionClient, self),
    messages: createMessagesApi(messageClient, self),
    presence: createPresenceApi(presenceClient, self),
    attachments: createAttachmentsApi(attachmentClient),
    support: createSupportApis(supportClients),
    uploadLimits: { maxFileBytes: config.ATTACHMENT_MAX_FILE_BYTES, maxFiles: config.ATTACHMENT_MAX_FILES },
    bus,
    verifyToken: createTokenVerifier({ secret: config.JWT_SECRET, algorithms: config.JWT_ALGORITHMS, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
    logger,
    gatewayId: config.GATEWAY_ID,
    corsOrigins: config.CORS_ORIGINS,
    maxPayloadBytes: config.SOCKET_MAX_PAYLOAD_BYTES,
    handshakesPerTurn: config.WS_HANDSHAKES_PER_TURN,
    readinessChecks: Object.fromEntries(Object.entries(health).map(([name, checker]) => [name, () => checker.isServing()])),
    presenceRenewIntervalMs: config.PRESENCE_RENEW_INTERVAL_MS,
    devTokenSecret: devTokenSecretOf(config.JWT_SECRET),
    limits,
    typing: { throttleMs: config.TYPING_THROTTLE_MS, ttlMs: config.TYPING_TTL_MS },
    roomUnbindGraceMs: config.ROOM_UNBIND_GRACE_MS,
  });
  const port = await server.listen(config.PORT, config.HOST, config.LISTEN_BACKLOG);
  logger.info({ port, gatewayId: config.GATEWAY_ID, ...buildInfo() }, 'gateway listening');

  return {
    port,
    async stop() {
      await server.close();
      await limits.close();
      sessionClient.close();
      messageClient.close();
      presenceClient.close();
      attachmentClient.close();
      [supportClients.cannedResponses, supportClients.ratings, supportClients.sessionReports, supportClients.messageSearch].forEach((client) => client.close());
      Object.values(health).forEach((checker) => checker.close());
      if (!deps.bus) await bus.close();
    },
  };
}

if (require.main === module) runService('gateway', loadGatewayConfig, start);
