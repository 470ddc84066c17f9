export * from './knex';
export * from './migrate';
export * from './embedded-postgres';
export * from './free-port';
export { isRoot, postgresOsUser, type OsUser } from './embedded/os-user';
export * from './embedded/postgres-cluster';
export * from './test-database';
export * from './prepared';
