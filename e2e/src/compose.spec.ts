import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The compose file stays valid and complete: `docker-compose config` accepts it, every process
 * the stack needs is there, starts the same entrypoint the stack tests run, has a health check,
 * comes up in order, and only the proxy is reachable from the host. Needs the docker-compose
 * CLI (no Docker engine): Compose v2 answers `config --format json`; docker-compose 1.x only
 * prints YAML, which is read with the Python (and PyYAML) that docker-compose 1.x runs on.
 */

const REPO_ROOT = path.resolve(__dirname, '../..');
const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');
const INSTALL_COMMAND = 'apt-get update && apt-get install -y docker-compose';
const JWT_SECRET = 'compose-spec-jwt-secret-0123456789';
const ATTACHMENT_LINK_SECRET = 'compose-spec-link-secret-0123456789';

const INFRA = ['postgres', 'rabbitmq', 'minio', 'proxy'] as const;
/** App services and the service folder whose src/main.ts each one runs. */
const APP_ENTRYPOINTS: Record<string, string> = {
  session: 'session',
  message: 'message',
  presence: 'presence',
  attachment: 'attachment',
  'gateway-1': 'gateway',
  'gateway-2': 'gateway',
};
const GATEWAYS = ['gateway-1', 'gateway-2'];
const PUBLIC_PORT = 45000;

type Env = Record<string, string | undefined>;

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[] | null;
  environment?: Record<string, string | number | null> | string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: Array<string | number | { target?: number | string; published?: number | string | null }>;
}

interface ComposeConfig {
  services: Record<string, ComposeService>;
}

// --- running docker-compose ------------------------------------------------------------------

function findOnPath(binary: string): string | undefined {
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

/**
 * Runs `docker-compose <args>` on the repository's compose file with a bare environment and an
 * empty env file, so neither the caller's shell nor a local .env changes what is checked.
 */
function compose(args: string[], env: Env): { status: number | null; stdout: string; stderr: string } {
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
function composePython(): string {
  const binary = findOnPath('docker-compose');
  if (binary) {
    const firstLine = fs.readFileSync(binary).subarray(0, 200).toString('utf8').split('\n')[0];
    const match = /^#!\s*(\S*python[\d.]*)\s*$/.exec(firstLine);
    if (match) return match[1];
  }
  return 'python3';
}

function loadComposeConfig(): ComposeConfig {
  const env = { JWT_SECRET, ATTACHMENT_LINK_SECRET };
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

function commandOf(service: ComposeService): string[] {
  const { command } = service;
  if (!command) return [];
  return Array.isArray(command) ? command : command.trim().split(/\s+/);
}

function environmentOf(service: ComposeService): Env {
  const { environment } = service;
  if (!environment) return {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, undefined] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, value == null ? undefined : String(value)]));
}

function dependenciesOf(service: ComposeService): Record<string, string | undefined> {
  const { depends_on: dependsOn } = service;
  if (!dependsOn) return {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, spec]) => [name, spec?.condition]));
}

interface PublishedPort {
  /** Host port; 'ephemeral' when Docker picks one. */
  published: number | 'ephemeral';
  target: number;
}

/** Both the long form (Compose v2, 1.x) and the short "[ip:]host:container[/proto]" form. */
function publishedPortsOf(service: ComposeService): PublishedPort[] {
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

function healthcheckTest(service: ComposeService): string[] {
  const { healthcheck } = service;
  if (!healthcheck || healthcheck.disable) return [];
  const { test } = healthcheck;
  if (!test) return [];
  const parts = Array.isArray(test) ? test : ['CMD-SHELL', test];
  return parts[0] === 'NONE' ? [] : parts;
}

function buildContext(service: ComposeService): string | undefined {
  const { build } = service;
  if (!build) return undefined;
  return path.resolve(REPO_ROOT, typeof build === 'string' ? build : (build.context ?? '.'));
}

/** A service's own config loader (load<Name>Config): parses the environment the way the service does at start. */
function configLoaderOf(serviceFolder: string): { load: (env: Env) => Record<string, unknown>; keys: string[] } {
  const module = jest.requireActual<Record<string, unknown>>(path.join(REPO_ROOT, 'services', serviceFolder, 'src', 'config.ts'));
  const loader = Object.entries(module).find(([name, value]) => /^load\w*Config$/.test(name) && typeof value === 'function');
  const schema = Object.entries(module).find(([name]) => /ConfigSchema$/.test(name))?.[1] as { shape?: Record<string, unknown> } | undefined;
  if (!loader || !schema?.shape) throw new Error(`services/${serviceFolder}/src/config.ts exports no load*Config / *ConfigSchema`);
  return { load: loader[1] as (env: Env) => Record<string, unknown>, keys: Object.keys(schema.shape) };
}

// --- the checks ------------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  let services: Record<string, ComposeService>;

  beforeAll(() => {
    services = loadComposeConfig().services;
  });

  afterAll(() => {
    if (emptyEnvFile) fs.rmSync(path.dirname(emptyEnvFile), { recursive: true, force: true });
  });

  const service = (name: string): ComposeService => {
    const found = services[name];
    if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
    return found;
  };

  it('has every service of the stack', () => {
    expect(Object.keys(services).sort()).toEqual(expect.arrayContaining([...INFRA, 'migrate', ...Object.keys(APP_ENTRYPOINTS)].sort()));
  });

  it('stops with a clear error when JWT_SECRET is not set', () => {
    const result = compose(['config', '-q'], { ATTACHMENT_LINK_SECRET });
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toMatch(/set JWT_SECRET/);
  });

  it('stops with a clear error when ATTACHMENT_LINK_SECRET is not set', () => {
    const result = compose(['config', '-q'], { JWT_SECRET });
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toMatch(/set ATTACHMENT_LINK_SECRET/);
  });

  it('stores attachments in MinIO: the attachment service waits for it and reaches it with its credentials', () => {
    const attachment = service('attachment');
    const env = environmentOf(attachment);
    const config = configLoaderOf('attachment').load(env);
    expect(config).toMatchObject({ ATTACHMENT_STORE: 's3', ATTACHMENT_LINK_SECRET });
    expect(new URL(String(config.S3_ENDPOINT)).hostname).toBe('minio');
    const minio = environmentOf(service('minio'));
    expect({ accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY }).toEqual({ accessKey: minio.MINIO_ROOT_USER, secretKey: minio.MINIO_ROOT_PASSWORD });
    expect(dependenciesOf(attachment)).toEqual(expect.objectContaining({ minio: 'service_healthy', session: 'service_healthy' }));
  });

  it.each(Object.entries(APP_ENTRYPOINTS))('%s runs services/%s/src/main.ts with tsx, like the stack tests', (name, folder) => {
    const entrypoint = `services/${folder}/src/main.ts`;
    expect(fs.existsSync(path.join(REPO_ROOT, entrypoint))).toBe(true);
    const command = commandOf(service(name));
    expect(command).toEqual(['node_modules/.bin/tsx', entrypoint]);
  });

  it('migrate runs `npm run migrate` once, after PostgreSQL is healthy', () => {
    const migrate = service('migrate');
    expect(commandOf(migrate)).toEqual(['npm', 'run', 'migrate']);
    const rootPackage = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(rootPackage.scripts?.migrate).toBeDefined();
    expect(environmentOf(migrate).DATABASE_URL).toMatch(/^postgres(ql)?:\/\/[^@]*@postgres:/);
    expect(dependenciesOf(migrate)).toEqual({ postgres: 'service_healthy' });
  });

  it('builds migrate and the app services from the repository Dockerfile, as one image', () => {
    expect(fs.existsSync(path.join(REPO_ROOT, 'Dockerfile'))).toBe(true);
    const names = ['migrate', ...Object.keys(APP_ENTRYPOINTS)];
    for (const name of names) expect({ name, context: buildContext(service(name)) }).toEqual({ name, context: REPO_ROOT });
    expect(new Set(names.map((name) => service(name).image)).size).toBe(1);
  });

  it('gives every service but migrate a health check', () => {
    const missing = Object.entries(services)
      .filter(([name, spec]) => name !== 'migrate' && healthcheckTest(spec).length === 0)
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('starts in order: the services after migrate and healthy backends, the gateways after healthy services, the proxy last', () => {
    for (const name of ['session', 'message', 'presence', 'attachment']) {
      expect({ name, deps: dependenciesOf(service(name)) }).toEqual({
        name,
        deps: expect.objectContaining({ postgres: 'service_healthy', rabbitmq: 'service_healthy', migrate: 'service_completed_successfully' }),
      });
    }
    for (const name of GATEWAYS) {
      expect({ name, deps: dependenciesOf(service(name)) }).toEqual({
        name,
        deps: expect.objectContaining({ session: 'service_healthy', message: 'service_healthy', presence: 'service_healthy', attachment: 'service_healthy', rabbitmq: 'service_healthy' }),
      });
    }
    expect(dependenciesOf(service('proxy'))).toEqual(expect.objectContaining({ 'gateway-1': 'service_healthy', 'gateway-2': 'service_healthy' }));
    // Every dependency waits for something: a healthy service, or the migration job's success.
    for (const [name, spec] of Object.entries(services)) {
      for (const [dependency, condition] of Object.entries(dependenciesOf(spec))) {
        const expected = dependency === 'migrate' ? 'service_completed_successfully' : 'service_healthy';
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: expected });
      }
    }
  });

  it('gives each app service an environment its own config accepts, pointing at the compose services', () => {
    const grpcPort: Record<string, number> = {};
    for (const [name, folder] of Object.entries(APP_ENTRYPOINTS)) {
      const env = environmentOf(service(name));
      const config = configLoaderOf(folder).load(env);
      if (config.AMQP_URL === undefined) throw new Error(`${name} has no AMQP_URL: a service started on its own needs RabbitMQ`);
      expect(new URL(String(config.AMQP_URL)).hostname).toBe('rabbitmq');
      if ('DATABASE_URL' in config) expect(new URL(String(config.DATABASE_URL)).hostname).toBe('postgres');
      if (folder === 'session') grpcPort.session = Number(config.SESSION_GRPC_PORT);
      if (folder === 'message') grpcPort.message = Number(config.MESSAGE_GRPC_PORT);
      if (folder === 'presence') grpcPort.presence = Number(config.PRESENCE_GRPC_PORT);
      if (folder === 'attachment') grpcPort.attachment = Number(config.ATTACHMENT_GRPC_PORT);
      if (folder !== 'gateway') expect(config[`${folder.toUpperCase()}_GRPC_HOST`]).toBe('0.0.0.0');
    }
    expect(environmentOf(service('message')).SESSION_SERVICE_ADDR).toBe(`session:${grpcPort.session}`);
    expect(environmentOf(service('presence')).SESSION_SERVICE_ADDR).toBe(`session:${grpcPort.session}`);
    expect(environmentOf(service('message')).ATTACHMENT_SERVICE_ADDR).toBe(`attachment:${grpcPort.attachment}`);
    expect(environmentOf(service('attachment')).SESSION_SERVICE_ADDR).toBe(`session:${grpcPort.session}`);
    const gatewayIds = new Set<string>();
    for (const name of GATEWAYS) {
      const env = environmentOf(service(name));
      expect(env.JWT_SECRET).toBe(JWT_SECRET);
      expect(env.SESSION_SERVICE_ADDR).toBe(`session:${grpcPort.session}`);
      expect(env.MESSAGE_SERVICE_ADDR).toBe(`message:${grpcPort.message}`);
      expect(env.PRESENCE_SERVICE_ADDR).toBe(`presence:${grpcPort.presence}`);
      expect(env.ATTACHMENT_SERVICE_ADDR).toBe(`attachment:${grpcPort.attachment}`);
      expect(env.HOST).toBe('0.0.0.0');
      expect(env.GATEWAY_ID).toBeTruthy();
      gatewayIds.add(String(env.GATEWAY_ID));
    }
    expect(gatewayIds.size).toBe(GATEWAYS.length);
  });

  it('publishes no gRPC port, and no app service port at all', () => {
    const grpcPorts = new Set([
      Number(environmentOf(service('session')).SESSION_GRPC_PORT ?? 50051),
      Number(environmentOf(service('message')).MESSAGE_GRPC_PORT ?? 50052),
      Number(environmentOf(service('presence')).PRESENCE_GRPC_PORT ?? 50053),
      Number(environmentOf(service('attachment')).ATTACHMENT_GRPC_PORT ?? 50054),
    ]);
    for (const [name, spec] of Object.entries(services)) {
      for (const port of publishedPortsOf(spec)) {
        expect({ name, grpcTarget: grpcPorts.has(port.target), grpcPublished: port.published !== 'ephemeral' && grpcPorts.has(port.published) }).toEqual({
          name,
          grpcTarget: false,
          grpcPublished: false,
        });
      }
    }
    for (const name of ['migrate', ...Object.keys(APP_ENTRYPOINTS)]) expect({ name, ports: publishedPortsOf(service(name)) }).toEqual({ name, ports: [] });
  });

  it(`publishes port ${PUBLIC_PORT} from the proxy only`, () => {
    const publishers = Object.entries(services)
      .filter(([, spec]) => publishedPortsOf(spec).some((port) => port.published === PUBLIC_PORT))
      .map(([name]) => name);
    expect(publishers).toEqual(['proxy']);
  });
});

describe('.env.example', () => {
  it('lists every variable of every service', () => {
    const documented = fs.readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8');
    const missing: string[] = [];
    for (const folder of ['session', 'message', 'presence', 'attachment', 'gateway', 'all-in-one']) {
      for (const key of configLoaderOf(folder).keys) {
        if (!new RegExp(`^#?\\s*${key}=`, 'm').test(documented)) missing.push(`${folder}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
