import { metrics } from './metrics';
import { startMetricsServer } from './metrics-server';

describe('metrics server', () => {
  it('serves the registry at /metrics and nothing else', async () => {
    metrics.busPublished.inc({ result: 'confirmed' });
    const server = await startMetricsServer('127.0.0.1', 0);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/plain/);
      expect(await res.text()).toMatch(/parley_bus_published_total\{result="confirmed"\} \d+/);
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
