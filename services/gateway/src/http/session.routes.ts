import { Router, type NextFunction, type Request, type Response } from 'express';
import type { ChatService } from '../domain/chat.service';
import { callerOf } from './http-auth';

type Handler = (req: Request, res: Response) => Promise<void>;
const route = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req, res).catch(next);

/** The REST endpoints under /api/v1/chat (docs/api.md). One line of transport each; the work is in ChatService. */
export function sessionRoutes(chat: ChatService): Router {
  const router = Router();

  router.post('/sessions', route(async (req, res) => {
    res.status(201).json({ success: true, data: await chat.openSession(callerOf(res), req.body) });
  }));

  router.get('/sessions', route(async (req, res) => {
    res.json({ success: true, data: await chat.listSessions(callerOf(res), req.query) });
  }));

  router.get('/sessions/:sessionId', route(async (req, res) => {
    res.json({ success: true, data: await chat.getSession(callerOf(res), req.params.sessionId) });
  }));

  router.get('/sessions/:sessionId/messages', route(async (req, res) => {
    const page = await chat.history(callerOf(res), req.params.sessionId, req.query);
    res.json({ success: true, data: page.messages, meta: { has_more: page.has_more, last_seq: page.last_seq } });
  }));

  router.post('/sessions/:sessionId/messages', route(async (req, res) => {
    res.status(201).json({ success: true, data: await chat.sendMessageRest(callerOf(res), req.params.sessionId, req.body) });
  }));

  return router;
}
