export * from './build-info';
export * from './metrics';
export * from './metrics-server';
export * from './live-gauges';
