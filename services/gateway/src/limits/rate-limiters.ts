import type { SharedCounts } from './shared-counts';
import { WindowLimit, type Limit } from './window-limit';

export type { Limit, Verdict } from './window-limit';

export interface RateLimitSettings {
  /** Events one socket may send per window (counted on its own gateway: a socket lives on one). */
  socketEvents: number;
  /** Events one user may send per window over all their sockets, on every gateway. */
  userEvents: number;
  eventWindowSeconds: number;
  /** REST requests per client IP per window, on every gateway. */
  restRequests: number;
  restWindowSeconds: number;
  /** Socket.io connection attempts (handshakes, failed ones too) per client IP per window. */
  connectAttempts: number;
  connectWindowSeconds: number;
  /** Open sockets per user over every gateway. */
  connectionsPerUser: number;
}

export interface RateLimits {
  socketEvents: Limit;
  userEvents: Limit;
  restRequests: Limit;
  connectAttempts: Limit;
}

/**
 * The rate limits, each decided at once from this gateway's memory (window-limit.ts). Given the
 * shared counts (Redis), the per-user and per-IP limits add what the other gateways spent, learnt
 * in the background (shared-counts.ts); without them every limit is this gateway's alone. The
 * per-socket limit is always local: a socket lives on one gateway.
 */
export function createRateLimits(settings: RateLimitSettings, shared?: SharedCounts): RateLimits {
  const limit = (name: string, points: number, seconds: number, store?: SharedCounts): Limit =>
    store ? store.limit({ name, points, windowMs: seconds * 1000 }) : new WindowLimit({ name, points, windowMs: seconds * 1000 });
  return {
    socketEvents: limit('socket-events', settings.socketEvents, settings.eventWindowSeconds),
    userEvents: limit('user-events', settings.userEvents, settings.eventWindowSeconds, shared),
    restRequests: limit('rest-ip', settings.restRequests, settings.restWindowSeconds, shared),
    connectAttempts: limit('connect-ip', settings.connectAttempts, settings.connectWindowSeconds, shared),
  };
}
