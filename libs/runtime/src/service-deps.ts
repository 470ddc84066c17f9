import type { EventBus } from '@parley/bus';
import type { LocalServices } from '@parley/grpc';

/**
 * What the all-in-one runner hands every service it starts in its process: the in-process bus, and
 * the process's services, so calls between them stay in process (no gRPC over loopback). A service
 * started alone gets neither: RabbitMQ at AMQP_URL, gRPC to the configured addresses.
 */
export interface ServiceDeps {
  bus?: EventBus;
  local?: LocalServices;
}
