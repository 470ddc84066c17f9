import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { TokenVerifier } from '@parley/auth';
import { unauthenticated } from '@parley/errors';
import type { Caller } from '../domain/gateway.ports';

/** Verifies `Authorization: Bearer <jwt>` and puts the caller on `res.locals.caller`. */
export function requireBearer(verifyToken: TokenVerifier) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      next(unauthenticated('An Authorization: Bearer token is required'));
      return;
    }
    try {
      const caller: Caller = { identity: verifyToken(match[1]), requestId: requestIdOf(req.headers['x-request-id']) };
      res.locals.caller = caller;
      res.setHeader('x-request-id', caller.requestId as string);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** A client's own request id when it is a sane token, else a new one. */
function requestIdOf(given: unknown): string {
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

export const callerOf = (res: Response): Caller => res.locals.caller as Caller;
