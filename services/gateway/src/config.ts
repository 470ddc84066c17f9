import os from 'node:os';
import { z } from 'zod';
import { attachmentLimitSettings, busSettings, env, internalTokenSettings, jwtSecretSettings, loggingSettings, parseConfig, serviceAddressSettings, setting, type Env } from '@parley/config';
import { HMAC_ALGORITHMS } from '@parley/auth';
import { DEFAULT_HANDSHAKES_PER_TURN } from './socket/upgrade-pacing';
import { DEFAULT_ROOM_UNBIND_GRACE_MS } from './delivery/session-rooms';
import { DEFAULT_JOINS_IN_FLIGHT, DEFAULT_RATE_LIMIT_SYNC_MS, DEFAULT_RATE_LIMITS, DEFAULT_SEND_BOUNDS, type SendBoundSettings } from './limits/gateway-limits';

const count = (fallback: number) => env.int(fallback, 1, 1_000_000);
const windowSeconds = (fallback: number) => env.int(fallback, 1, 86_400);

const origins = z
  .string()
  .default('')
  .transform((value): string[] | '*' =>
    value.trim() === '*'
      ? '*'
      : value
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
  );

export const gatewayConfigSchema = z.object({
  ...busSettings,
  ...loggingSettings,
  ...internalTokenSettings,
  PORT: setting(env.port(45000), 'HTTP port of REST /api/v1, Socket.io, the web app, the API docs and /metrics.'),
  HOST: setting(z.string().min(1).default('0.0.0.0'), 'Address the HTTP server binds (0.0.0.0: every interface, as in a container).'),
  LISTEN_BACKLOG: setting(
    env.int(4096, 1, 65_535),
    "Connections the kernel holds for the HTTP server until it accepts them (the kernel caps it at net.core.somaxconn). Past it a client's connection is dropped and waits for its own retransmit (1 s, then 3 s): a reconnect storm needs room for every client arriving at once (docs/operations.md).",
  ),
  WS_HANDSHAKES_PER_TURN: setting(
    count(DEFAULT_HANDSHAKES_PER_TURN),
    'WebSocket handshakes the gateway begins per turn of its event loop; the rest wait their turn in the order they came. In a reconnect storm the sockets already connected (their joins, their messages) go first instead of waiting for every handshake (docs/operations.md).',
  ),
  ...jwtSecretSettings,
  JWT_ALGORITHMS: setting(
    z
      .string()
      .default('HS256')
      .transform((value) => value.split(',').map((a) => a.trim()).filter(Boolean))
      .pipe(z.array(z.enum(HMAC_ALGORITHMS)).min(1)),
    `Accepted JWT algorithms, comma-separated, HMAC only (${HMAC_ALGORITHMS.join(', ')}): an explicit allowlist (RFC 8725).`,
  ),
  JWT_ISSUER: setting(env.optionalString(), "When set, a token's `iss` must equal it."),
  JWT_AUDIENCE: setting(env.optionalString(), "When set, a token's `aud` must contain it."),
  ...serviceAddressSettings('session'),
  ...serviceAddressSettings('message'),
  ...serviceAddressSettings('presence'),
  ...serviceAddressSettings('attachment'),
  PRESENCE_RENEW_INTERVAL_MS: setting(env.ms(5000, 100, 600_000), "How often (ms) the gateway renews its lease at the presence service; well under the presence service's PRESENCE_LEASE_TTL_MS."),
  GATEWAY_ID: setting(z.string().regex(/^[\w.-]+$/).default(`${os.hostname()}-${process.pid}`), 'Names this gateway instance, its own event queue and its presence lease (letters, digits, _ . -); unique per instance.', {
    shownDefault: '<hostname>-<pid>',
  }),
  CORS_ORIGINS: setting(origins, 'Browser origins allowed to call the API and open sockets, comma-separated, or *; empty: same origin only. Any other Origin gets 403 on REST and a refused handshake.'),
  SOCKET_MAX_PAYLOAD_BYTES: setting(env.int(100_000, 1024, 1_000_000), 'Largest Socket.io message accepted, in bytes.'),
  ...attachmentLimitSettings,
  RATE_LIMIT_REDIS_URL: setting(env.optionalUrl(), 'Redis the gateways share the per-user and per-IP limits and the connection cap in; unset: each gateway limits alone, in memory.', {
    example: 'redis://127.0.0.1:6379',
  }),
  RATE_LIMIT_KEY_PREFIX: setting(z.string().regex(/^[\w.:-]+$/).default('parley:limits'), 'Key prefix in that Redis; gateways that share limits use the same one.'),
  RATE_LIMIT_SYNC_MS: setting(env.ms(DEFAULT_RATE_LIMIT_SYNC_MS, 1, 10_000), "Under load, at most one send of this gateway's counts to that Redis per this many ms: the shared limits' slack (docs/security.md)."),
  RATE_LIMIT_SOCKET_EVENTS: setting(count(DEFAULT_RATE_LIMITS.socketEvents), 'Events one socket may send per event window (docs/security.md).'),
  RATE_LIMIT_USER_EVENTS: setting(count(DEFAULT_RATE_LIMITS.userEvents), 'Events one user may send per event window, over all their sockets and gateways.'),
  RATE_LIMIT_EVENT_WINDOW_SECONDS: setting(windowSeconds(DEFAULT_RATE_LIMITS.eventWindowSeconds), 'The event window, in seconds.'),
  RATE_LIMIT_REST_PER_IP: setting(count(DEFAULT_RATE_LIMITS.restRequests), 'REST requests (API and downloads) per client IP per REST window; over it: 429 with Retry-After.'),
  RATE_LIMIT_REST_WINDOW_SECONDS: setting(windowSeconds(DEFAULT_RATE_LIMITS.restWindowSeconds), 'The REST window, in seconds.'),
  RATE_LIMIT_CONNECTS_PER_IP: setting(count(DEFAULT_RATE_LIMITS.connectAttempts), 'Socket.io connection attempts (failed ones too) per client IP per connect window.'),
  RATE_LIMIT_CONNECT_WINDOW_SECONDS: setting(windowSeconds(DEFAULT_RATE_LIMITS.connectWindowSeconds), 'The connect window, in seconds.'),
  MAX_CONNECTIONS_PER_USER: setting(count(DEFAULT_RATE_LIMITS.connectionsPerUser), 'Open sockets per user over every gateway.'),
  MAX_SENDS_IN_FLIGHT_PER_SOCKET: setting(count(DEFAULT_SEND_BOUNDS.perSocket), '`send_message` events one socket may have waiting for an answer; past it a send is refused at once with RESOURCE_EXHAUSTED.'),
  MAX_SENDS_IN_FLIGHT: setting(count(DEFAULT_SEND_BOUNDS.perGateway), 'The same over every socket of this gateway: what it lets wait on the message service at once.'),
  MAX_JOINS_IN_FLIGHT: setting(count(DEFAULT_JOINS_IN_FLIGHT), '`join_session` events this gateway runs at once; past it a join is refused at once with RESOURCE_EXHAUSTED and `retry_after_ms` (a reconnect storm is spread out).'),
  SEND_RETRY_AFTER_MS: setting(
    env.ms(DEFAULT_SEND_BOUNDS.retryAfterMs, 1, 600_000),
    'The `retry_after_ms` a refused send is told, and a join or leave a busy presence service refused; on REST, the Retry-After of a 429 a busy service caused.',
  ),
  TYPING_THROTTLE_MS: setting(env.ms(3000, 100, 60_000), 'A typist is announced to the others again at most this often while they keep typing (docs/api.md, typing).'),
  TYPING_TTL_MS: setting(env.ms(10_000, 1000, 300_000), "A typing indicator this gateway shows stops this long after its typist's last announcement."),
  ROOM_UNBIND_GRACE_MS: setting(
    env.ms(DEFAULT_ROOM_UNBIND_GRACE_MS, 0, 3_600_000),
    "How long (ms) this gateway stays bound to a chat's events after its last socket in the chat left: a client back within it (a network blip, a reload) joins without a new binding and without reading the session again (0: unbind at once).",
  ),
  TRUST_PROXY: setting(env.int(0, 0, 10), "Reverse proxies in front of the gateway whose X-Forwarded-For is believed for the client's IP (compose: 1, its nginx)."),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const loadGatewayConfig = (source: Env = process.env): GatewayConfig => parseConfig(gatewayConfigSchema, source);

export const rateLimitSettingsOf = (config: GatewayConfig) => ({
  socketEvents: config.RATE_LIMIT_SOCKET_EVENTS,
  userEvents: config.RATE_LIMIT_USER_EVENTS,
  eventWindowSeconds: config.RATE_LIMIT_EVENT_WINDOW_SECONDS,
  restRequests: config.RATE_LIMIT_REST_PER_IP,
  restWindowSeconds: config.RATE_LIMIT_REST_WINDOW_SECONDS,
  connectAttempts: config.RATE_LIMIT_CONNECTS_PER_IP,
  connectWindowSeconds: config.RATE_LIMIT_CONNECT_WINDOW_SECONDS,
  connectionsPerUser: config.MAX_CONNECTIONS_PER_USER,
});

export const sendBoundsOf = (config: GatewayConfig): SendBoundSettings => ({
  perSocket: config.MAX_SENDS_IN_FLIGHT_PER_SOCKET,
  perGateway: config.MAX_SENDS_IN_FLIGHT,
  retryAfterMs: config.SEND_RETRY_AFTER_MS,
});
