import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('the web app at /', () => {
  describe('built', () => {
    let gw: TestGateway;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-web-'));
    beforeAll(async () => {
      fs.mkdirSync(path.join(dir, 'assets'));
      fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>Parley app</title></head><body><div id="app"></div></body></html>');
      fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
      gw = await startTestGateway(undefined, undefined, { webAppDir: dir });
    });
    afterAll(() => gw.close());

    it.each(['/', '/customer', '/agent'])('%s answers the app, with a content security policy', async (page) => {
      const response = await fetch(`${gw.url}${page}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Parley app</title>');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    });

    it('tells the app in the page that this gateway mints no development tokens (a real JWT secret)', async () => {
      const page = await (await fetch(`${gw.url}/customer`)).text();
      expect(page).toContain('<meta name="parley-dev-sign-in" content="off" /></head>');
    });

    it('tells the app in the page that development sign-in exists under the development secret', async () => {
      const dev = await startTestGateway(undefined, undefined, { webAppDir: dir, devTokens: true });
      try {
        const page = await (await fetch(`${dev.url}/agent`)).text();
        expect(page).toContain('<meta name="parley-dev-sign-in" content="on" /></head>');
        expect(page).toContain('<title>Parley app</title>');
      } finally {
        await dev.close();
      }
    });

    it('serves its hashed assets for good, and 404 for a missing one', async () => {
      const asset = await fetch(`${gw.url}/assets/index-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(await asset.text()).toBe('console.log(1)');
      const missing = await api(gw.url, 'GET', '/assets/nope.js');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('NOT_FOUND');
    });
  });

  it('says how to build it when it is not built, and keeps the API docs and health links', async () => {
    const gw = await startTestGateway(undefined, undefined, { webAppDir: path.join(os.tmpdir(), 'parley-web-never-built') });
    try {
      const response = await fetch(`${gw.url}/agent`);
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('npm run build:web');
      expect(page).toContain('href="/api/docs"');
      expect(page).toContain('href="/healthz"');
    } finally {
      await gw.close();
    }
  });
});
