import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { CHANNEL_OPTIONS } from './grpc-client';
import { serviceTarget } from './service-target';
import { localHealthName } from './grpc-server';
import type { LocalServices } from './local-services';

/**
 * A readiness check reports what it finds at once, without the calls' retries; over several
 * instances it asks whichever is up (round robin skips the ones that are down), so a service is
 * ready while any instance serves.
 */
const HEALTH_CHANNEL_OPTIONS: grpc.ChannelOptions = {
  ...CHANNEL_OPTIONS,
  'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
  'grpc.enable_retries': 0,
};

const HealthClient = grpc.makeGenericClientConstructor(healthService as unknown as grpc.ServiceDefinition, 'Health');

/** Asks a service's grpc.health.v1 whether it is SERVING (its database and broker answer). */
export class HealthChecker {
  private readonly client: grpc.Client & { Check: (request: { service: string }, options: grpc.CallOptions, callback: grpc.requestCallback<{ status: string }>) => void };

  /** Over gRPC to `address`, or in process: the health of `local.serviceName` among the process's services. */
  constructor(address: string, local?: { services: LocalServices; serviceName: string }) {
    this.client = local
      ? local.services.clientFor<HealthChecker['client']>(localHealthName(local.serviceName), healthService as unknown as grpc.ServiceDefinition)
      : (new HealthClient(serviceTarget(address), grpc.credentials.createInsecure(), HEALTH_CHANNEL_OPTIONS) as unknown as HealthChecker['client']);
  }

  /**
   * SERVING within `timeoutMs`. A check that lands on an instance just gone (its connection not
   * yet seen to drop) is asked once more, on the next instance, within the same time.
   */
  async isServing(timeoutMs = 1000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const check = () =>
      new Promise<grpc.status | 'SERVING' | 'NOT_SERVING'>((resolve) => {
        this.client.Check({ service: '' }, { deadline }, (error, response) => resolve(error ? error.code : response?.status === 'SERVING' ? 'SERVING' : 'NOT_SERVING'));
      });
    const first = await check();
    return (first === grpc.status.UNAVAILABLE && Date.now() < deadline ? await check() : first) === 'SERVING';
  }

  close(): void {
    this.client.close();
  }
}
