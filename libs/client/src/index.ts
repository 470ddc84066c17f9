export * from './parley-client';
export * from './parley-error';
export * from './rest-client';
export type { PendingSend } from './send-queue';
