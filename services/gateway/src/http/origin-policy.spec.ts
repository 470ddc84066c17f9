import { io } from 'socket.io-client';
import { testUser } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

/** Browsers send Origin; the gateway answers only its own origin and the allowlist. */
describe('origin allowlist', () => {
  let gw: TestGateway;
  const customer = testUser('customer');
  beforeAll(async () => {
    gw = await startTestGateway(undefined, ['https://shop.example']);
  });
  afterAll(() => gw.close());

  const rest = async (origin?: string) => {
    const res = await fetch(`${gw.url}/api/v1/chat/sessions`, { headers: { authorization: `Bearer ${customer.token}`, ...(origin ? { origin } : {}) } });
    return { status: res.status, body: await res.json() };
  };

  const handshake = (origin?: string) =>
    new Promise<string>((resolve) => {
      const socket = io(gw.url, { auth: { token: customer.token }, transports: ['websocket'], reconnection: false, extraHeaders: origin ? { origin } : {} });
      socket.once('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.once('connect_error', () => {
        socket.close();
        resolve('refused');
      });
    });

  it.each([
    ['no Origin (an app or a server)', undefined, 200],
    ['an allowlisted origin', 'https://shop.example', 200],
    ['the gateway itself', 'SELF', 200],
    ['another site', 'https://evil.example', 403],
    ['a malformed origin', 'not a url', 403],
  ])('REST from %s', async (_label, origin, status) => {
    const res = await rest(origin === 'SELF' ? gw.url : origin);
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body).toEqual({ success: false, error: { code: 'PERMISSION_DENIED', message: 'This origin may not use the API' } });
  });

  it.each([
    ['no Origin', undefined, 'connected'],
    ['an allowlisted origin', 'https://shop.example', 'connected'],
    ['another site (cross-site WebSocket hijacking)', 'https://evil.example', 'refused'],
  ])('Socket.io handshake from %s', async (_label, origin, outcome) => {
    expect(await handshake(origin)).toBe(outcome);
  });
});
