import { Router, type NextFunction, type Request, type Response } from 'express';
import type { AgentService } from '../domain/agent.service';
import { callerOf } from './http-auth';

type Handler = (req: Request, res: Response) => Promise<void>;
const route = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req, res).catch(next);

/** Assign, transfer and status changes under /api/v1/chat/sessions/:sessionId. */
export function agentRoutes(agents: AgentService): Router {
  const router = Router();

  router.post('/sessions/:sessionId/assign', route(async (req, res) => {
    res.json({ success: true, data: await agents.assign(callerOf(res), req.params.sessionId, req.body) });
  }));

  router.post('/sessions/:sessionId/transfer', route(async (req, res) => {
    res.json({ success: true, data: await agents.transfer(callerOf(res), req.params.sessionId, req.body) });
  }));

  router.patch('/sessions/:sessionId/status', route(async (req, res) => {
    res.json({ success: true, data: await agents.updateStatus(callerOf(res), req.params.sessionId, req.body) });
  }));

  return router;
}
