export * from './parley-client';
export * from './parley-error';
export * from './rest-client';
export { busyRetryDelayMs, type BusyBackoff, type PendingSend } from './send-queue';
export { CATCH_UP_MAX_BUSY_DELAY_MS } from './catch-up';
export * from './canned-responses';
export * from './live-figures';
