import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scriptCommand, serviceCommand, serviceEntry } from '@parley/e2e/src/support/script-command';
import { REPO_ROOT } from '@parley/testing';
import { processTree } from '../measure/process-stats';


export interface Spawned {
  child: ChildProcess;
  /** The launcher and the process it runs the script in, without the launcher when it has a child. */
  pids(): number[];
  stop(): Promise<void>;
}

/** The processes of a tree that do the work: without the tsx launcher at its root when it has children. */
export function workingPids(root: number): number[] {
  const tree = processTree(root);
  return tree.length > 1 ? tree.slice(1) : tree;
}

/** `tsx script` in its own process group, its output in `logFile`; resolves once `ready()` answers true. */
export function spawnScript(script: string, env: Record<string, string>, logFile: string, ready: () => Promise<boolean>, timeoutMs?: number): Promise<Spawned> {
  return spawnCommand(script, scriptCommand(script), env, logFile, ready, timeoutMs);
}

/** A Parley service (a folder of services/) the way the stack runs it: its bundle, or its sources with E2E_FROM_SOURCES=1. */
export function spawnService(service: string, env: Record<string, string>, logFile: string, ready: () => Promise<boolean>, timeoutMs?: number): Promise<Spawned> {
  return spawnCommand(serviceEntry(service), serviceCommand(service), env, logFile, ready, timeoutMs);
}

async function spawnCommand(
  label: string,
  [command, argv]: [string, string[]],
  env: Record<string, string>,
  logFile: string,
  ready: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<Spawned> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(command, argv, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd], detached: true });
  fs.closeSync(fd);
  let exit: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exit = code;
      resolve();
    }),
  );
  const stop = async () => {
    if (exit !== undefined || !child.pid) return;
    process.kill(child.pid, 'SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 10_000).unref())]);
    try {
      if (timedOut) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (exit !== undefined) throw new Error(`${label} exited (code ${exit}) before it was ready; see ${logFile}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${label} was not ready within ${timeoutMs} ms; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, pids: () => (child.pid ? workingPids(child.pid) : []), stop };
}
