import type { NextFunction, Request, Response } from 'express';
import { clientIp } from './client-ip';
import type { Limit } from './window-limit';

/** REST requests per client IP: over the limit, 429 with Retry-After and the error envelope. */
export function limitRequestsPerIp(limit: Limit, trustedProxies: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const verdict = limit.take(clientIp(req, trustedProxies));
    if (verdict.allowed) {
      next();
      return;
    }
    const retryAfter = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    res.setHeader('Retry-After', String(retryAfter));
    res.status(429).json({ success: false, error: { code: 'RESOURCE_EXHAUSTED', message: `Too many requests; try again in ${retryAfter} s` } });
  };
}
