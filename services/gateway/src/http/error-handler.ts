import type { NextFunction, Request, Response } from 'express';
import { AppError, httpStatusOf, toPublicError } from '@parley/errors';
import type { Logger } from '@parley/logger';

/** body-parser's own errors: bad JSON and bodies over the limit. */
function parserError(error: unknown): { status: number; code: string; message: string } | null {
  const e = error as { type?: string; status?: number };
  if (e?.type === 'entity.parse.failed') return { status: 400, code: 'INVALID_ARGUMENT', message: 'The body is not valid JSON' };
  if (e?.type === 'entity.too.large') return { status: 413, code: 'RESOURCE_EXHAUSTED', message: 'The body is too large' };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, code: 'INVALID_ARGUMENT', message: 'The request is malformed' };
  return null;
}

/**
 * Every error becomes `{ success: false, error: { code, message } }`; nothing internal leaks. A
 * busy service's refusal (429) says when to try again (`Retry-After`, whole seconds).
 */
export function errorHandler(logger: Logger, busyRetryAfterMs: number) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const parsed = parserError(error);
    if (parsed) {
      res.status(parsed.status).json({ success: false, error: { code: parsed.code, message: parsed.message } });
      return;
    }
    if (!(error instanceof AppError)) logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    else if (error.code === 'INTERNAL') logger.error({ details: error.details, method: req.method, path: req.path }, 'request failed in a service');
    sendError(res, error, busyRetryAfterMs);
  };
}

export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json({ success: false, error: { code: 'NOT_FOUND', message: `No route for ${req.method} ${req.path}` } });
}

/** The envelope for an error; an AppError may name its own HTTP status (413 for a file too large). */
export function sendError(res: Response, error: unknown, busyRetryAfterMs?: number): void {
  const body = toPublicError(error);
  const status = error instanceof AppError && typeof error.details?.httpStatus === 'number' ? error.details.httpStatus : httpStatusOf(body.code);
  if (status === 429 && busyRetryAfterMs !== undefined && !res.hasHeader('Retry-After')) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(busyRetryAfterMs / 1000))));
  res.status(status).json({ success: false, error: body });
}
