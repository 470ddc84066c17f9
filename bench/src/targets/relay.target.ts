import path from 'node:path';
import { acceptsConnections, freePort } from '@parley/e2e/src/support/stack';
import { spawnScript } from './spawned';
import type { Target } from './target';

/** The bare Socket.io relay, one process. */
export async function startRelay(logDir: string): Promise<Target> {
  const port = await freePort();
  const relay = await spawnScript(path.join(__dirname, 'relay-server.ts'), { PORT: String(port) }, path.join(logDir, 'relay.log'), () => acceptsConnections(port));
  const url = `http://127.0.0.1:${port}`;
  return { name: 'relay', urls: [url, url], processes: () => [{ name: 'relay', pids: relay.pids() }], stop: relay.stop };
}
