/** The SDK's rule (libs/client): `typing` for a session at most once per this many ms per sender. */
export const TYPING_THROTTLE_MS = 2000;

/**
 * A real chat's typing, as the SDK sends it: before a message its sender sends `typing` for the
 * session only if it sent none there in the last TYPING_THROTTLE_MS. Never `stop_typing`: the SDK
 * sends it after 3 s without keystrokes (at the benchmark's rates no sender pauses that long), not
 * because a message was sent (the server ends the sender's indicator when the message arrives).
 */
export class TypingThrottle {
  private readonly lastSent = new Map<string, number>();

  constructor(private readonly throttleMs = TYPING_THROTTLE_MS) {}

  /** Whether `sender` sends `typing` in `sessionId` before a message sent at `now` (ms); if so it is counted as sent. */
  beforeMessage(sender: string, sessionId: string, now: number): boolean {
    const key = `${sender}\n${sessionId}`;
    const last = this.lastSent.get(key);
    if (last !== undefined && now - last < this.throttleMs) return false;
    this.lastSent.set(key, now);
    return true;
  }
}
