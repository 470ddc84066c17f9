export * from './natural-batcher';
