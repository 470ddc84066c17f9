import http from 'node:http';
import { buildInfo } from './build-info';
import { metricsContentType, renderMetrics } from './metrics';

/**
 * GET /metrics on its own port, for processes without an HTTP server of their own (the gRPC
 * services), and GET /healthz: the process is up, and which build it runs (as on a gateway).
 */
export async function startMetricsServer(host: string, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', ...buildInfo() }));
      return;
    }
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    renderMetrics().then(
      (text) => res.writeHead(200, { 'content-type': metricsContentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
