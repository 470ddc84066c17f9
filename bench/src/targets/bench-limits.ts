/**
 * The gateway's rate limits are for hostile clients; the benchmark's clients all come from one
 * address and send on purpose faster than a person. Limits high enough never to refuse them, so the
 * benchmark measures delivery, not the limiter's refusals (the limiter's own cost still counts).
 */
export const BENCH_GATEWAY_LIMITS: Record<string, string> = {
  RATE_LIMIT_SOCKET_EVENTS: '1000000',
  RATE_LIMIT_USER_EVENTS: '1000000',
  RATE_LIMIT_REST_PER_IP: '1000000',
  RATE_LIMIT_CONNECTS_PER_IP: '1000000',
  MAX_CONNECTIONS_PER_USER: '1000000',
};
