import type { Knex } from 'knex';
import { sessionProto, type GrpcServer } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import { createCannedResponseService } from './domain/canned-response.service';
import { createRatingService, type RatingDeps } from './domain/rating.service';
import { createSessionReportService } from './domain/session-report.service';
import { createCannedResponseGrpcHandlers } from './grpc/canned-response.grpc';
import { createRatingGrpcHandlers } from './grpc/rating.grpc';
import { createSessionReportGrpcHandlers } from './grpc/session-report.grpc';
import { createCannedResponseRepository } from './repository/canned-response.repository';
import type { EventWriter } from './repository/event-writer';
import { createRatingRepository } from './repository/rating.repository';
import { createSessionReportRepository } from './repository/session-report.repository';
import { exportLiveFigures } from './live-figures.metrics';

/**
 * What support teams use beside the chat: canned responses, ratings and the supervisors' reports,
 * each its own gRPC service, and the live figures as Prometheus gauges. Answers what stops the gauges.
 */
export function addSupportTools(server: GrpcServer, deps: { knex: Knex; write: EventWriter; get: RatingDeps['get']; logger: Logger }): () => void {
  const { knex, logger } = deps;
  const proto = sessionProto();
  const cannedResponses = createCannedResponseService({ responses: createCannedResponseRepository(knex) });
  server.addService(proto.CannedResponseService.service, createCannedResponseGrpcHandlers(cannedResponses, logger), 'parley.session.v1.CannedResponseService');
  const ratings = createRatingService({ ratings: createRatingRepository(knex, deps.write), get: deps.get });
  server.addService(proto.RatingService.service, createRatingGrpcHandlers(ratings, logger), 'parley.session.v1.RatingService');
  const reportRepository = createSessionReportRepository(knex);
  const reports = createSessionReportService({ reports: reportRepository });
  server.addService(proto.SessionReportService.service, createSessionReportGrpcHandlers(reports, logger), 'parley.session.v1.SessionReportService');
  return exportLiveFigures(reportRepository.workload);
}
