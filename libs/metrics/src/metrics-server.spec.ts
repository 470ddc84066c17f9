import { buildInfo } from './build-info';
import { metrics } from './metrics';
import { startMetricsServer } from './metrics-server';

describe('metrics server', () => {
  it('serves the registry at /metrics, the build at /healthz, and nothing else', async () => {
    metrics.busPublished.inc({ result: 'confirmed' });
    const server = await startMetricsServer('127.0.0.1', 0);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/plain/);
      const text = await res.text();
      expect(text).toMatch(/parley_bus_published_total\{result="confirmed"\} \d+/);
      const { version, commit } = buildInfo();
      expect(text).toContain(`parley_build_info{version="${version}",commit="${commit}",node="${process.version}"} 1`);
      const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect({ status: health.status, body: await health.json() }).toEqual({ status: 200, body: { status: 'ok', version, commit } });
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
