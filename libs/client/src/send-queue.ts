import type { MessageSentEvent, UserMessageType } from '@parley/contracts';
import { ParleyError } from './parley-error';

export interface PendingSend {
  session_id: string;
  content: string;
  message_type: UserMessageType;
  temp_id: string;
  attachment_ids?: string[];
}

type Emit = (payload: PendingSend) => Promise<MessageSentEvent>;

interface Entry {
  payload: PendingSend;
  attempts: number;
  /** Times in a row the server refused this send as busy (RESOURCE_EXHAUSTED). */
  refusals: number;
  resolve(sent: MessageSentEvent): void;
  reject(error: ParleyError): void;
}

/** How a send the server refused as busy waits before it goes again. */
export interface BusyBackoff {
  /** The longest wait the backoff grows to (a server asking for longer is obeyed). */
  maxDelayMs?: number;
  /** 0 ≤ random() < 1, for the jitter; Math.random unless a test fixes it. */
  random?: () => number;
}

/**
 * The wait before the `refusals`-th retry of a send refused as busy: the server's `retry_after_ms`
 * (or `fallbackMs` without one), doubled on each refusal in a row up to `maxDelayMs`, then up to
 * half again at random, so clients refused together do not all come back in the same instant.
 * Never shorter than the server asked.
 */
export function busyRetryDelayMs(retryAfterMs: number | undefined, refusals: number, fallbackMs: number, { maxDelayMs = 30_000, random = Math.random }: BusyBackoff = {}): number {
  const asked = Math.max(0, retryAfterMs ?? fallbackMs);
  const backoff = Math.max(asked, Math.min(maxDelayMs, asked * 2 ** Math.max(0, refusals - 1)));
  return Math.round(backoff * (1 + random() / 2));
}

/**
 * Sends, one after another in the order they were made. While offline they wait; a send whose ack
 * timed out is tried again with the same temp_id, which the server answers with the stored message
 * rather than a second one. A send the server refused as busy (RESOURCE_EXHAUSTED: a limit, or an
 * overloaded server) stays pending and goes again after the server's `retry_after_ms`, backing off
 * while the refusals go on, however long: it was not stored, and it is not the user's mistake. A
 * refusal of the send itself (bad input, no access) rejects that send and the queue goes on.
 */
export class SendQueue {
  private readonly entries: Entry[] = [];
  /** Ends the current wait between tries early. */
  private wake: (() => void) | null = null;
  private running = false;
  private online = false;

  constructor(
    private readonly emit: Emit,
    private readonly retryDelayMs = 1000,
    /** Tries of one send whose answer did not come before it is given up (each with the same temp_id, so never stored twice). */
    private readonly maxAttempts = 20,
    private readonly busyBackoff: BusyBackoff = {},
  ) {}

  push(payload: PendingSend): Promise<MessageSentEvent> {
    return new Promise((resolve, reject) => {
      this.entries.push({ payload, attempts: 0, refusals: 0, resolve, reject });
      void this.drain();
    });
  }

  /**
   * Going offline ends a wait at once (the drain stops); coming back online starts the busy
   * backoff afresh (the new connection may well be to a gateway with room) and sends now.
   */
  setOnline(online: boolean): void {
    this.online = online;
    if (online) for (const entry of this.entries) entry.refusals = 0;
    this.wake?.();
    if (online) void this.drain();
  }

  get size(): number {
    return this.entries.length;
  }

  /** Waits `ms`, or less if the connection goes or comes back; the timer never keeps Node alive. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      (timer as { unref?: () => void }).unref?.();
      this.wake = done;
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.online && this.entries.length > 0) {
        const head = this.entries[0];
        try {
          const sent = await this.emit(head.payload);
          this.entries.shift();
          head.resolve(sent);
        } catch (error) {
          const failure = error instanceof ParleyError ? error : new ParleyError('UNAVAILABLE', String(error));
          if (failure.code === 'RESOURCE_EXHAUSTED') {
            head.refusals += 1;
            await this.pause(busyRetryDelayMs(failure.retryAfterMs, head.refusals, this.retryDelayMs, this.busyBackoff));
            continue;
          }
          if (isRetryable(failure) && ++head.attempts < this.maxAttempts) {
            await this.pause(this.retryDelayMs);
            continue;
          }
          this.entries.shift();
          head.reject(failure);
        }
      }
    } finally {
      this.running = false;
    }
  }
}


/** Worth trying again with the same temp_id: nothing was refused, the answer just did not come. */
export function isRetryable(error: ParleyError): boolean {
  return ['TIMEOUT', 'UNAVAILABLE', 'DEADLINE_EXCEEDED', 'INTERNAL'].includes(error.code);
}
