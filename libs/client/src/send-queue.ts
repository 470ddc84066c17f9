import type { MessageSentEvent } from '@parley/contracts';
import { ParleyError } from './parley-error';

export interface PendingSend {
  session_id: string;
  content: string;
  message_type: 'text' | 'image' | 'file';
  temp_id: string;
  attachment_ids?: string[];
}

type Emit = (payload: PendingSend) => Promise<MessageSentEvent>;

interface Entry {
  payload: PendingSend;
  attempts: number;
  resolve(sent: MessageSentEvent): void;
  reject(error: ParleyError): void;
}

/**
 * Sends, one after another in the order they were made. While offline they wait; a send whose ack
 * timed out is tried again with the same temp_id, which the server answers with the stored message
 * rather than a second one. A refusal (bad input, no access) rejects that send and the queue goes on.
 */
export class SendQueue {
  private readonly entries: Entry[] = [];
  private running = false;
  private online = false;

  constructor(
    private readonly emit: Emit,
    private readonly retryDelayMs = 1000,
    /** Tries of one send before it is given up (each with the same temp_id, so never stored twice). */
    private readonly maxAttempts = 20,
  ) {}

  push(payload: PendingSend): Promise<MessageSentEvent> {
    return new Promise((resolve, reject) => {
      this.entries.push({ payload, attempts: 0, resolve, reject });
      void this.drain();
    });
  }

  setOnline(online: boolean): void {
    this.online = online;
    if (online) void this.drain();
  }

  get size(): number {
    return this.entries.length;
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
          if (isRetryable(failure) && ++head.attempts < this.maxAttempts) {
            await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
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
