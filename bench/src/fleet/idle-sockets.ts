import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { benchUser, connected, openSocket, pool, type ErrorLog } from './chat-clients';
import type { IdleCommand, IdleResult } from './protocol';

/** Opens `count` authenticated sockets that then do nothing; they stay open until the fleet closes. */
export async function openIdleSockets(command: IdleCommand, into: Socket[], errors: ErrorLog): Promise<IdleResult> {
  const started = performance.now();
  let failed = 0;
  await pool(command.count, 200, async () => {
    // One user per socket, as on a real gateway (one user's many sockets cost the presence service more).
    const socket = openSocket(command.url, benchUser('customer'));
    try {
      await connected(socket);
      into.push(socket);
    } catch (error) {
      failed += 1;
      errors.add(`idle connect: ${(error as Error).message}`);
      socket.close();
    }
  });
  return { connected: command.count - failed, failed, errorSamples: errors.samples, elapsedMs: performance.now() - started };
}
