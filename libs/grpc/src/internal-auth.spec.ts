import * as grpc from '@grpc/grpc-js';
import pino from 'pino';
import { AppError } from '@parley/errors';
import { CHANNEL_OPTIONS, invoke } from './grpc-client';
import { GrpcServer, unary } from './grpc-server';
import type { SessionServiceClient, SessionServiceHandlers } from './generated/parley/session/v1/SessionService';
import { HealthChecker } from './health.client';
import { sessionProto } from './proto-loader';
import { SessionClient } from './session.client';

const TOKEN = 'the-right-internal-token';
const caller = { identity: { userId: 'u-1', role: 'customer' as const, name: 'Cleo' } };

describe('internal gRPC authentication (INTERNAL_GRPC_TOKEN)', () => {
  let server: GrpcServer;
  let address: string;
  const handled: string[] = [];

  beforeAll(async () => {
    server = new GrpcServer(pino({ level: 'silent' }), TOKEN);
    const handlers = {
      GetSession: unary(pino({ level: 'silent' }), async (request: { session_id: string }) => {
        handled.push(request.session_id);
        return { id: request.session_id, subject: 'seen', status: 'waiting' };
      }),
    } as unknown as SessionServiceHandlers;
    server.addService(sessionProto().SessionService.service, handlers, 'parley.session.v1.SessionService');
    address = `127.0.0.1:${await server.listen('127.0.0.1', 0)}`;
  });
  afterAll(() => server.stop(100));

  const failureOf = async (call: Promise<unknown>): Promise<AppError> => {
    try {
      await call;
    } catch (error) {
      return error as AppError;
    }
    throw new Error('the call was accepted');
  };

  it('serves a client that carries the token', async () => {
    const client = new SessionClient(address, TOKEN);
    try {
      expect(await client.getSession('s-ok', caller)).toMatchObject({ id: 's-ok', subject: 'seen' });
    } finally {
      client.close();
    }
  });

  it('refuses a client with a wrong token as UNAUTHENTICATED before any handler runs', async () => {
    const client = new SessionClient(address, 'a-wrong-internal-token');
    try {
      const failure = await failureOf(client.getSession('s-wrong', caller));
      expect({ code: failure.code, message: failure.message }).toEqual({ code: 'UNAUTHENTICATED', message: 'The call lacks the internal service token' });
    } finally {
      client.close();
    }
    expect(handled).not.toContain('s-wrong');
  });

  it('refuses a call without any token, even one that claims a user identity', async () => {
    const Client = sessionProto().SessionService;
    const raw = new Client(address, grpc.credentials.createInsecure(), CHANNEL_OPTIONS) as SessionServiceClient;
    try {
      const failure = await failureOf(invoke('session', (m, o, cb) => raw.GetSession({ session_id: 's-none' }, m, o, cb), caller));
      expect(failure.code).toBe('UNAUTHENTICATED');
    } finally {
      raw.close();
    }
    expect(handled).not.toContain('s-none');
  });

  it('leaves grpc.health.v1 open for probes', async () => {
    const checker = new HealthChecker(address);
    try {
      expect(await checker.isServing()).toBe(true);
    } finally {
      checker.close();
    }
  });
});
