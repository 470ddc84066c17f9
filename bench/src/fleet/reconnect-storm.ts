import { performance } from 'node:perf_hooks';
import type { ChatMessage } from '@parley/contracts';
import { encodeHistogram, newHistogram } from '../measure/latency';
import { connectRetrying, handshakeAuth, pool, request, requestWaitingOutBusy, type ErrorLog, type FleetSession } from './chat-clients';
import type { StormAwayCommand, StormCommand, StormResult } from './protocol';
import { WireClient } from './wire-client';

/** The seq each session's customers must reach to have caught up. */
export type StormTargets = Map<string, number>;

/** Every customer socket drops; each session's agent sends `missed` messages meanwhile. */
export async function goAway(sessions: FleetSession[], command: StormAwayCommand): Promise<StormTargets> {
  for (const session of sessions) for (const c of session.customer) c.socket.close();
  const target: StormTargets = new Map();
  await pool(sessions.length, 50, async (i) => {
    const session = sessions[i];
    let seq = 0;
    for (let m = 0; m < command.missed; m++) {
      const sent = await request<{ seq: number }>(session.agent.socket, 'send_message', { session_id: session.id, content: `while you were away ${m}`, temp_id: `storm-${session.id}-${m}` });
      seq = Math.max(seq, sent.seq);
    }
    target.set(session.id, seq);
  });
  return target;
}

/**
 * After `goAway`, every customer device reconnects at once and joins with its last seq, on a
 * `WireClient` of its own (added to `opened`, for the caller to close). A client has caught up when the
 * join_session answer (or a new_message after it) holds every seq up to the agent's last one. A join
 * refused as busy is waited out and tried again, as the SDK's catch-up does, and a connect that
 * failed is tried again, as the SDK's socket does.
 */
export async function reconnectStorm(sessions: FleetSession[], target: StormTargets, command: StormCommand, errors: ErrorLog, opened: WireClient[]): Promise<StormResult> {
  const errorsBefore = errors.count;

  const catchUp = newHistogram();
  const connectedAt = newHistogram();
  const started = performance.now();
  /** µs since the storm started, at least 1 (a histogram's smallest value). */
  const sinceStart = () => Math.max(1, Math.round((performance.now() - started) * 1000));
  let caughtUp = 0;
  const clients = sessions.flatMap((session) => session.customer.map((c) => ({ session, c })));
  await Promise.all(
    clients.map(async ({ session, c }) => {
      const goal = target.get(session.id) ?? 0;
      const have = new Set<number>();
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not caught up within ${command.timeoutMs} ms: ${have.size} of ${goal - c.lastSeq}`)), command.timeoutMs);
        let settled = false;
        const check = () => {
          if (settled) return;
          for (let s = c.lastSeq + 1; s <= goal; s++) if (!have.has(s)) return;
          settled = true;
          clearTimeout(timer);
          resolve();
        };
        const onMessage = (data: unknown) => {
          const { message } = data as { message: ChatMessage };
          if (message.session_id !== session.id) return;
          have.add(message.seq);
          check();
        };
        connectRetrying((timeLeftMs) => WireClient.connect(c.url, handshakeAuth(c.user), timeLeftMs), command.timeoutMs)
          .then((client) => {
            opened.push(client);
            connectedAt.recordValue(sinceStart());
            client.on('new_message', onMessage);
            return requestWaitingOutBusy<{ messages: ChatMessage[] }>(client, 'join_session', { session_id: session.id, last_seq: c.lastSeq }, command.timeoutMs);
          })
          .then((joined) => {
            for (const m of joined.messages) have.add(m.seq);
            check();
          })
          .catch((error: Error) => {
            clearTimeout(timer);
            reject(error);
          });
      });
      try {
        await done;
        caughtUp += 1;
        catchUp.recordValue(sinceStart());
        c.lastSeq = goal;
      } catch (error) {
        errors.add(`reconnect: ${(error as Error).message}`);
      }
    }),
  );
  return {
    clients: clients.length,
    caughtUp,
    errors: errors.count - errorsBefore,
    errorSamples: errors.samples,
    allCaughtUpMs: catchUp.maxValue / 1000,
    catchUp: encodeHistogram(catchUp),
    connected: encodeHistogram(connectedAt),
  };
}
