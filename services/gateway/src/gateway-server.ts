import type { Express } from 'express';
import http from 'node:http';
import type { TokenVerifier } from '@parley/auth';
import { RecentIds, type EventBus } from '@parley/bus';
import type { EventEnvelope } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { LifecycleDelivery } from './delivery/lifecycle-delivery';
import { deliverToOthers } from './delivery/presence-delivery';
import { createAgentService } from './domain/agent.service';
import { startPresenceLease } from './delivery/presence-lease';
import { createAttachmentFlow } from './domain/attachment-flow.service';
import { createChatService } from './domain/chat.service';
import { gatewayIdentity, type AttachmentsApi, type Caller, type MessagesApi, type PresenceApi, type SessionsApi } from './domain/gateway.ports';
import { createReportsService } from './domain/reports.service';
import { createSignalsService } from './domain/signals.service';
import { createSupportDeskService } from './domain/support-desk.service';
import type { SupportApis } from './domain/support.ports';
import { createTypingService } from './domain/typing.service';
import { TypingIndicators } from './delivery/typing-indicators';
import { DEFAULT_ROOM_UNBIND_GRACE_MS, SessionRooms } from './delivery/session-rooms';
import { createHttpApp } from './http/app';
import { flushingSoon } from './socket/websocket-flush';
import type { UploadLimits } from './http/upload-storage';
import { createGatewayLimits, DEFAULT_RATE_LIMITS } from './limits/gateway-limits';
import { limitRequestsPerIp } from './limits/http-limits';
import { admitJoins, admitSends, applyEventLimits, capConnectionsPerUser, limitConnectAttempts, type GatewayLimits } from './limits/socket-limits';
import { createSocketServer, handleConnections } from './socket/socket-server';
import { SESSION_ROOM_PREFIX, type GatewayServer as SocketServer } from './socket/socket.types';

export interface GatewayServerDeps {
  sessions: SessionsApi;
  messages: MessagesApi;
  presence: PresenceApi;
  attachments: AttachmentsApi;
  /** Canned responses, ratings, search and reports. */
  support: SupportApis;
  uploadLimits: UploadLimits;
  bus: EventBus;
  verifyToken: TokenVerifier;
  logger: Logger;
  gatewayId: string;
  corsOrigins: string[] | '*';
  maxPayloadBytes: number;
  /** WebSocket handshakes begun per turn of the event loop (default 32; socket/upgrade-pacing.ts). */
  handshakesPerTurn?: number;
  /** Readiness checks beyond the broker, by name (the services' grpc.health.v1). */
  readinessChecks?: Record<string, () => Promise<boolean>>;
  /** How often this gateway renews its lease at the presence service. */
  presenceRenewIntervalMs: number;
  /** The built web app served at / (default services/web/dist). */
  webAppDir?: string;
  /** The JWT secret when it is the public development one: the web app's sign-in picker mints tokens with it. */
  devTokenSecret?: string;
  /** Rate limits, the per-user connection cap and the bounds on unanswered sends; the defaults, in memory, when not given. */
  limits?: GatewayLimits;
  /** Typing: a typist is announced again at most every `throttleMs`; an indicator lives `ttlMs` after its last announcement. */
  typing?: { throttleMs: number; ttlMs: number };
  /** How long a session stays bound after its last socket here left (default 30 s; delivery/session-rooms.ts). */
  roomUnbindGraceMs?: number;
}

export interface GatewayServer {
  httpServer: http.Server;
  /** The REST app and the Socket.io server (for tests that inspect what they serve). */
  app: Express;
  io: SocketServer;
  /** `backlog`: connections the kernel queues until they are accepted (node's default: 511). */
  listen(port: number, host: string, backlog?: number): Promise<number>;
  close(graceMs?: number): Promise<void>;
}

/** The gateway's servers (REST, Socket.io, its event queue) over whatever session and message APIs it is given. */
export async function createGatewayServer(deps: GatewayServerDeps): Promise<GatewayServer> {
  const { sessions, messages, presence, bus, verifyToken, logger, corsOrigins } = deps;
  const chat = createChatService({ sessions, messages, presence, ratings: deps.support.ratings });
  const desk = createSupportDeskService(deps.support);
  const reports = createReportsService({ reports: deps.support.reports });
  const agents = createAgentService(sessions);
  const signals = createSignalsService({ messages, presence });
  const typingTimes = deps.typing ?? { throttleMs: 3000, ttlMs: 10_000 };
  const typing = createTypingService({ signals: { announce: (events) => bus.publishTransient(events) }, throttleMs: typingTimes.throttleMs });
  // The gateway reads missed messages as itself, not as any user.
  const gatewayCaller: Caller = { identity: gatewayIdentity(deps.gatewayId) };

  let stopping = false;
  const ready = async () => {
    if (stopping) return { ready: false, checks: { stopping: false } };
    const named = Object.entries(deps.readinessChecks ?? {});
    const results = await Promise.all(named.map(([, check]) => check()));
    const checks: Record<string, boolean> = { broker: bus.isConnected(), ...Object.fromEntries(named.map(([name], i) => [name, results[i]])) };
    return { ready: Object.values(checks).every(Boolean), checks };
  };
  const files = { flow: createAttachmentFlow({ sessions, messages, attachments: deps.attachments }), attachments: deps.attachments, limits: deps.uploadLimits, gatewayCaller };
  const ownLimits = deps.limits ? null : createGatewayLimits({ settings: DEFAULT_RATE_LIMITS, trustedProxies: 0, keyPrefix: 'local', gatewayId: deps.gatewayId, logger });
  const limits = deps.limits ?? (ownLimits as GatewayLimits);
  const limitRequests = limitRequestsPerIp(limits.rates.restRequests, limits.trustedProxies);
  // What a refusal as busy (a bound of this gateway, or a busy service) tells the client to wait.
  const busyOptions = { retryAfterMs: limits.sendRetryAfterMs };
  const app = createHttpApp({ chat, agents, signals, desk, reports, verifyToken, corsOrigins, logger, ready, files, limitRequests, webAppDir: deps.webAppDir, devTokenSecret: deps.devTokenSecret, busyRetryAfterMs: busyOptions.retryAfterMs });
  const httpServer = http.createServer(app);
  const io = createSocketServer({
    httpServer,
    verifyToken,
    corsOrigins,
    maxPayloadBytes: deps.maxPayloadBytes,
    handshakesPerTurn: deps.handshakesPerTurn,
    admission: { beforeAuth: limitConnectAttempts(limits), afterAuth: capConnectionsPerUser(limits, logger) },
  });
  applyEventLimits(io, limits);

  // Events can only arrive for what this gateway binds, and it binds nothing before both exist.
  const seen = new RecentIds();
  const indicators = new TypingIndicators({ ttlMs: typingTimes.ttlMs, show: (event) => deliverToOthers(io, event) });
  const debug = logger.isLevelEnabled('debug');
  const handleEvent = (event: EventEnvelope) => {
    if (!seen.firstTime(event.id)) return; // at-least-once delivery: each event once
    if (debug) logger.debug({ eventId: event.id, type: event.type, requestId: event.request_id }, 'event received');
    switch (event.type) {
      case 'message.created': {
        const { message } = (event as EventEnvelope<'message.created'>).data;
        // A message ends its sender's typing indicator.
        indicators.stop(message.session_id, message.sender_id);
        rooms.handleMessage(event as EventEnvelope<'message.created'>);
        return;
      }
      case 'typing.started':
        return indicators.started(event as EventEnvelope<'typing.started'>);
      case 'typing.stopped': {
        const stopped = event as EventEnvelope<'typing.stopped'>;
        return indicators.stop(stopped.data.session_id, stopped.data.user_id, stopped);
      }
      case 'user.left': {
        const { session_id, user_id } = (event as EventEnvelope<'user.left'>).data;
        indicators.stop(session_id, user_id);
        deliverToOthers(io, event);
        return;
      }
      default:
        // A lifecycle event updates the session the joins here answer with before any socket sees it.
        rooms.sessions.apply(event);
        if (!deliverToOthers(io, event)) lifecycle.handle(event);
    }
  };
  // What an event sends to the sockets leaves as soon as its delivery has run (websocket-flush.ts).
  const subscription = await bus.subscribe({ queue: `parley.gateway.${deps.gatewayId}`, exclusive: true }, (event) => flushingSoon(() => handleEvent(event)));
  io.of('/').adapter.on('delete-room', (room: string) => {
    if (room.startsWith(SESSION_ROOM_PREFIX)) indicators.closeSession(room.slice(SESSION_ROOM_PREFIX.length));
  });
  const rooms: SessionRooms = new SessionRooms({
    io,
    subscription,
    logger,
    fetchAfter: async (sessionId, afterSeq) => (await messages.list(gatewayCaller, { session_id: sessionId, after_seq: afterSeq, limit: 1000 })).messages,
    unbindGraceMs: deps.roomUnbindGraceMs ?? DEFAULT_ROOM_UNBIND_GRACE_MS,
  });
  const lifecycle = new LifecycleDelivery(io, subscription, logger);
  await lifecycle.start();
  const lease = startPresenceLease({ io, presence, gatewayId: deps.gatewayId, intervalMs: deps.presenceRenewIntervalMs, logger });
  const sendOptions = { ...busyOptions, admit: admitSends(limits.sends, busyOptions.retryAfterMs) };
  const joinOptions = { ...busyOptions, admit: admitJoins(limits.joins, busyOptions.retryAfterMs) };
  handleConnections(io, { chat, agents, signals, typing, presence, rooms, logger, gatewayId: deps.gatewayId, disconnectLater: lease.disconnectLater, sendOptions, joinOptions, busyOptions });

  return {
    httpServer,
    app,
    io,
    listen: (port, host, backlog) =>
      new Promise((resolve) => httpServer.listen({ port, host, backlog }, () => resolve((httpServer.address() as { port: number }).port))),
    /**
     * Graceful: readiness goes false (the proxy stops sending new clients), no new connections, the
     * events already received are finished (up to `graceMs`), then every transport closes, which
     * socket.io clients answer by reconnecting (through the proxy: to another gateway). A send whose
     * ack was cut off is retried by its client with the same temp_id and answered, never doubled.
     */
    async close(graceMs = 5000) {
      stopping = true;
      httpServer.close();
      const inFlight = [...io.of('/').sockets.values()].map((socket) => socket.data.queue);
      await Promise.race([Promise.all(inFlight), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await lease.stop();
      rooms.close();
      await subscription.close();
      await ownLimits?.close();
    },
  };
}
