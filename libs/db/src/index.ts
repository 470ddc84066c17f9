export * from './knex';
export * from './migrate';
export * from './embedded-postgres';
export * from './test-database';
