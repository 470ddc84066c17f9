import type { EventEnvelope } from '@parley/contracts';

/** Shows or hides a user's indicator to the others in a session on this gateway. */
export type ShowTyping = (event: EventEnvelope<'typing.started'> | EventEnvelope<'typing.stopped'>) => void;

export interface TypingIndicatorsOptions {
  show: ShowTyping;
  /** An indicator not announced again for this long stops (the typist went quiet, or vanished). */
  ttlMs: number;
}

interface Shown {
  timer: NodeJS.Timeout;
  started: EventEnvelope<'typing.started'>;
}

/**
 * The typing indicators this gateway shows, each expiring where it is shown: `typing.started`
 * shows one (`user_typing` once) and renews it; it stops (`typing_stopped`) on `typing.stopped`,
 * when its typist's message arrives, when the typist leaves the session, or `ttlMs` after its last
 * announcement. Nothing is stored anywhere else, so nothing has to be swept.
 */
export class TypingIndicators {
  private readonly shown = new Map<string, Shown>();

  constructor(private readonly options: TypingIndicatorsOptions) {}

  started(event: EventEnvelope<'typing.started'>): void {
    const key = keyOf(event.data.session_id, event.data.user_id);
    const current = this.shown.get(key);
    if (current) clearTimeout(current.timer);
    else this.options.show(event);
    const timer = setTimeout(() => this.stop(event.data.session_id, event.data.user_id), this.options.ttlMs);
    timer.unref();
    this.shown.set(key, { timer, started: current?.started ?? event });
  }

  /** `typing.stopped`, the typist's message, or the typist left: hides the indicator if it shows. */
  stop(sessionId: string, userId: string, because?: EventEnvelope<'typing.stopped'>): void {
    const key = keyOf(sessionId, userId);
    const current = this.shown.get(key);
    if (!current) return;
    clearTimeout(current.timer);
    this.shown.delete(key);
    this.options.show(because ?? stoppedEvent(current.started));
  }

  /** The session has no socket here any more: forget its indicators without telling anyone. */
  closeSession(sessionId: string): void {
    const prefix = `${sessionId}/`;
    for (const [key, current] of this.shown) {
      if (!key.startsWith(prefix)) continue;
      clearTimeout(current.timer);
      this.shown.delete(key);
    }
  }

  get size(): number {
    return this.shown.size;
  }
}

const keyOf = (sessionId: string, userId: string) => `${sessionId}/${userId}`;

const stoppedEvent = (started: EventEnvelope<'typing.started'>): EventEnvelope<'typing.stopped'> => ({
  ...started,
  type: 'typing.stopped',
  routing_key: started.routing_key.replace(/typing\.started$/, 'typing.stopped'),
  data: { session_id: started.data.session_id, user_id: started.data.user_id },
});
