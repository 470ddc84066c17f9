import pino from 'pino';
import { GrpcServer } from './grpc-server';
import { HealthChecker } from './health.client';

describe('HealthChecker', () => {
  it('answers without the internal token (probes have none): SERVING, then NOT_SERVING, then an unreachable service as not serving', async () => {
    const server = new GrpcServer(pino({ level: 'silent' }), 'health-spec-internal-token');
    const port = await server.listen('127.0.0.1', 0);
    const checker = new HealthChecker(`127.0.0.1:${port}`);
    try {
      expect(await checker.isServing()).toBe(true);
      server.setServing('NOT_SERVING');
      expect(await checker.isServing()).toBe(false);
      await server.stop(100);
      expect(await checker.isServing(300)).toBe(false);
    } finally {
      checker.close();
    }
  });
});
