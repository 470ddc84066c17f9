import type { EventEnvelope } from '@parley/contracts';

/**
 * Typing announcements leave behind the messages that arrived with them: a typing event never
 * delays a message. A client sends `typing` just before `send_message`, so both often arrive in one
 * read; announced at once, the typing event would be published (and in the all-in-one process
 * delivered to the session's sockets) before the message's batch left the gateway. What a turn of
 * the event loop announces is published together two turns later: the send batch leaves the
 * gateway at the end of the turn it arrived in (NaturalBatcher), so the broker publish follows the
 * gRPC frame; in the all-in-one process the message service's batch starts at the end of the next
 * turn, and the in-process bus hands the announcements out a turn after they are published, so the
 * sockets hear them while the message's statement runs. Turns, not a timer: with nothing else to
 * do they pass at once, and an announcement still reaches the others well before the message it
 * precedes (which waits for its commit).
 */
export class TypingAnnouncements {
  private gathered: EventEnvelope[] = [];
  private scheduled = false;

  constructor(private readonly publish: (events: EventEnvelope[]) => void) {}

  announce(events: EventEnvelope[]): void {
    for (const event of events) this.gathered.push(event);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => setImmediate(() => this.flush()));
  }

  private flush(): void {
    const events = this.gathered;
    this.gathered = [];
    this.scheduled = false;
    if (events.length > 0) this.publish(events);
  }
}
