import fs from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT,
  JWT_SECRET,
  ATTACHMENT_LINK_SECRET,
  INTERNAL_GRPC_TOKEN,
  INFRA,
  APP_ENTRYPOINTS,
  GATEWAYS,
  PUBLIC_PORT,
  ComposeService,
  compose,
  loadComposeConfig,
  commandOf,
  environmentOf,
  dependenciesOf,
  publishedPortsOf,
  healthcheckTest,
  buildArgsOf,
  buildContext,
  configLoaderOf,
  removeEmptyEnvFile,
} from './support/compose-config';

/**
 * The compose file stays valid and complete: `docker-compose config` accepts it, every process
 * the stack needs is there, runs its own image of the bundle the stack tests run, has a health check,
 * comes up in order, and only the proxy is reachable from the host. Needs the docker-compose
 * CLI (no Docker engine): Compose v2 answers `config --format json`; docker-compose 1.x only
 * prints YAML, which is read with the Python (and PyYAML) that docker-compose 1.x runs on.
 */

describe('docker-compose.yml', () => {
  let services: Record<string, ComposeService>;

  beforeAll(() => {
    services = loadComposeConfig().services;
  });

  afterAll(() => removeEmptyEnvFile());

  const service = (name: string): ComposeService => {
    const found = services[name];
    if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
    return found;
  };

  it('has every service of the stack', () => {
    expect(Object.keys(services).sort()).toEqual(expect.arrayContaining([...INFRA, 'migrate', ...Object.keys(APP_ENTRYPOINTS)].sort()));
  });

  it('stops with a clear error when JWT_SECRET is not set', () => {
    const result = compose(['config', '-q'], { ATTACHMENT_LINK_SECRET, INTERNAL_GRPC_TOKEN });
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toMatch(/set JWT_SECRET/);
  });

  it('stops with a clear error when ATTACHMENT_LINK_SECRET is not set', () => {
    const result = compose(['config', '-q'], { JWT_SECRET, INTERNAL_GRPC_TOKEN });
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toMatch(/set ATTACHMENT_LINK_SECRET/);
  });

  it('stops with a clear error when INTERNAL_GRPC_TOKEN is not set', () => {
    const result = compose(['config', '-q'], { JWT_SECRET, ATTACHMENT_LINK_SECRET });
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toMatch(/set INTERNAL_GRPC_TOKEN/);
  });

  it('has the gateways share their rate limits in Redis and trust only the proxy for client addresses', () => {
    for (const name of GATEWAYS) {
      const config = configLoaderOf('gateway').load(environmentOf(service(name)));
      expect({ name, redis: new URL(String(config.RATE_LIMIT_REDIS_URL)).hostname, trustProxy: config.TRUST_PROXY }).toEqual({ name, redis: 'redis', trustProxy: 1 });
      expect(dependenciesOf(service(name))).toEqual(expect.objectContaining({ redis: 'service_healthy' }));
    }
    expect(publishedPortsOf(service('redis'))).toEqual([]);
  });

  it('gives every service and gateway the same internal gRPC token', () => {
    for (const name of Object.keys(APP_ENTRYPOINTS)) expect({ name, token: environmentOf(service(name)).INTERNAL_GRPC_TOKEN }).toEqual({ name, token: INTERNAL_GRPC_TOKEN });
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

  /** The build target of an Nx project, as its project.json has it (the options not given come from nx.json). */
  const buildTargetOf = (projectFolder: string): { executor?: string; options?: { outputPath?: string } } | undefined => {
    const project = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, projectFolder, 'project.json'), 'utf8')) as { targets?: Record<string, { executor?: string }> };
    return project.targets?.build;
  };

  it.each(Object.entries(APP_ENTRYPOINTS))("%s runs the %s service's bundle from its own image, the bundle the stack tests run", (name, folder) => {
    const spec = service(name);
    expect({ name, service: buildArgsOf(spec).SERVICE, command: commandOf(spec) }).toEqual({ name, service: folder, command: [] });
    // The Dockerfile builds the Nx project of that name into dist/services/<name> and runs its main.js.
    expect(buildTargetOf(`services/${folder}`)?.executor).toBe('@nx/esbuild:esbuild');
    expect(spec.image).toMatch(new RegExp(`^parley-${folder}:`));
  });

  it('migrate runs the migration job once, from its own image, after PostgreSQL is healthy', () => {
    const migrate = service('migrate');
    expect({ service: buildArgsOf(migrate).SERVICE, command: commandOf(migrate) }).toEqual({ service: 'migrate', command: [] });
    // The Dockerfile builds libs/db's build target for it: the migrate CLI, bundled into dist/services/migrate.
    expect(buildTargetOf('libs/db')?.options?.outputPath).toBe('dist/services/migrate');
    expect(environmentOf(migrate).DATABASE_URL).toMatch(/^postgres(ql)?:\/\/[^@]*@postgres:/);
    expect(dependenciesOf(migrate)).toEqual({ postgres: 'service_healthy' });
  });

  it('builds an image per service from the repository Dockerfile, passing it the commit it is built from (PARLEY_COMMIT)', () => {
    expect(fs.existsSync(path.join(REPO_ROOT, 'Dockerfile'))).toBe(true);
    const names = ['migrate', ...Object.keys(APP_ENTRYPOINTS)];
    for (const name of names) expect({ name, context: buildContext(service(name)) }).toEqual({ name, context: REPO_ROOT });
    const imageOf = new Map(names.map((name) => [buildArgsOf(service(name)).SERVICE, service(name).image]));
    // One image per service: the two gateways share one, no two services do.
    expect(imageOf.size).toBe(names.length - 1);
    expect(new Set(imageOf.values()).size).toBe(imageOf.size);
    for (const name of names) expect({ name, commit: buildArgsOf(service(name)).PARLEY_COMMIT }).toEqual({ name, commit: 'unknown' });
  });

  it("checks the gRPC services' health with the script in their image, on their own port", () => {
    for (const [name, variable] of [['session', 'SESSION_GRPC_PORT'], ['message', 'MESSAGE_GRPC_PORT'], ['presence', 'PRESENCE_GRPC_PORT'], ['attachment', 'ATTACHMENT_GRPC_PORT']]) {
      const port = environmentOf(service(name))[variable];
      expect({ name, test: healthcheckTest(service(name)) }).toEqual({ name, test: ['CMD', 'node', 'grpc-healthcheck.js', `127.0.0.1:${port}`] });
    }
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
    expect(environmentOf(service('message')).SESSION_SERVICE_ADDR).toBe(`dns:///session:${grpcPort.session}`);
    expect(environmentOf(service('presence')).SESSION_SERVICE_ADDR).toBe(`dns:///session:${grpcPort.session}`);
    expect(environmentOf(service('message')).ATTACHMENT_SERVICE_ADDR).toBe(`dns:///attachment:${grpcPort.attachment}`);
    expect(environmentOf(service('attachment')).SESSION_SERVICE_ADDR).toBe(`dns:///session:${grpcPort.session}`);
    const gatewayIds = new Set<string>();
    for (const name of GATEWAYS) {
      const env = environmentOf(service(name));
      expect(env.JWT_SECRET).toBe(JWT_SECRET);
      expect(env.SESSION_SERVICE_ADDR).toBe(`dns:///session:${grpcPort.session}`);
      expect(env.MESSAGE_SERVICE_ADDR).toBe(`dns:///message:${grpcPort.message}`);
      expect(env.PRESENCE_SERVICE_ADDR).toBe(`dns:///presence:${grpcPort.presence}`);
      expect(env.ATTACHMENT_SERVICE_ADDR).toBe(`dns:///attachment:${grpcPort.attachment}`);
      expect(env.HOST).toBe('0.0.0.0');
      expect(env.GATEWAY_ID).toBeTruthy();
      gatewayIds.add(String(env.GATEWAY_ID));
    }
    expect(gatewayIds.size).toBe(GATEWAYS.length);
  });

  it('runs two instances of every gRPC service, which callers reach by DNS', () => {
    for (const name of Object.keys(APP_ENTRYPOINTS).filter((n) => !GATEWAYS.includes(n))) {
      expect({ name, replicas: Number(service(name).deploy?.replicas) }).toEqual({ name, replicas: 2 });
    }
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
