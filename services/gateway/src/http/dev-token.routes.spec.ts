import { DEV_JWT_SECRET } from '@parley/auth';
import { api, TEST_JWT_SECRET } from '@parley/testing';
import { startTestGateway } from '../testing/test-gateway';
import { devTokenSecretOf } from './dev-token.routes';

describe('development tokens (/api/v1/dev/token)', () => {
  it('mints a token for a chosen role and name when the gateway runs with the development secret', async () => {
    const gw = await startTestGateway(undefined, undefined, { jwtSecret: DEV_JWT_SECRET, devTokens: true });
    try {
      expect((await api(gw.url, 'GET', '/api/v1/dev/token')).body).toMatchObject({ success: true, data: { available: true } });
      const minted = await api(gw.url, 'POST', '/api/v1/dev/token', { body: { role: 'support', name: 'Ana' } });
      expect(minted.status).toBe(201);
      expect(minted.body.data).toMatchObject({ role: 'support', name: 'Ana', user_id: expect.any(String) });
      // The token works: the agent sees the queue.
      const queue = await api(gw.url, 'GET', '/api/v1/chat/sessions?status=waiting', { token: minted.body.data.token });
      expect(queue.status).toBe(200);

      for (const [body, field] of [
        [{ role: 'root', name: 'Eve' }, 'role'],
        [{ role: 'customer', name: '  ' }, 'name'],
        [{ role: 'customer' }, 'name'],
        [{ role: 'customer', name: 'Cleo', admin: true }, 'admin'],
        [{ role: 'customer', name: 'Cleo', sub: 'a b' }, 'sub'],
      ] as const) {
        const refused = await api(gw.url, 'POST', '/api/v1/dev/token', { body });
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ success: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining(field) } });
      }
    } finally {
      await gw.close();
    }
  });

  it('refuses, with a reason and no token, when the gateway runs with any other secret', async () => {
    const gw = await startTestGateway();
    try {
      for (const method of ['GET', 'POST']) {
        const refused = await api(gw.url, method, '/api/v1/dev/token', method === 'POST' ? { body: { role: 'admin', name: 'Eve' } } : {});
        expect(refused.status).toBe(403);
        expect(refused.body).toEqual({ success: false, error: { code: 'PERMISSION_DENIED', message: expect.stringContaining('development JWT secret') } });
      }
    } finally {
      await gw.close();
    }
  });

  it('is offered only for the development secret', () => {
    expect(devTokenSecretOf(DEV_JWT_SECRET)).toBe(DEV_JWT_SECRET);
    expect(devTokenSecretOf(TEST_JWT_SECRET)).toBeUndefined();
    expect(devTokenSecretOf('a-real-production-secret-of-32-chars')).toBeUndefined();
  });
});
