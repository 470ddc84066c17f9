export * from './event-bus.factory';
export * from './health-watch';
export * from './shutdown';
export * from './service-deps';
export * from './source-maps';
