import { performance } from 'node:perf_hooks';
import type { ChatMessage } from '@parley/contracts';
import { DeliveryLedger } from '../measure/delivery-ledger';
import { encodeHistogram, newHistogram } from '../measure/latency';
import { everyClient, listen, type Ack, type Client, type ErrorLog, type FleetSession } from './chat-clients';
import type { LoadCommand, LoadResult } from './protocol';
import { TypingThrottle } from './typing-throttle';

/** The schedule's resolution: each tick sends the messages due by then (a small tick keeps bursts small). */
const TICK_MS = 1;
/**
 * One delivery in READ_EVERY is marked read: the message whose seq, shifted by its session's place
 * in the round, falls on a multiple of it. Unshifted, the sessions (which advance in step) all
 * marked at once, a burst of every session's reads each READ_EVERY rounds, which no real chat has.
 */
const READ_EVERY = 5;
const CONTENT = 'Hello, my order #12345 has not arrived yet, could you check where the courier is?';

/**
 * Open-loop chat load: messages leave on a fixed schedule whatever the answers do (so a slow
 * server cannot slow the load down and hide its own latency), round-robin over the sessions,
 * customer and agent taking turns, each sender typing as the SDK does (typing-throttle.ts).
 */
export class ChatLoad {
  private ledger: DeliveryLedger | undefined;
  private e2e = newHistogram();
  private counter = 0;
  private readonly typing = new TypingThrottle();

  constructor(
    private readonly sessions: FleetSession[],
    private readonly prefix: string,
    private readonly errors: ErrorLog,
  ) {
    sessions.forEach((session, index) => listen(session, (client, message) => this.delivered(client, session, index % READ_EVERY, message), errors));
  }

  private delivered(client: Client, session: FleetSession, readShift: number, message: ChatMessage): void {
    if (!message.temp_id?.startsWith(this.prefix) || !this.ledger) return;
    this.ledger.received(message.temp_id, client.key, performance.now());
    if ((message.seq + readShift) % READ_EVERY === 0 && session.customer.indexOf(client) <= 0) {
      client.socket.emitWithAck('mark_as_read', { session_id: session.id, message_ids: [message.id] }, 30_000).then(
        (answer) => {
          if (!(answer as Ack).ok) this.errors.add(`mark_as_read: ${JSON.stringify((answer as Ack).error)}`);
        },
        (error: Error) => this.errors.add(`mark_as_read: ${error.message}`),
      );
    }
  }

  async run(command: LoadCommand): Promise<LoadResult> {
    this.e2e = newHistogram();
    const ack = newHistogram();
    const ledger = new DeliveryLedger((us) => this.e2e.recordValue(us));
    this.ledger = ledger;
    const errorsBefore = this.errors.count;
    let acked = 0;
    let awaitingAcks = 0;
    const started = performance.now();
    const loopBefore = performance.eventLoopUtilization();
    let sent = 0;

    const sendOne = () => {
      const session = this.sessions[this.counter % this.sessions.length];
      const fromAgent = Math.floor(this.counter / this.sessions.length) % 2 === 1;
      this.counter += 1;
      const sender = fromAgent ? session.agent : session.customer[0];
      const recipients = everyClient(session).filter((c) => c.user.id !== sender.user.id).map((c) => c.key);
      const tempId = `${this.prefix}${this.counter}`;
      const at = performance.now();
      if (this.typing.beforeMessage(sender.key, session.id, at)) sender.socket.emit('typing', { session_id: session.id });
      ledger.sent(tempId, recipients, at);
      awaitingAcks += 1;
      const answered = (error: Error | null, answer?: Ack) => {
        awaitingAcks -= 1;
        if (answer && !answer.ok && answer.error?.code === 'RESOURCE_EXHAUSTED') ledger.refused(tempId);
        if (error || !answer?.ok) return this.errors.add(`send_message: ${error?.message ?? JSON.stringify(answer?.error)}`);
        acked += 1;
        ack.recordValue(Math.max(1, Math.round((performance.now() - at) * 1000)));
      };
      sender.socket.emitWithAck('send_message', { session_id: session.id, content: CONTENT, temp_id: tempId }, 30_000).then(
        (answer) => answered(null, answer as Ack),
        (error: Error) => answered(error),
      );
    };

    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = performance.now() - started;
        const due = Math.min(Math.floor((command.rate * Math.min(elapsed, command.durationMs)) / 1000), Math.floor((command.rate * command.durationMs) / 1000));
        while (sent < due) {
          sendOne();
          sent += 1;
        }
        if (elapsed >= command.durationMs) {
          clearInterval(timer);
          resolve();
        }
      }, TICK_MS);
    });
    const windowMs = performance.now() - started;
    const loop = performance.eventLoopUtilization(loopBefore);
    const drainUntil = performance.now() + command.drainMs;
    while ((ledger.outstanding() > 0 || awaitingAcks > 0) && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 5));
    const settledMs = performance.now() - started - windowMs;
    this.ledger = undefined;
    return {
      ...ledger.totals(),
      acked,
      errors: this.errors.count - errorsBefore,
      errorSamples: this.errors.samples,
      windowMs,
      settledMs,
      eventLoopUtilization: Math.round(loop.utilization * 100) / 100,
      e2e: encodeHistogram(this.e2e),
      ack: encodeHistogram(ack),
    };
  }
}
