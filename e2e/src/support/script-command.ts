import path from 'node:path';

const TSX = path.join(path.resolve(__dirname, '../../..'), 'node_modules', '.bin', 'tsx');

/**
 * How to run a TypeScript entry point: `tsx script`, or with BENCH_CPU_PROF_DIR set, node itself
 * with tsx as a loader writing a V8 CPU profile there when the process stops (open it in Chrome
 * DevTools); NODE_OPTIONS may not carry --cpu-prof.
 */
export function scriptCommand(script: string): [string, string[]] {
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  return profileDir ? [process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx', script]] : [TSX, [script]];
}
