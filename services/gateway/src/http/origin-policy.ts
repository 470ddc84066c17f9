import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * Which browser origins may talk to the gateway: requests without an Origin (apps, servers), the
 * gateway's own origin (its web client), and the configured allowlist (`CORS_ORIGINS`, or `*`).
 * Everything else is refused, REST and the Socket.io handshake alike (cross-site WebSocket
 * hijacking included: browsers send Origin on WebSocket upgrades and CORS does not cover them).
 */
export function originAllowed(req: IncomingMessage, allowlist: string[] | '*'): boolean {
  const origin = req.headers.origin;
  if (!origin || allowlist === '*') return true;
  if (allowlist.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function requireAllowedOrigin(allowlist: string[] | '*') {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (originAllowed(req, allowlist)) {
      next();
      return;
    }
    res.status(403).json({ success: false, error: { code: 'PERMISSION_DENIED', message: 'This origin may not use the API' } });
  };
}
