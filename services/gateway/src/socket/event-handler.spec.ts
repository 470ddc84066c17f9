import { EventEmitter } from 'node:events';
import { AppError } from '@parley/errors';
import { createLogger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import { clientEvent, listenTo } from './event-handler';
import type { GatewaySocket } from './socket.types';

/** A socket as a client event's listener uses it: events in (the listener called on the socket), emits recorded, the per-socket queue. */
function fakeSocket(userId: string) {
  const incoming = new EventEmitter();
  const emitted: Array<[string, unknown]> = [];
  const socket = {
    on: (event: string, listener: (...args: unknown[]) => void) => incoming.on(event, (...args) => listener.apply(socket, args)),
    emit: (event: string, payload: unknown) => emitted.push([event, payload]),
    data: { identity: { userId, role: 'customer', name: userId }, queue: Promise.resolve() },
  } as unknown as GatewaySocket;
  const send = (event: string, payload: unknown) => new Promise((resolve) => incoming.emit(event, payload, resolve));
  return { socket, emitted, send };
}

async function counted(event: string): Promise<Record<string, number>> {
  const { values } = await metrics.socketEventsIn.get();
  return Object.fromEntries(values.filter((v) => v.labels.event === event).map((v) => [String(v.labels.outcome), v.value]));
}

describe('a client event', () => {
  const logger = createLogger('event-handler-spec', 'silent');

  it("answers each socket from one listener, and counts every socket's events by outcome", async () => {
    const event = 'counted_event';
    const before = await counted(event);
    const sockets = [fakeSocket('u-1'), fakeSocket('u-2')];
    const listener = clientEvent(event, logger, async (socket, payload) => {
      if ((payload as { fail?: boolean }).fail) throw new AppError('INVALID_ARGUMENT', 'bad payload');
      return { echoed: payload, by: socket.data.identity.userId };
    }, { admit: (_socket, _event, payload) => ((payload as { refuse?: boolean }).refuse ? { refusal: { code: 'RESOURCE_EXHAUSTED', message: 'busy', event } } : { release: () => undefined }) });
    for (const { socket } of sockets) listenTo(socket, [listener]);

    expect(await sockets[0].send(event, { n: 1 })).toEqual({ ok: true, data: { echoed: { n: 1 }, by: 'u-1' } });
    expect(await sockets[1].send(event, { n: 2 })).toEqual({ ok: true, data: { echoed: { n: 2 }, by: 'u-2' } });
    expect(await sockets[1].send(event, { fail: true })).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_ARGUMENT', event }) });
    expect(await sockets[0].send(event, { refuse: true })).toEqual({ ok: false, error: expect.objectContaining({ code: 'RESOURCE_EXHAUSTED' }) });
    expect(sockets[1].emitted).toEqual([['error', expect.objectContaining({ code: 'INVALID_ARGUMENT' })]]);

    const after = await counted(event);
    const grew = (outcome: string) => (after[outcome] ?? 0) - (before[outcome] ?? 0);
    expect({ ok: grew('ok'), error: grew('error'), refused: grew('refused') }).toEqual({ ok: 2, error: 1, refused: 1 });
  });
});
