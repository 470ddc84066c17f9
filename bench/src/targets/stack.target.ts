import { SERVICE_NAMES, startStack } from '@parley/e2e/src/support/stack';
import { BENCH_GATEWAY_LIMITS } from './bench-limits';
import { findProcesses, leafProcesses } from '../measure/process-stats';
import type { Target } from './target';

const PORT_VARIABLE: Record<string, string> = {
  session: 'SESSION_GRPC_PORT',
  message: 'MESSAGE_GRPC_PORT',
  presence: 'PRESENCE_GRPC_PORT',
  attachment: 'ATTACHMENT_GRPC_PORT',
  'gateway-a': 'PORT',
  'gateway-b': 'PORT',
};

/** The pids running a service: the processes with its script and port, without the tsx launcher. */
const servicePids = (script: string, portEntry: string): number[] => leafProcesses(findProcesses(script, portEntry));

/** The e2e stack: every service its own process, two gateways, PostgreSQL and RabbitMQ. */
export async function startStackTarget(): Promise<Target> {
  const stack = await startStack({ label: 'bench', readyTimeoutMs: 180_000, gatewayEnv: BENCH_GATEWAY_LIMITS });
  const pidCache = new Map<string, number[]>();
  return {
    name: 'stack',
    urls: [stack.gatewayA, stack.gatewayB],
    databaseUrl: stack.db.url,
    exchange: stack.exchange,
    queuePrefix: 'parley.gateway.e2e-bench',
    processes: () =>
      SERVICE_NAMES.map((name) => {
        let pids = pidCache.get(name);
        if (!pids || pids.length === 0) {
          const script = `services/${name.startsWith('gateway') ? 'gateway' : name}/src/main.ts`;
          pids = servicePids(script, `${PORT_VARIABLE[name]}=${stack.ports[name]}`);
          pidCache.set(name, pids);
        }
        return { name, pids };
      }),
    stop: () => stack.stop(),
  };
}
