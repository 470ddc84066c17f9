import { randomUUID } from 'node:crypto';
import { AppError, toPublicError } from '@parley/errors';
import type { ErrorEvent } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import type { Caller } from '../domain/gateway.ports';
import { socketListener } from './socket-listener';
import type { GatewaySocket } from './socket.types';

type AckFn = (response: unknown) => void;

/**
 * Decides, as an event arrives and before it waits for its turn, whether it is taken: a slot to
 * give back once it is answered, or the refusal to answer at once.
 */
export type Admit = (socket: GatewaySocket, event: string, payload: unknown) => { release(): void } | { refusal: ErrorEvent };

export interface EventOptions {
  admit?: Admit;
  /** The `retry_after_ms` of a RESOURCE_EXHAUSTED answer that carries none of its own. */
  retryAfterMs?: number;
  /**
   * `side`: the event waits for the socket's events before it (a join it depends on) but the
   * socket's later events do not wait for it. For signals nothing later depends on (typing,
   * mark_as_read): a send never waits behind a read marking.
   */
  lane?: 'main' | 'side';
}

type EventCounters = Record<'ok' | 'error' | 'refused', { inc(): void }>;
const countersByEvent = new Map<string, EventCounters>();

/** An event's counters by outcome, labelled once per process, not once per socket that registers it. */
function countersOf(event: string): EventCounters {
  let counters = countersByEvent.get(event);
  if (!counters) {
    const labelled = (outcome: keyof EventCounters) => metrics.socketEventsIn.labels({ event, outcome });
    counters = { ok: labelled('ok'), error: labelled('error'), refused: labelled('refused') };
    countersByEvent.set(event, counters);
  }
  return counters;
}

/** What a client event does with its payload: the socket it came on, the caller, whether an ack waits. */
export type EventHandle = (socket: GatewaySocket, payload: unknown, caller: Caller, answer: { byAck: boolean }) => Promise<unknown>;

/** One client event's listener, made once per gateway and given to every socket (`listenTo`; socket-listener.ts). */
export interface ClientEventListener {
  event: string;
  listener: (this: GatewaySocket, first: unknown, second: unknown) => void;
}

/**
 * A client event's listener: the payload goes to `handle`, its answer to the ack if the client
 * passed one. A failure becomes the `error` event (docs/api.md) (and the ack's error): a stable code and
 * a message; anything unexpected is logged and shown as INTERNAL, never with its details.
 */
export function clientEvent(event: string, logger: Logger, handle: EventHandle, options: EventOptions = {}): ClientEventListener {
  const counted = countersOf(event);
  const debug = logger.isLevelEnabled('debug');
  const side = options.lane === 'side';
  const receive = (socket: GatewaySocket, first: unknown, second: unknown) => {
    const ack = (typeof second === 'function' ? second : typeof first === 'function' ? first : undefined) as AckFn | undefined;
    const payload = typeof first === 'function' ? undefined : first;
    const admission = options.admit?.(socket, event, payload);
    if (admission && 'refusal' in admission) {
      counted.refused.inc();
      answerError(socket, admission.refusal, ack);
      return;
    }
    const caller: Caller = { identity: socket.data.identity, requestId: randomUUID() };
    // One socket's events are handled in the order it sent them: a burst of sends keeps its order.
    const run = socket.data.queue.then(() => handle(socket, payload, caller, { byAck: ack !== undefined }));
    if (!side) {
      socket.data.queue = run.then(
        () => undefined,
        () => undefined,
      );
    }
    run.then(
      (data) => {
        admission?.release();
        counted.ok.inc();
        if (debug) logger.debug({ event, requestId: caller.requestId, userId: caller.identity.userId }, 'socket event handled');
        ack?.({ ok: true, data });
      },
      (error: unknown) => {
        admission?.release();
        counted.error.inc();
        if (!(error instanceof AppError)) logger.error({ err: error, event, requestId: caller.requestId }, 'socket event failed');
        else if (error.code === 'INTERNAL') logger.error({ details: error.details, event, requestId: caller.requestId }, 'socket event failed in a service');
        const tempId = (payload as { temp_id?: unknown } | undefined)?.temp_id;
        const retry = retryAfterOf(error, options.retryAfterMs);
        answerError(socket, { ...toPublicError(error), event, ...(typeof tempId === 'string' ? { temp_id: tempId } : {}), ...retry }, ack);
      },
    );
  };
  return { event, listener: socketListener(receive) };
}

/** Gives a socket the gateway's listeners of its client events. */
export function listenTo(socket: GatewaySocket, listeners: readonly ClientEventListener[]): void {
  for (const { event, listener } of listeners) socket.on(event as never, listener as never);
}

/** A busy service's refusal tells the client when to try again: its own hint, or the gateway's. */
function retryAfterOf(error: unknown, fallbackMs: number | undefined): { retry_after_ms?: number } {
  if (!(error instanceof AppError) || error.code !== 'RESOURCE_EXHAUSTED') return {};
  const own = error.details?.retry_after_ms;
  const ms = typeof own === 'number' ? own : fallbackMs;
  return ms === undefined ? {} : { retry_after_ms: ms };
}

/** The `error` event (docs/api.md), and the ack's `{ ok: false, error }` when the client passed one. */
export function answerError(socket: GatewaySocket, error: ErrorEvent, ack?: unknown): void {
  socket.emit('error', error);
  metrics.socketEventsOut.inc({ event: 'error' });
  if (typeof ack === 'function') ack({ ok: false, error });
}
