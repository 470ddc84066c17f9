import { sampleTree, type ProcessSample } from './process-stats';

export interface ProcessFigures {
  rssMb: number;
  peakRssMb: number;
  /** CPU time per message during the measured window, in microseconds. */
  cpuUsPerMessage?: number;
  /** Share of one core during the window. */
  cpuCores?: number;
}

export type ProcessList = () => Array<{ name: string; pids: number[] }>;

/** The benchmark's own clients, measured beside the system under test but never counted in it. */
export const LOAD_GENERATOR = 'load generator';

/** Share of a core the whole system under test used over a window: every measured process but the load generator. */
export function systemCores(processes: Record<string, ProcessFigures>): number {
  return Object.entries(processes)
    .filter(([name]) => name !== LOAD_GENERATOR)
    .reduce((sum, [, p]) => sum + (p.cpuCores ?? 0), 0);
}

/**
 * CPU per message (or per client) of the whole system under test, in µs: every measured process
 * but the load generator, the shared servers (PostgreSQL, RabbitMQ, Redis) included.
 */
export function systemCpuUs(processes: Record<string, ProcessFigures>): number | undefined {
  const figures = Object.entries(processes).filter(([name]) => name !== LOAD_GENERATOR).map(([, p]) => p.cpuUsPerMessage);
  if (figures.length === 0 || figures.some((us) => us === undefined)) return undefined;
  return figures.reduce((sum: number, us) => sum + (us as number), 0);
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Samples the named processes once a second: their RSS now and at peak, and CPU over a window. */
export class ProcessMonitor {
  private readonly peak = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly processes: ProcessList) {}

  private sampledAt = Date.now();

  /** When the last sample was taken (a window's CPU share is over the time between two samples). */
  get lastSampleAt(): number {
    return this.sampledAt;
  }

  sample(): Map<string, ProcessSample> {
    this.sampledAt = Date.now();
    const samples = new Map<string, ProcessSample>();
    for (const { name, pids } of this.processes()) {
      const sample = sampleTree(pids);
      samples.set(name, sample);
      this.peak.set(name, Math.max(this.peak.get(name) ?? 0, sample.rssBytes));
    }
    return samples;
  }

  start(): void {
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Figures per process since `before` (sampled at `since`), a window that carried `messages` messages. */
  figures(before: Map<string, ProcessSample>, since: number, messages: number): Record<string, ProcessFigures> {
    const after = this.sample();
    const windowMs = this.sampledAt - since;
    const result: Record<string, ProcessFigures> = {};
    for (const [name, now] of after) {
      const cpuMs = now.cpuMs - (before.get(name)?.cpuMs ?? now.cpuMs);
      result[name] = {
        rssMb: mb(now.rssBytes),
        peakRssMb: mb(this.peak.get(name) ?? now.rssBytes),
        ...(messages > 0 ? { cpuUsPerMessage: Math.round((cpuMs * 1000) / messages) } : {}),
        ...(windowMs > 0 ? { cpuCores: Math.round((cpuMs / windowMs) * 100) / 100 } : {}),
      };
    }
    return result;
  }
}
