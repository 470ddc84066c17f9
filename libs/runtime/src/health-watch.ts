import type { Knex } from 'knex';
import type { EventBus } from '@parley/bus';
import { isDatabaseReachable } from '@parley/db';
import type { GrpcServer } from '@parley/grpc';

export interface DependencyStatus {
  database: boolean;
  broker: boolean;
}

/** Checks the database and the broker on an interval and reports SERVING only while both answer. */
export function watchHealth(server: GrpcServer, knex: Knex, bus: EventBus, intervalMs = 2000): { stop(): void; check(): Promise<DependencyStatus> } {
  const check = async (): Promise<DependencyStatus> => {
    const status = { database: await isDatabaseReachable(knex), broker: bus.isConnected() };
    server.setServing(status.database && status.broker ? 'SERVING' : 'NOT_SERVING');
    return status;
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  void check();
  return { stop: () => clearInterval(timer), check };
}
