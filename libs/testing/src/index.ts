export * from './socket-client';
export * from './tokens';
export * from './http-client';
