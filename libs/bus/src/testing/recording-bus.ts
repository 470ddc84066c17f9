import type { EventEnvelope } from '@parley/contracts';
import type { EventBus, Subscription } from '../event-bus';

/**
 * A bus for the outbox's tests: records what it was asked to publish and what it confirmed, one
 * entry per confirm wait; refuses the events `failing` names, as a broker that is away would.
 */
export class RecordingBus implements EventBus {
  /** Ids of the events confirmed, in order. */
  readonly published: string[] = [];
  /** The ids of each publishMany call: one confirm wait each. */
  readonly waits: string[][] = [];
  readonly transient: string[] = [];
  /** Events offered, confirmed or not. */
  attempts = 0;
  failing: (event: EventEnvelope) => boolean = () => false;
  delayMs = 0;
  beforePublish: (events: EventEnvelope[]) => Promise<void> | void = () => undefined;

  publish(event: EventEnvelope): Promise<void> {
    return this.publishMany([event]);
  }

  async publishMany(events: EventEnvelope[]): Promise<void> {
    this.attempts += events.length;
    this.waits.push(events.map((event) => event.id));
    await this.beforePublish(events);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const refused = events.filter((event) => this.failing(event));
    events.filter((event) => !refused.includes(event)).forEach((event) => this.published.push(event.id));
    if (refused.length > 0) throw new Error('broker unavailable');
  }

  publishTransient(events: EventEnvelope[]): void {
    events.forEach((event) => this.transient.push(event.id));
  }

  async subscribe(): Promise<Subscription> {
    throw new Error('The recording bus has no consumers');
  }

  isConnected(): boolean {
    return true;
  }

  async close(): Promise<void> {
    return undefined;
  }
}
