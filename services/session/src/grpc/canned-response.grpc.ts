import { unary, type CannedResponseServiceHandlers } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import type { CannedResponseService } from '../domain/canned-response.service';

export function createCannedResponseGrpcHandlers(service: CannedResponseService, logger: Logger): CannedResponseServiceHandlers {
  return {
    ListCannedResponses: unary(logger, async (_request, { identity }) => ({ responses: await service.list(identity) })),
    CreateCannedResponse: unary(logger, (request, { identity }) =>
      service.create(identity, { shortcut: request.shortcut, title: request.title, content: request.content, shared: request.shared }),
    ),
    UpdateCannedResponse: unary(logger, (request, { identity }) =>
      service.update(identity, request.id, {
        ...(request.has_shortcut ? { shortcut: request.shortcut } : {}),
        ...(request.has_title ? { title: request.title } : {}),
        ...(request.has_content ? { content: request.content } : {}),
        ...(request.has_shared ? { shared: request.shared } : {}),
      }),
    ),
    DeleteCannedResponse: unary(logger, async (request, { identity }) => {
      await service.remove(identity, request.id);
      return {};
    }),
  };
}
