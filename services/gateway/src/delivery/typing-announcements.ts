import { MemoryBus, type EventBus } from '@parley/bus';
import type { EventEnvelope } from '@parley/contracts';

/**
 * Typing announcements held behind the messages that arrived with them, on the all-in-one's
 * in-process bus: a typing event never delays a message. A client sends `typing` just before
 * `send_message`, so both often arrive in one read; announced at once, the typing event was
 * published and handed to the session's sockets before the message's batch left the gateway.
 * What a turn of the event loop announces is published together two turns later: the gateway's
 * send batch leaves at the end of the turn it arrived in (NaturalBatcher), and the message
 * service's batch, which it starts, at the end of the next, just after this publish; the bus
 * hands the announcements out a turn later still, while the message's statement runs. Turns, not
 * a timer: with nothing else to do they pass at once. The order stays right: the announcement is
 * routed before the message's statement is even sent, so the one queue each gateway reads hands
 * it out before the message. Through a broker the two travel apart (the message through the
 * message service, its commit and its own publish), a held announcement could arrive after its
 * message and show an indicator nobody ends, so there the gateway publishes at once
 * (`typingAnnouncer`).
 */
export class TypingAnnouncements {
  private gathered: EventEnvelope[] = [];
  private scheduled = false;

  constructor(private readonly publish: (events: EventEnvelope[]) => void) {}

  readonly announce = (events: EventEnvelope[]): void => {
    for (const event of events) this.gathered.push(event);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => setImmediate(() => this.flush()));
  };

  private flush(): void {
    const events = this.gathered;
    this.gathered = [];
    this.scheduled = false;
    if (events.length > 0) this.publish(events);
  }
}

/** How a gateway announces typing on `bus`: held behind the turn's sends on the in-process bus, at once through a broker. */
export function typingAnnouncer(bus: EventBus): (events: EventEnvelope[]) => void {
  const publish = (events: EventEnvelope[]) => bus.publishTransient(events);
  return bus instanceof MemoryBus ? new TypingAnnouncements(publish).announce : publish;
}
