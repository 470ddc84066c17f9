import { Router, type NextFunction, type Request, type Response } from 'express';
import type { AttachmentFlow } from '../domain/attachment-flow.service';
import type { AttachmentsApi } from '../domain/gateway.ports';
import { sendError } from './error-handler';
import { callerOf } from './http-auth';
import { isMultipart, readMultipart, storedFiles } from './multipart';
import type { UploadLimits } from './upload-storage';

type Handler = (req: Request, res: Response) => Promise<void>;
const route = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req, res).catch(next);
/** A middleware step: on to the next handler once it is done. */
const step = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req, res).then(() => next(), next);

/**
 * The file endpoints under /api/v1/chat (docs/api.md, Files): the pre-upload, the multipart variant of sending
 * a message (a JSON body goes on to the session routes), and an attachment's metadata.
 */
export function attachmentRoutes(flow: AttachmentFlow, attachments: AttachmentsApi, limits: UploadLimits): Router {
  const router = Router();
  const multipart = readMultipart(attachments, limits, sendError);

  router.post('/upload', multipart, route(async (req, res) => {
    const files = storedFiles(req).map((f) => f.attachment);
    res.status(201).json({ success: true, data: await flow.acceptUploads(callerOf(res), req.body, files) });
  }));

  router.post(
    '/sessions/:sessionId/messages',
    (req, _res, next) => next(isMultipart(req) ? undefined : 'route'),
    // The session is checked before a byte of the body is read.
    step(async (req, res) => {
      res.locals.sessionId = await flow.checkSession(callerOf(res), req.params.sessionId);
    }),
    multipart,
    route(async (req, res) => {
      const files = storedFiles(req).map((f) => f.attachment);
      res.status(201).json({ success: true, data: await flow.sendWithFiles(callerOf(res), res.locals.sessionId as string, req.body, files) });
    }),
  );

  router.get('/attachments/:attachmentId', route(async (req, res) => {
    res.json({ success: true, data: await flow.describe(callerOf(res), req.params.attachmentId) });
  }));

  return router;
}
