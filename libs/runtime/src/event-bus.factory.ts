import { AmqpBus, type EventBus } from '@parley/bus';
import { ConfigError } from '@parley/config';
import type { Logger } from '@parley/logger';

/**
 * The bus a service uses: the one the all-in-one runner hands it (in-process), else RabbitMQ at
 * AMQP_URL. A service started alone needs AMQP_URL.
 */
export function resolveEventBus(given: EventBus | undefined, amqpUrl: string | undefined, exchange: string, logger: Logger): EventBus {
  if (given) return given;
  if (!amqpUrl) throw new ConfigError('Invalid configuration:\n  AMQP_URL: required when the service runs on its own');
  return new AmqpBus({ url: amqpUrl, exchange, logger: logger.child({ component: 'amqp' }) });
}
