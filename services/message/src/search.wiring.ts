import type { Knex } from 'knex';
import { messageProto, type GrpcServer } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import { createFirstResponseService } from './domain/first-response.service';
import { createMessageSearchService } from './domain/message-search.service';
import { createMessageReportGrpcHandlers, createMessageSearchGrpcHandlers } from './grpc/message-search.grpc';
import { createFirstResponseRepository } from './repository/first-response.repository';
import { createMessageSearchRepository } from './repository/message-search.repository';

/** The search over messages and the first-response figures, each its own gRPC service. */
export function addSearchAndReports(server: GrpcServer, knex: Knex, logger: Logger): void {
  const proto = messageProto();
  const search = createMessageSearchService({ search: createMessageSearchRepository(knex) });
  server.addService(proto.MessageSearchService.service, createMessageSearchGrpcHandlers(search, logger), 'parley.message.v1.MessageSearchService');
  const reports = createFirstResponseService({ reports: createFirstResponseRepository(knex) });
  server.addService(proto.MessageReportService.service, createMessageReportGrpcHandlers(reports, logger), 'parley.message.v1.MessageReportService');
}
