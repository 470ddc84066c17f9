import { Router, type NextFunction, type Request, type Response } from 'express';
import type { ReportsService } from '../domain/reports.service';
import type { SupportDeskService } from '../domain/support-desk.service';
import { callerOf } from './http-auth';

type Handler = (req: Request, res: Response) => Promise<void>;
const route = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req, res).catch(next);

/** Canned responses, ratings, search and reports under /api/v1/chat. One line of transport each. */
export function supportRoutes(desk: SupportDeskService, reports: ReportsService): Router {
  const router = Router();

  router.get('/canned-responses', route(async (_req, res) => {
    res.json({ success: true, data: await desk.listCannedResponses(callerOf(res)) });
  }));

  router.post('/canned-responses', route(async (req, res) => {
    res.status(201).json({ success: true, data: await desk.createCannedResponse(callerOf(res), req.body) });
  }));

  router.patch('/canned-responses/:responseId', route(async (req, res) => {
    res.json({ success: true, data: await desk.updateCannedResponse(callerOf(res), req.params.responseId, req.body) });
  }));

  router.delete('/canned-responses/:responseId', route(async (req, res) => {
    await desk.deleteCannedResponse(callerOf(res), req.params.responseId);
    res.json({ success: true, data: { id: req.params.responseId } });
  }));

  router.post('/sessions/:sessionId/rating', route(async (req, res) => {
    res.status(201).json({ success: true, data: await desk.rate(callerOf(res), req.params.sessionId, req.body) });
  }));

  router.get('/search', route(async (req, res) => {
    const page = await desk.search(callerOf(res), req.query);
    res.json({ success: true, data: page.results, meta: { has_more: page.has_more } });
  }));

  router.get('/reports/summary', route(async (req, res) => {
    res.json({ success: true, data: await reports.summary(callerOf(res), req.query) });
  }));

  router.get('/reports/live', route(async (_req, res) => {
    res.json({ success: true, data: await reports.live(callerOf(res)) });
  }));

  return router;
}
