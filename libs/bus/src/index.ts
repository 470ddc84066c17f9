export * from './event-bus';
export * from './memory-bus';
export * from './amqp-bus';
export * from './topic-pattern';
export * from './recent-ids';
export * from './outbox/outbox';
