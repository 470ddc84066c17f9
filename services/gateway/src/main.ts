import { createTokenVerifier } from '@parley/auth';
import type { EventBus } from '@parley/bus';
import { AttachmentClient, HealthChecker, MessageClient, PresenceClient, SessionClient } from '@parley/grpc';
import { createLogger } from '@parley/logger';
import { resolveEventBus, runMain, stopOnSignals } from '@parley/runtime';
import { createAttachmentsApi } from './clients/attachment-api';
import { createMessagesApi, createPresenceApi, createSessionsApi } from './clients/grpc-apis';
import { loadGatewayConfig, rateLimitSettingsOf, sendBoundsOf, type GatewayConfig } from './config';
import { createGatewayLimits } from './limits/gateway-limits';
import { createGatewayServer } from './gateway-server';
import { devTokenSecretOf } from './http/dev-token.routes';

export * from './config';

export interface RunningGateway {
  port: number;
  stop(): Promise<void>;
}

/** Wires the gateway: REST and Socket.io on one port, the services over gRPC, events from the bus. */
export async function start(config: GatewayConfig, deps: { bus?: EventBus } = {}): Promise<RunningGateway> {
  const logger = createLogger('gateway');
  const bus = resolveEventBus(deps.bus, config.AMQP_URL, config.EVENTS_EXCHANGE, logger);
  const sessionClient = new SessionClient(config.SESSION_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN);
  const messageClient = new MessageClient(config.MESSAGE_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN);
  const presenceClient = new PresenceClient(config.PRESENCE_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN);
  const attachmentClient = new AttachmentClient(config.ATTACHMENT_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN);
  const health = {
    session: new HealthChecker(config.SESSION_SERVICE_ADDR),
    message: new HealthChecker(config.MESSAGE_SERVICE_ADDR),
    presence: new HealthChecker(config.PRESENCE_SERVICE_ADDR),
    attachment: new HealthChecker(config.ATTACHMENT_SERVICE_ADDR),
  };
  const limits = createGatewayLimits({
    settings: rateLimitSettingsOf(config),
    sendBounds: sendBoundsOf(config),
    joinsInFlight: config.MAX_JOINS_IN_FLIGHT,
    trustedProxies: config.TRUST_PROXY,
    redisUrl: config.RATE_LIMIT_REDIS_URL,
    keyPrefix: config.RATE_LIMIT_KEY_PREFIX,
    gatewayId: config.GATEWAY_ID,
    logger,
  });
  const server = await createGatewayServer({
    sessions: createSessionsApi(sessionClient),
    messages: createMessagesApi(messageClient),
    presence: createPresenceApi(presenceClient),
    attachments: createAttachmentsApi(attachmentClient),
    uploadLimits: { maxFileBytes: config.ATTACHMENT_MAX_FILE_BYTES, maxFiles: config.ATTACHMENT_MAX_FILES },
    bus,
    verifyToken: createTokenVerifier({ secret: config.JWT_SECRET, algorithms: config.JWT_ALGORITHMS, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
    logger,
    gatewayId: config.GATEWAY_ID,
    corsOrigins: config.CORS_ORIGINS,
    maxPayloadBytes: config.SOCKET_MAX_PAYLOAD_BYTES,
    readinessChecks: Object.fromEntries(Object.entries(health).map(([name, checker]) => [name, () => checker.isServing()])),
    presenceRenewIntervalMs: config.PRESENCE_RENEW_INTERVAL_MS,
    devTokenSecret: devTokenSecretOf(config.JWT_SECRET),
    limits,
  });
  const port = await server.listen(config.PORT, config.HOST);
  logger.info({ port, gatewayId: config.GATEWAY_ID }, 'gateway listening');

  return {
    port,
    async stop() {
      await server.close();
      await limits.close();
      sessionClient.close();
      messageClient.close();
      presenceClient.close();
      attachmentClient.close();
      Object.values(health).forEach((checker) => checker.close());
      if (!deps.bus) await bus.close();
    },
  };
}

if (require.main === module) {
  runMain(async () => {
    const running = await start(loadGatewayConfig());
    stopOnSignals(createLogger('gateway'), running.stop);
  });
}
