import express, { type Express, type RequestHandler } from 'express';
import cors from 'cors';
import type { TokenVerifier } from '@parley/auth';
import type { Logger } from '@parley/logger';
import { buildInfo, metricsContentType, renderMetrics } from '@parley/metrics';
import type { AgentService } from '../domain/agent.service';
import type { AttachmentFlow } from '../domain/attachment-flow.service';
import type { ChatService } from '../domain/chat.service';
import type { AttachmentsApi, Caller } from '../domain/gateway.ports';
import type { ReportsService } from '../domain/reports.service';
import type { SignalsService } from '../domain/signals.service';
import type { SupportDeskService } from '../domain/support-desk.service';
import { agentRoutes } from './agent.routes';
import { attachmentRoutes } from './attachment.routes';
import { devTokenRoutes } from './dev-token.routes';
import { docsRoutes } from './docs.routes';
import { webAppRoutes } from './web-app.routes';
import { requireAllowedOrigin } from './origin-policy';
import { downloadRoutes } from './download.routes';
import { errorHandler, notFoundHandler } from './error-handler';
import { requireBearer } from './http-auth';
import { sessionRoutes } from './session.routes';
import { signalRoutes } from './signal.routes';
import { supportRoutes } from './support.routes';
import type { UploadLimits } from './upload-storage';

export interface HttpAppOptions {
  chat: ChatService;
  agents: AgentService;
  signals: SignalsService;
  /** Canned responses, ratings and search; the reports. */
  desk: SupportDeskService;
  reports: ReportsService;
  verifyToken: TokenVerifier;
  corsOrigins: string[] | '*';
  logger: Logger;
  /** Answers whether the gateway's dependencies are reachable (readiness). */
  ready: () => Promise<{ ready: boolean; checks: Record<string, boolean> }>;
  files: { flow: AttachmentFlow; attachments: AttachmentsApi; limits: UploadLimits; gatewayCaller: Caller };
  /** The built web app (default services/web/dist). */
  webAppDir?: string;
  /** The JWT secret, given only when it is the development one: then /api/v1/dev/token mints tokens. */
  devTokenSecret?: string;
  /** Requests per client IP on the API and the downloads (429 over the limit). */
  limitRequests: RequestHandler;
  /** The `Retry-After` (in ms, rounded up to seconds) of a 429 a busy service caused. */
  busyRetryAfterMs: number;
}

export function createHttpApp({ chat, agents, signals, desk, reports, verifyToken, corsOrigins, logger, ready, files, limitRequests, webAppDir, devTokenSecret, busyRetryAfterMs }: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(cors({ origin: corsOrigins === '*' ? true : corsOrigins }));
  app.use(requireAllowedOrigin(corsOrigins));

  app.use(webAppRoutes(webAppDir, { devSignIn: devTokenSecret !== undefined }));
  app.use('/api/docs', docsRoutes());
  app.get('/metrics', (_req, res, next) => {
    renderMetrics().then((text) => void res.type(metricsContentType).send(text), next);
  });
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', ...buildInfo() }));
  app.get('/readyz', (_req, res, next) => {
    ready().then(({ ready: ok, checks }) => void res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', checks }), next);
  });

  // How often comes first, then who is asking: an anonymous request is 401 whatever its body.
  app.use(['/uploads', '/api/v1'], limitRequests);
  app.use('/uploads/chat-attachments', downloadRoutes(files.flow, verifyToken, files.gatewayCaller));
  app.use('/api/v1/dev', devTokenRoutes(devTokenSecret));
  app.use(
    '/api/v1/chat',
    requireBearer(verifyToken),
    express.json({ limit: '64kb' }),
    attachmentRoutes(files.flow, files.attachments, files.limits),
    sessionRoutes(chat),
    agentRoutes(agents),
    signalRoutes(signals),
    supportRoutes(desk, reports),
  );
  app.use(notFoundHandler);
  app.use(errorHandler(logger, busyRetryAfterMs));
  return app;
}
