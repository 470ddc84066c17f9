import { Router, type NextFunction, type Request, type Response } from 'express';
import type { SignalsService } from '../domain/signals.service';
import { callerOf } from './http-auth';

type Handler = (req: Request, res: Response) => Promise<void>;
const route = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req, res).catch(next);

/** Read receipts and who is online, under /api/v1/chat. */
export function signalRoutes(signals: SignalsService): Router {
  const router = Router();

  router.post('/sessions/:sessionId/read', route(async (req, res) => {
    const read = await signals.markAsReadRest(callerOf(res), req.params.sessionId, req.body);
    res.json({ success: true, message: 'Messages marked as read', data: { message_ids: read.message_ids } });
  }));

  router.get('/agents/online', route(async (_req, res) => {
    res.json({ success: true, data: await signals.onlineAgents(callerOf(res)) });
  }));

  router.put('/agents/me/availability', route(async (req, res) => {
    res.json({ success: true, data: await signals.setAvailability(callerOf(res), req.body) });
  }));

  return router;
}
