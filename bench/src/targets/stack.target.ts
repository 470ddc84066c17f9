import { buildServices, serviceEntry } from '@parley/e2e/src/support/script-command';
import { startStack, type ServiceName } from '@parley/e2e/src/support/stack';
import { BENCH_GATEWAY_LIMITS } from './bench-limits';
import { findProcesses, leafProcesses } from '../measure/process-stats';
import type { Target } from './target';

/** The variable holding a process's port: `PORT` for gateways, `<SERVICE>_GRPC_PORT` for every instance of a service. */
const portVariable = (name: string) => (name.startsWith('gateway') ? 'PORT' : `${serviceOf(name).toUpperCase()}_GRPC_PORT`);
/** The service a process runs: `message-2` is an instance of `message`. */
const serviceOf = (name: string) => (name.startsWith('gateway') ? 'gateway' : name.replace(/-\d+$/, ''));

/** The pids running a service: the processes with its entry point and port, without a tsx launcher. */
const servicePids = (entry: string, portEntry: string): number[] => leafProcesses(findProcesses(entry, portEntry));

/**
 * The e2e stack: every service its own process (its bundle, built first), two gateways, PostgreSQL
 * and RabbitMQ; E2E_INSTANCES=2 runs two of each service, each instance measured on its own.
 */
export async function startStackTarget(): Promise<Target> {
  buildServices();
  const stack = await startStack({ label: 'bench', readyTimeoutMs: 180_000, gatewayEnv: BENCH_GATEWAY_LIMITS });
  const pidCache = new Map<string, number[]>();
  return {
    name: 'stack',
    urls: [stack.gatewayA, stack.gatewayB],
    databaseUrl: stack.db.url,
    exchange: stack.exchange,
    usesRedis: true,
    queuePrefix: 'parley.gateway.e2e-bench',
    processes: () =>
      (Object.keys(stack.ports) as ServiceName[]).map((name) => {
        let pids = pidCache.get(name);
        if (!pids || pids.length === 0) {
          pids = servicePids(serviceEntry(serviceOf(name)), `${portVariable(name)}=${stack.ports[name]}`);
          pidCache.set(name, pids);
        }
        return { name, pids };
      }),
    stop: () => stack.stop(),
  };
}
