/** What a client sends about its user's typing. */
export type TypingEvent = 'typing' | 'stop_typing';

export interface TypingSignalsOptions {
  /** At most one `typing` per session this often, however fast the keystrokes come. */
  throttleMs: number;
  /** `stop_typing` goes this long after the last keystroke. */
  stopMs: number;
  send(event: TypingEvent, sessionId: string): void;
}

/**
 * A client's typing signals, per session: `typing` throttled, so a long burst keeps the indicator
 * alive with one event every few seconds, and `stop_typing` after a pause (docs/api.md).
 */
export class TypingSignals {
  private readonly stopTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When `typing` last went out, per session. */
  private readonly sentAt = new Map<string, number>();

  constructor(private readonly options: TypingSignalsOptions) {}

  keystroke(sessionId: string): void {
    const now = Date.now();
    const last = this.sentAt.get(sessionId);
    if (last === undefined || now - last >= this.options.throttleMs) {
      this.sentAt.set(sessionId, now);
      this.options.send('typing', sessionId);
    }
    this.end(sessionId);
    this.stopTimers.set(sessionId, setTimeout(() => this.stop(sessionId), this.options.stopMs));
  }

  /** `stop_typing` now, if the user was typing. */
  stop(sessionId: string): void {
    if (!this.end(sessionId)) return;
    this.sentAt.delete(sessionId);
    this.options.send('stop_typing', sessionId);
  }

  /** Ends the wait for `stop_typing` without sending it (a message ends the indicator); answers whether one was running. */
  end(sessionId: string): boolean {
    const timer = this.stopTimers.get(sessionId);
    if (!timer) return false;
    clearTimeout(timer);
    this.stopTimers.delete(sessionId);
    return true;
  }
}
