import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { profileFlags } from '@parley/e2e/src/support/script-command';
import type { FleetCommand, FleetReply } from './protocol';

/** Sockets one fleet process holds at most: under its open-files limit (ulimit -n, 20,000 here), with room for the rest. */
export const SOCKETS_PER_FLEET_PROCESS = 9000;

/** Fleet processes for `sockets` sockets: at least `atLeast`, and enough for the open-files limit. */
export const fleetSizeFor = (sockets: number, atLeast: number): number => Math.max(atLeast, Math.ceil(sockets / SOCKETS_PER_FLEET_PROCESS));

/** Pids of every fleet process now running, so the benchmark can measure what the load generator costs. */
export const liveFleetPids = new Set<number>();

/** The load generator's processes, driven together: each command goes to all, the answers come back as a list. */
export class Fleet {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(private readonly workers: ChildProcess[]) {
    for (const worker of workers) {
      worker.on('message', (reply: FleetReply) => {
        const entry = this.waiting.get(reply.id);
        if (!entry) return;
        this.waiting.delete(reply.id);
        if (reply.ok) entry.resolve(reply.result);
        else entry.reject(new Error(`fleet process: ${reply.error}`));
      });
      worker.once('exit', (code) => {
        for (const entry of this.waiting.values()) entry.reject(new Error(`a fleet process exited (code ${code})`));
        this.waiting.clear();
      });
    }
  }

  static start(size: number): Fleet {
    const script = path.join(__dirname, 'fleet-worker.ts');
    const workers = Array.from({ length: size }, (_, index) =>
      fork(script, [], { execArgv: ['--import', 'tsx', ...profileFlags()], env: { ...process.env, FLEET_INDEX: String(index) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }),
    );
    for (const worker of workers) {
      if (worker.pid) liveFleetPids.add(worker.pid);
      worker.once('exit', () => worker.pid && liveFleetPids.delete(worker.pid));
    }
    return new Fleet(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends each worker its own command (one per worker, by index) and waits for every answer. */
  each<T>(command: (index: number) => FleetCommand): Promise<T[]> {
    return Promise.all(this.workers.map((worker, index) => this.send<T>(worker, command(index))));
  }

  all<T>(command: FleetCommand): Promise<T[]> {
    return this.each<T>(() => command);
  }

  private send<T>(worker: ChildProcess, command: FleetCommand): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.send({ id, command });
    });
  }

  async stop(): Promise<void> {
    await this.all({ cmd: 'close' }).catch(() => undefined);
    for (const worker of this.workers) worker.kill();
  }
}
