import type { Socket } from 'socket.io-client';
import { ChatLoad } from './chat-load';
import { agentPool, ErrorLog, openFleetSession, pool, socketsOf, type FleetSession } from './chat-clients';
import { openIdleSockets } from './idle-sockets';
import type { FleetCommand, FleetReply, SetupResult } from './protocol';
import { goAway, reconnectStorm, type StormTargets } from './reconnect-storm';
import { sequentialJoins } from './single-join';
import type { WireClient } from './wire-client';

/**
 * One process of the load generator (forked by fleet.ts): it holds its own sockets and sessions
 * and answers the benchmark's commands over IPC. Several run side by side, so the clients are
 * not bounded by one event loop or by one process's file descriptors.
 */
const prefix = `w${process.env.FLEET_INDEX ?? '0'}-`;
const errors = new ErrorLog();
let sessions: FleetSession[] = [];
let load: ChatLoad | undefined;
const idle: Socket[] = [];
/** The storm's clients, once they reconnected. */
const stormClients: WireClient[] = [];
/** The last seq each session's customer must hold after the storm (set while they are away). */
let stormTargets: StormTargets | undefined;

async function handle(command: FleetCommand): Promise<unknown> {
  switch (command.cmd) {
    case 'setup': {
      const started = Date.now();
      const agentFor = agentPool(command, prefix);
      sessions = await pool(command.sessions, 16, (i) => openFleetSession(command, i, prefix, agentFor));
      load = new ChatLoad(sessions, prefix, errors);
      const result: SetupResult = { sessions: sessions.length, sockets: socketsOf(sessions).size, elapsedMs: Date.now() - started };
      return result;
    }
    case 'load':
      if (!load) throw new Error('load before setup');
      return load.run(command);
    case 'storm-away':
      stormTargets = await goAway(sessions, command);
      return null;
    case 'storm':
      if (!stormTargets) throw new Error('storm before storm-away');
      return reconnectStorm(sessions, stormTargets, command, errors, stormClients);
    case 'idle':
      return openIdleSockets(command, idle, errors);
    case 'joins':
      return sequentialJoins(command, prefix);
    case 'close':
      for (const c of socketsOf(sessions)) c.socket.close();
      for (const socket of idle) socket.close();
      for (const client of stormClients) client.close();
      sessions = [];
      idle.length = 0;
      stormClients.length = 0;
      return null;
  }
}

process.on('message', (message: { id: number; command: FleetCommand }) => {
  handle(message.command).then(
    (result) => process.send?.({ id: message.id, ok: true, result } satisfies FleetReply),
    (error: Error) => process.send?.({ id: message.id, ok: false, error: error.stack ?? error.message } satisfies FleetReply),
  );
});
process.on('disconnect', () => process.exit(0));
// A profiled process writes its profile only when it exits on its own: stopped, it exits.
if (process.env.BENCH_CPU_PROF_DIR) process.on('SIGTERM', () => process.exit(0));
