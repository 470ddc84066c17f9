import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@parley/testing';

/** Reading docker-compose.yml through the docker-compose CLI, for the compose specs. */
export { REPO_ROOT };
export const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y docker-compose';
export const JWT_SECRET = 'compose-spec-jwt-secret-0123456789';
export const ATTACHMENT_LINK_SECRET = 'compose-spec-link-secret-0123456789';
export const INTERNAL_GRPC_TOKEN = 'compose-spec-internal-grpc-token-0123';

export const INFRA = ['postgres', 'rabbitmq', 'redis', 'minio', 'proxy'] as const;
/** App services and the service (a folder of services/, an Nx project) whose bundle each one's image runs. */
export const APP_ENTRYPOINTS: Record<string, string> = {
  session: 'session',
  message: 'message',
  presence: 'presence',
  attachment: 'attachment',
  'gateway-1': 'gateway',
  'gateway-2': 'gateway',
};
export const GATEWAYS = ['gateway-1', 'gateway-2'];
export const PUBLIC_PORT = 45000;

export type Env = Record<string, string | undefined>;

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string | number | null> | string[] };
  command?: string | string[] | null;
  environment?: Record<string, string | number | null> | string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: Array<string | number | { target?: number | string; published?: number | string | null }>;
  deploy?: { replicas?: number | string };
}

export interface ComposeConfig {
  services: Record<string, ComposeService>;
}

// --- running docker-compose ------------------------------------------------------------------

export function findOnPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, binary);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

let emptyEnvFile: string | undefined;

/** Removes the empty env file the compose calls used. */
export function removeEmptyEnvFile(): void {
  if (emptyEnvFile) fs.rmSync(path.dirname(emptyEnvFile), { recursive: true, force: true });
  emptyEnvFile = undefined;
}

/**
 * Runs `docker-compose <args>` on the repository's compose file with a bare environment and an
 * empty env file, so neither the caller's shell nor a local .env changes what is checked.
 */
export function compose(args: string[], env: Env): { status: number | null; stdout: string; stderr: string } {
  emptyEnvFile ??= path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-compose-')), 'empty.env');
  fs.writeFileSync(emptyEnvFile, '');
  const result = spawnSync(
    'docker-compose',
    ['--project-directory', REPO_ROOT, '-f', COMPOSE_FILE, '--env-file', emptyEnvFile, ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME ?? os.tmpdir(), ...env },
      timeout: 60_000,
    },
  );
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(
      `docker-compose is not on PATH: this test validates docker-compose.yml with it. Install it with \`${INSTALL_COMMAND}\` ` +
        '(or put the Compose v2 standalone binary on PATH as docker-compose). No Docker engine is needed.',
    );
  }
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The interpreter docker-compose 1.x runs on (its shebang); it has PyYAML, which compose needs. */
export function composePython(): string {
  const binary = findOnPath('docker-compose');
  if (binary) {
    const firstLine = fs.readFileSync(binary).subarray(0, 200).toString('utf8').split('\n')[0];
    const match = /^#!\s*(\S*python[\d.]*)\s*$/.exec(firstLine);
    if (match) return match[1];
  }
  return 'python3';
}

export function loadComposeConfig(): ComposeConfig {
  const env = { JWT_SECRET, ATTACHMENT_LINK_SECRET, INTERNAL_GRPC_TOKEN };
  const asJson = compose(['config', '--format', 'json'], env);
  if (asJson.status === 0 && asJson.stdout.trim().startsWith('{')) return JSON.parse(asJson.stdout) as ComposeConfig;

  // docker-compose 1.x has no --format (it prints its usage and exits 0): read its YAML output.
  const asYaml = compose(['config'], env);
  if (asYaml.status !== 0) throw new Error(`docker-compose config rejected docker-compose.yml:\n${asYaml.stderr || asYaml.stdout}`);
  const python = composePython();
  const converted = spawnSync(python, ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], {
    input: asYaml.stdout,
    encoding: 'utf8',
  });
  if (converted.status !== 0) {
    throw new Error(`could not read docker-compose's YAML output with ${python} (needs PyYAML): ${converted.stderr || converted.error}`);
  }
  return JSON.parse(converted.stdout) as ComposeConfig;
}

// --- reading the normalized config ----------------------------------------------------------

export function commandOf(service: ComposeService): string[] {
  const { command } = service;
  if (!command) return [];
  return Array.isArray(command) ? command : command.trim().split(/\s+/);
}

export function environmentOf(service: ComposeService): Env {
  return service.environment ? entriesOf(service.environment) : {};
}

function entriesOf(entries: Record<string, string | number | null> | string[]): Env {
  if (Array.isArray(entries)) {
    return Object.fromEntries(
      entries.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, undefined] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, value == null ? undefined : String(value)]));
}

export function dependenciesOf(service: ComposeService): Record<string, string | undefined> {
  const { depends_on: dependsOn } = service;
  if (!dependsOn) return {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, spec]) => [name, spec?.condition]));
}

export interface PublishedPort {
  /** Host port; 'ephemeral' when Docker picks one. */
  published: number | 'ephemeral';
  target: number;
}

/** Both the long form (Compose v2, 1.x) and the short "[ip:]host:container[/proto]" form. */
export function publishedPortsOf(service: ComposeService): PublishedPort[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') {
      const published = port.published == null || port.published === '' ? 'ephemeral' : Number(port.published);
      return { published, target: Number(port.target) };
    }
    const parts = String(port).replace(/\/\w+$/, '').split(':');
    const target = Number(parts[parts.length - 1]);
    const host = parts.length >= 2 ? parts[parts.length - 2] : '';
    return { published: host === '' ? 'ephemeral' : Number(host), target };
  });
}

export function healthcheckTest(service: ComposeService): string[] {
  const { healthcheck } = service;
  if (!healthcheck || healthcheck.disable) return [];
  const { test } = healthcheck;
  if (!test) return [];
  const parts = Array.isArray(test) ? test : ['CMD-SHELL', test];
  return parts[0] === 'NONE' ? [] : parts;
}

export function buildContext(service: ComposeService): string | undefined {
  const { build } = service;
  if (!build) return undefined;
  return path.resolve(REPO_ROOT, typeof build === 'string' ? build : (build.context ?? '.'));
}

/** The build arguments of a service's image (Compose lists them as a map or as KEY=value entries). */
export function buildArgsOf(service: ComposeService): Env {
  const { build } = service;
  if (!build || typeof build === 'string' || !build.args) return {};
  return entriesOf(build.args);
}

/** A service's own config loader (load<Name>Config): parses the environment the way the service does at start. */
export function configLoaderOf(serviceFolder: string): { load: (env: Env) => Record<string, unknown>; keys: string[] } {
  const module = jest.requireActual<Record<string, unknown>>(path.join(REPO_ROOT, 'services', serviceFolder, 'src', 'config.ts'));
  const loader = Object.entries(module).find(([name, value]) => /^load\w*Config$/.test(name) && typeof value === 'function');
  const schema = Object.entries(module).find(([name]) => /ConfigSchema$/.test(name))?.[1] as { shape?: Record<string, unknown> } | undefined;
  if (!loader || !schema?.shape) throw new Error(`services/${serviceFolder}/src/config.ts exports no load*Config / *ConfigSchema`);
  return { load: loader[1] as (env: Env) => Record<string, unknown>, keys: Object.keys(schema.shape) };
}

// --- the checks ------------------------------------------------------------------------------

