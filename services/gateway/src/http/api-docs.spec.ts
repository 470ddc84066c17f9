import type { Express } from 'express';
import { api, connectClient, testUser } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { API_ROUTES } from './api-catalog';
import { CLIENT_EVENT_NAMES } from './api-docs';

/** The routes Express really serves under /api/v1/chat, as "METHOD /path". */
function mountedRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: unknown[], prefix: string) => {
    for (const layer of stack as { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] }; matchers?: unknown }[]) {
      if (layer.route) Object.keys(layer.route.methods).forEach((m) => found.push(`${m.toUpperCase()} ${prefix}${layer.route?.path}`));
      else if (layer.handle?.stack) walk(layer.handle.stack, prefix);
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack, '');
  return found;
}

describe('API docs', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  it('document every REST route the gateway serves, and no other', () => {
    const app = gw.server.app;
    // POST /sessions/:id/messages is mounted twice (multipart, then JSON): one endpoint.
    const served = [...new Set(mountedRoutes(app).filter((r) => /\/(sessions|agents|upload|attachments|canned-responses|search|reports)\b/.test(r)))];
    expect(served.sort()).toEqual(API_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort());
  });

  it('serve OpenAPI with the validation schemas, AsyncAPI with every client event, and the page', async () => {
    const openApi = await api(gw.url, 'GET', '/api/docs/openapi.json');
    expect(openApi.status).toBe(200);
    const create = openApi.body.paths['/api/v1/chat/sessions'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(['subject']);
    expect(create.properties.priority.enum).toEqual(['low', 'medium', 'high', 'urgent']);
    expect(Object.keys(openApi.body.paths)).toContain('/api/v1/chat/sessions/{sessionId}/status');

    const asyncApi = await api(gw.url, 'GET', '/api/docs/asyncapi.json');
    expect(Object.keys(asyncApi.body.channels)).toEqual(expect.arrayContaining(CLIENT_EVENT_NAMES));
    expect(asyncApi.body.channels.send_message.publish.message.payload.properties.content.maxLength).toBe(5000);

    const page = await fetch(`${gw.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    const asset = await fetch(`${gw.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
    await asset.arrayBuffer();
  });

  it('list every event a socket handles, and no other', async () => {
    const client = await connectClient(gw.url, testUser('customer').token);
    try {
      const [socket] = [...gw.server.io.of('/').sockets.values()];
      // Socket.io itself listens for disconnect, disconnecting and error.
      const handled = socket.eventNames().filter((name) => typeof name === 'string' && !['disconnect', 'disconnecting', 'error'].includes(name));
      expect([...handled].sort()).toEqual([...CLIENT_EVENT_NAMES].sort());
    } finally {
      client.close();
    }
  });
});
