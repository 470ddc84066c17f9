import { Router, type NextFunction, type Request, type Response } from 'express';
import type { TokenVerifier } from '@parley/auth';
import type { AttachmentFlow } from '../domain/attachment-flow.service';
import type { AttachmentDownload, Caller } from '../domain/gateway.ports';
import { callerOf, requireBearer } from './http-auth';

/** Types a browser may show inline; everything else is only ever downloaded. */
const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

function send(res: Response, { info, body }: AttachmentDownload): void {
  res.attachment(info.file_name);
  if (INLINE_TYPES.has(info.content_type)) res.setHeader('Content-Disposition', String(res.getHeader('Content-Disposition')).replace(/^attachment/, 'inline'));
  res.setHeader('Content-Type', info.content_type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Even opened directly, a file is a sandboxed document that runs nothing.
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, max-age=300');
  if (info.size > 0) res.setHeader('Content-Length', String(info.size));
  body.once('error', () => res.destroy());
  res.once('close', () => body.destroy());
  body.pipe(res);
}

/**
 * GET /uploads/chat-attachments/:id (the file_url of docs/api.md) and …/:id/thumbnail: with the user's
 * token (the uploader and the session's participants), or with a signed link's `expires` and
 * `signature` (anyone holding a fresh link; the gateway asks as itself).
 */
export function downloadRoutes(flow: AttachmentFlow, verifyToken: TokenVerifier, gatewayCaller: Caller): Router {
  const router = Router();
  const bearer = requireBearer(verifyToken);
  const authenticate = (req: Request, res: Response, next: NextFunction) => {
    if (!flow.isSignedLink(req.query)) return bearer(req, res, next);
    res.locals.caller = gatewayCaller;
    next();
  };
  const serve = (thumbnail: boolean) => (req: Request, res: Response, next: NextFunction) =>
    flow.download(callerOf(res), req.params.attachmentId, thumbnail, req.query).then((download) => send(res, download), next);

  router.get('/:attachmentId', authenticate, serve(false));
  router.get('/:attachmentId/thumbnail', authenticate, serve(true));
  return router;
}
