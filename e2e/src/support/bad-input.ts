import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { api, TEST_JWT_SECRET, testUser, waitFor, type ClientSocket, type TestUser } from '@parley/testing';
import type { ChatSessionView } from '@parley/contracts';
import { history, type AckError } from './chat-client';
import type { Stack } from './stack';

/** What the bad-input specs share: how to provoke an error and how to check its envelope. */
export const NO_PAYLOAD = Symbol('no payload');
export type Payload = unknown;

/** Emits `event` with an ack (and no payload at all for NO_PAYLOAD); answers the ack and the `error` event it caused. */
export async function attempt(socket: ClientSocket, event: string, payload: Payload): Promise<{ ack: { ok: boolean; error?: AckError; data?: unknown }; error: AckError }> {
  const errorEvent = waitFor<AckError>(socket, 'error', (e) => e.event === event, 5000);
  errorEvent.catch(() => undefined); // awaited below; a success must not leave it unhandled
  const emitter = (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, ...args: unknown[]): Promise<never> } }).timeout(5000);
  const ack = payload === NO_PAYLOAD ? await emitter.emitWithAck(event) : await emitter.emitWithAck(event, payload);
  if ((ack as { ok: boolean }).ok) throw new Error(`${event} was accepted: ${JSON.stringify(ack)}`);
  return { ack, error: await errorEvent };
}

export function expectEnvelope(response: { status: number; body: unknown }, status: number, code: string): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status,
    body: { success: false, error: { code, message: expect.any(String) } },
  });
  const message = (response.body as { error: { message: string } }).error.message;
  expect(message.length).toBeGreaterThan(0);
  // Nothing internal leaks: no stack frames, no SQL.
  expect(message).not.toMatch(/\n\s+at |\bselect\b|\binsert\b|node_modules/i);
}

// Tokens the gateway must refuse, for the handshake and for REST alike.
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowS = () => Math.floor(Date.now() / 1000);
export function badTokens(): Array<[string, unknown]> {
  const sub = randomUUID();
  return [
    ['no token', undefined],
    ['an empty token', ''],
    ['a token that is not a string', 12345],
    ['a malformed token', 'not-a-jwt'],
    ['three garbage segments', 'aaa.bbb.ccc'],
    ['a token signed with another secret', testUser('customer', 'Mallory', 'another-secret-0123456789abcdef').token],
    ['an unsigned token (alg none)', `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub, role: 'support', name: 'Mallory', exp: nowS() + 3600 })}.`],
    ['an expired token', jwt.sign({ role: 'customer', name: 'Late' }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: sub, expiresIn: -60 })],
    ['a token with an algorithm that is not allowed (HS512)', jwt.sign({ role: 'customer', name: 'X' }, TEST_JWT_SECRET, { algorithm: 'HS512', subject: sub, expiresIn: 3600 })],
    ['a token without exp', jwt.sign({ role: 'customer', name: 'Forever' }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: sub })],
    ['a token with an unknown role', jwt.sign({ role: 'superuser', name: 'Root' }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: sub, expiresIn: 3600 })],
    ['a token without sub', jwt.sign({ role: 'customer', name: 'Nobody' }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: 3600 })],
  ];
}

/** What the stack holds, as a support user sees it: every session id and each session's last seq. */
export async function snapshot(stack: Stack, watcher: TestUser): Promise<{ ids: string[]; lastSeqs: Record<string, number> }> {
  const list = await api(stack.gatewayA, 'GET', '/api/v1/chat/sessions?limit=200', { token: watcher.token });
  expect(list.status).toBe(200);
  const ids = (list.body.data as ChatSessionView[]).map((s) => s.id).sort();
  const lastSeqs: Record<string, number> = {};
  for (const id of ids) lastSeqs[id] = (await history(stack.gatewayA, watcher, id, '?limit=1')).meta.last_seq;
  return { ids, lastSeqs };
}
