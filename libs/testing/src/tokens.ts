import { randomUUID } from 'node:crypto';
import { signToken } from '@parley/auth';
import { testSettings } from '@parley/config';
import type { Role } from '@parley/contracts';

export const TEST_JWT_SECRET = 'parley-test-secret-0123456789';
/** The shared INTERNAL_GRPC_TOKEN of the services the tests start. */
export const TEST_INTERNAL_GRPC_TOKEN = 'parley-test-internal-grpc-token';

/** What every service a test starts in its own process gets in its environment: the test token, quiet logs (TEST_LOG_LEVEL). */
export const TEST_SERVICE_ENV = { INTERNAL_GRPC_TOKEN: TEST_INTERNAL_GRPC_TOKEN, LOG_LEVEL: testSettings().TEST_LOG_LEVEL };

export interface TestUser {
  id: string;
  role: Role;
  name: string;
  token: string;
}

/** A user with a fresh id and a token for TEST_JWT_SECRET, valid for an hour unless asked otherwise. */
export function testUser(role: Role, name = `${role}-${randomUUID().slice(0, 6)}`, secret = TEST_JWT_SECRET, expiresInSeconds = 3600): TestUser {
  const id = randomUUID();
  return { id, role, name, token: signToken(secret, { sub: id, role, name }, expiresInSeconds) };
}
