import { Fleet, SOCKETS_PER_FLEET_PROCESS } from '../fleet/fleet';
import type { IdleResult } from '../fleet/protocol';
import type { ScenarioContext } from './context';

const SETTLE_MS = 3000;

export interface IdleFigures {
  perGateway: number;
  connected: number;
  failed: number;
  errorSamples: string[];
  connectSeconds: number;
  /** Per measured process: RSS growth per idle socket it holds (a gateway) or hears of (a service), in KB. */
  kbPerConnection: Record<string, number>;
  rssMb: Record<string, number>;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** `perGateway` authenticated sockets on each gateway that then sit idle; memory before and after. */
export async function idleConnections(context: ScenarioContext): Promise<IdleFigures> {
  const { profile, target } = context;
  const gateways = [...new Set(target.urls)];
  const perGateway = profile.idlePerGateway;
  const processesPerGateway = Math.ceil(perGateway / SOCKETS_PER_FLEET_PROCESS);
  const fleet = Fleet.start(processesPerGateway * gateways.length);
  try {
    await settle();
    const before = context.monitor.sample();
    context.step(`${target.name}: ${perGateway} idle sockets on each of ${gateways.length} gateway(s)`);
    const started = Date.now();
    const results = await fleet.each<IdleResult>((index) => ({
      cmd: 'idle',
      url: gateways[Math.floor(index / processesPerGateway)],
      count: Math.ceil(perGateway / processesPerGateway),
    }));
    const connectSeconds = (Date.now() - started) / 1000;
    await settle();
    const after = context.monitor.sample();
    const connected = results.reduce((n, r) => n + r.connected, 0);
    const kbPerConnection: Record<string, number> = {};
    const rssMb: Record<string, number> = {};
    const perProcess = connected / gateways.length;
    for (const [name, now] of after) {
      rssMb[name] = Math.round(now.rssBytes / 1024 / 102.4) / 10;
      const grown = now.rssBytes - (before.get(name)?.rssBytes ?? now.rssBytes);
      // A gateway holds its own share of the sockets; a service behind them (presence) hears of all.
      const share = /gateway|relay|all-in-one/.test(name) ? perProcess : connected;
      kbPerConnection[name] = Math.round((grown / 1024 / share) * 10) / 10;
    }
    return {
      perGateway,
      connected,
      failed: results.reduce((n, r) => n + r.failed, 0),
      errorSamples: [...new Set(results.flatMap((r) => r.errorSamples))].slice(0, 5),
      connectSeconds: Math.round(connectSeconds * 10) / 10,
      kbPerConnection,
      rssMb,
    };
  } finally {
    await fleet.stop();
  }
}
