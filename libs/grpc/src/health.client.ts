import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { CHANNEL_OPTIONS } from './grpc-client';

/** A readiness check reports what it finds at once, without the calls' retries. */
const HEALTH_CHANNEL_OPTIONS: grpc.ChannelOptions = {
  ...Object.fromEntries(Object.entries(CHANNEL_OPTIONS).filter(([key]) => key !== 'grpc.service_config')),
  'grpc.enable_retries': 0,
};

const HealthClient = grpc.makeGenericClientConstructor(healthService as unknown as grpc.ServiceDefinition, 'Health');

/** Asks a service's grpc.health.v1 whether it is SERVING (its database and broker answer). */
export class HealthChecker {
  private readonly client: grpc.Client & { Check: (request: { service: string }, options: grpc.CallOptions, callback: grpc.requestCallback<{ status: string }>) => void };

  constructor(address: string) {
    this.client = new HealthClient(address, grpc.credentials.createInsecure(), HEALTH_CHANNEL_OPTIONS) as unknown as HealthChecker['client'];
  }

  isServing(timeoutMs = 1000): Promise<boolean> {
    return new Promise((resolve) => {
      this.client.Check({ service: '' }, { deadline: Date.now() + timeoutMs }, (error, response) => resolve(!error && response?.status === 'SERVING'));
    });
  }

  close(): void {
    this.client.close();
  }
}
