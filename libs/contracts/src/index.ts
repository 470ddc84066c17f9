export * from './identity';
export * from './session';
export * from './message';
export * from './limits';
export * from './events';
export * from './socket-events';
export * from './api-schemas';
export * from './validate';
