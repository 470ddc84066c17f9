import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import { DEV_JWT_SECRET, signToken } from '@parley/auth';
import { ROLES, validate } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';

/** How long a development token lasts. */
const DEV_TOKEN_SECONDS = 8 * 3600;

const devTokenBodySchema = z.strictObject({
  role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }),
  name: z.string({ message: 'name must be a string' }).trim().min(1, { message: 'name must not be empty' }).max(100, { message: 'name must be at most 100 characters' }),
  sub: z.string({ message: 'sub must be a string' }).regex(/^[\w.:-]{1,128}$/, { message: 'sub must be 1 to 128 letters, digits, _ . : -' }).optional(),
});

const notDev = () =>
  permissionDenied(
  'Development tokens are minted only while the gateway runs with the development JWT secret (npm start without JWT_SECRET); sign in with a token from your platform',
);

/** The secret the gateway may mint development tokens with: only the public development one, never a real one. */
export function devTokenSecretOf(jwtSecret: string): string | undefined {
  return jwtSecret === DEV_JWT_SECRET ? jwtSecret : undefined;
}

/**
 * `/api/v1/dev/token`: the web app's sign-in picker for `npm start`. It signs tokens with the
 * gateway's secret, so it answers only when that secret is the public development one
 * (`devSecret` is then given); with any real secret it refuses (403) and signs nothing.
 */
export function devTokenRoutes(devSecret: string | undefined): Router {
  const router = Router();
  router.get('/token', (_req, res, next) => {
    if (!devSecret) return next(notDev());
    res.json({ success: true, data: { available: true, roles: ROLES } });
  });
  router.post('/token', express.json({ limit: '4kb' }), (req, res, next) => {
    if (!devSecret) return next(notDev());
    try {
      const { role, name, sub = randomUUID() } = validate(devTokenBodySchema, req.body ?? {});
      const token = signToken(devSecret, { sub, role, name }, DEV_TOKEN_SECONDS);
      res.status(201).json({ success: true, data: { token, user_id: sub, role, name, expires_in: DEV_TOKEN_SECONDS } });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
