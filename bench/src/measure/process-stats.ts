import fs from 'node:fs';

/**
 * Memory and CPU time of processes, read from Linux /proc. A tsx launcher runs its script in a
 * child process, so a named process is measured as its whole tree (launcher plus service).
 */
export interface ProcessSample {
  rssBytes: number;
  /** user + system CPU time since the process started, its reaped children's included, in milliseconds. */
  cpuMs: number;
}

const TICKS_PER_SECOND = 100;

function readStat(pid: number): { ppid: number; cpuMs: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses; the fields after the last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, and cutime, cstime: the children it has reaped (PostgreSQL's backends that
    // ended), whose time would otherwise leave the sum when they go.
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    return { ppid: Number(fields[1]), cpuMs: ((utime + stime + cutime + cstime) * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function readRss(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every pid under `root` (itself included). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(pid);
    children.set(stat.ppid, list);
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** RSS and CPU of a process tree, summed. */
export function sampleTree(pids: number[]): ProcessSample {
  let rssBytes = 0;
  let cpuMs = 0;
  for (const pid of pids) {
    rssBytes += readRss(pid);
    cpuMs += readStat(pid)?.cpuMs ?? 0;
  }
  return { rssBytes, cpuMs };
}

/** The pids of processes whose command line contains `needle` and whose environment holds `KEY=value` (when given). */
export function findProcesses(needle: string, envEntry?: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(needle)) continue;
      if (envEntry && !fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\u0000').includes(envEntry)) continue;
      found.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Of processes found together (a tsx launcher and the service it runs), the ones that launched none of the others. */
export function leafProcesses(pids: number[]): number[] {
  const parents = new Set(pids.map((pid) => readStat(pid)?.ppid));
  return pids.filter((pid) => !parents.has(pid));
}
