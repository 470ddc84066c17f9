import type { EventBus, Subscription } from '@parley/bus';
import { routingKeys } from '@parley/contracts';

/**
 * Every agents.* event (the queue changed, an agent's availability changed) wakes the assigner at
 * once, besides its interval; each session service instance has its own exclusive queue for it.
 */
export function consumeAgentEvents(bus: EventBus, exchange: string, wake: () => void): Promise<Subscription> {
  return bus.subscribe({ queue: `${exchange}.session.assigner.${process.pid}.${Date.now()}`, exclusive: true, patterns: [routingKeys.agentsPattern()] }, () => wake());
}
