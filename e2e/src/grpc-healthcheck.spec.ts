import { execFile } from 'node:child_process';
import path from 'node:path';
import { GrpcServer } from '@parley/grpc';
import { createLogger } from '@parley/logger';
import { freePort } from '@parley/db';
import { REPO_ROOT } from '@parley/testing';

/** deploy/grpc-healthcheck.js, the compose health check of the gRPC services, against a real gRPC server. */

const SCRIPT = path.join(REPO_ROOT, 'deploy', 'grpc-healthcheck.js');

/** Runs the check (asynchronously: the server answers from this process). */
function probe(...args: string[]): Promise<{ code: number | null; output: string }> {
  // A plain `node`, outside the repository, as in a service's image: the script needs no node_modules.
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { cwd: '/', encoding: 'utf8', timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: `${stdout}${stderr}`.trim() });
    });
  });
}

describe('deploy/grpc-healthcheck.js', () => {
  let server: GrpcServer;
  let address: string;

  beforeAll(async () => {
    server = new GrpcServer(createLogger('healthcheck-spec', 'warn'), 'healthcheck-spec-internal-token');
    server.health.setStatus('parley.test.v1.TestService', 'SERVING');
    address = `127.0.0.1:${await server.listen('127.0.0.1', 0)}`;
  });

  afterAll(() => server.stop());

  it('exits 0 while the server is SERVING, without the internal token', async () => {
    expect(await probe(address)).toEqual({ code: 0, output: `${address}: SERVING` });
    expect(await probe(address, 'parley.test.v1.TestService')).toEqual({ code: 0, output: `${address} (parley.test.v1.TestService): SERVING` });
  });

  it('exits 1 naming the status while the server is NOT_SERVING', async () => {
    server.setServing('NOT_SERVING');
    try {
      expect(await probe(address)).toEqual({ code: 1, output: `${address}: NOT_SERVING` });
    } finally {
      server.setServing('SERVING');
    }
  });

  it('exits 1 for a service the server does not know (gRPC NOT_FOUND)', async () => {
    const { code, output } = await probe(address, 'parley.nothing.v1.Nothing');
    expect(code).toBe(1);
    expect(output).toMatch(/health check failed: gRPC status 5/);
  });

  it('exits 1 when nothing listens', async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    const { code, output } = await probe(closed);
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`^${closed}: health check failed: .*ECONNREFUSED`));
  });
});
