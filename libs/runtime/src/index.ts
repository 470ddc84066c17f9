export * from './event-bus.factory';
export * from './health-watch';
export * from './shutdown';
