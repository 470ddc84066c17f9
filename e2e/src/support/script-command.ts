import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@parley/testing';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/**
 * How the stack (the e2e and fault suites, the benchmark) runs a service. By default its bundle,
 * `node dist/services/<name>/main.js`, what the images ship (built first: buildServices).
 * E2E_FROM_SOURCES=1 runs the TypeScript sources with tsx instead: no build, for a quick edit loop.
 */
export const FROM_SOURCES = process.env.E2E_FROM_SOURCES === '1';

/** What a service's process runs, relative to the repository: its bundle, or its main.ts with E2E_FROM_SOURCES=1. */
export function serviceEntry(service: string): string {
  return FROM_SOURCES ? `services/${service}/src/main.ts` : `dist/services/${service}/main.js`;
}

/** The command that runs a service (a folder of services/), from the repository root. */
export function serviceCommand(service: string): [string, string[]] {
  const entry = serviceEntry(service);
  if (FROM_SOURCES) return scriptCommand(entry);
  if (!fs.existsSync(path.join(REPO_ROOT, entry))) {
    throw new Error(`${entry} is not built: run \`npx nx run ${service}:build\` (the e2e suites build before they start), or set E2E_FROM_SOURCES=1 to run the sources`);
  }
  // Source maps on, as in the images: stack traces name the TypeScript sources.
  return [process.execPath, [...profileFlags(), '--enable-source-maps', entry]];
}

/** The Nx projects whose bundles the stack runs. */
export const STACK_PROJECTS = ['session', 'message', 'presence', 'attachment', 'gateway'];

/**
 * Builds the bundles of these projects (`nx run-many -t build`: what did not change comes from
 * Nx's cache), unless E2E_FROM_SOURCES=1 runs the sources. Nx's output shows only when it fails.
 */
export function buildServices(projects: readonly string[] = STACK_PROJECTS): void {
  if (FROM_SOURCES) return;
  const started = Date.now();
  const result = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '-p', projects.join(','), '--outputStyle=static'], {
    cwd: REPO_ROOT,
    // No Nx daemon left running behind a test run.
    env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`building ${projects.join(', ')} failed (set E2E_FROM_SOURCES=1 to run the sources instead):\n${result.stdout}${result.stderr}${result.error ?? ''}`);
  }
  console.log(`built the bundles of ${projects.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * How to run a TypeScript entry point: `tsx script`, or with BENCH_CPU_PROF_DIR set, node itself
 * with tsx as a loader writing a V8 CPU profile there when the process stops (open it in Chrome
 * DevTools); NODE_OPTIONS may not carry --cpu-prof.
 */
export function scriptCommand(script: string): [string, string[]] {
  return process.env.BENCH_CPU_PROF_DIR ? [process.execPath, [...profileFlags(), '--import', 'tsx', script]] : [TSX, [script]];
}

/** With BENCH_CPU_PROF_DIR set: node's flags that write a V8 CPU profile there when the process exits. */
export function profileFlags(): string[] {
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  return profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
}
