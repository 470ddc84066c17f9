export * from './session-directory.port';
export * from './session-directory';
export * from './cached-session-directory';
export * from './session-cache.invalidation';
export * from './session-cache.settings';
