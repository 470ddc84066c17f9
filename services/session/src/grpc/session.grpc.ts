import { answerEach, assertBatchCaller, sessionToProto, unary, type SessionServiceHandlers } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import type { LifecycleService } from '../domain/session-lifecycle.service';
import type { SessionService } from '../domain/session.service';

/** Proto strings are '' when absent; the domain expects undefined. */
const given = (value: string): string | undefined => (value === '' ? undefined : value);
const givenNumber = (value: number): number | undefined => (value === 0 ? undefined : value);

export function createSessionGrpcHandlers(service: SessionService, lifecycle: LifecycleService, logger: Logger): SessionServiceHandlers {
  return {
    CreateSession: unary(logger, async (request, { identity }) =>
      sessionToProto(
        await service.create(identity, {
          subject: request.subject,
          category: given(request.category),
          priority: given(request.priority),
          restaurant_id: given(request.restaurant_id),
          ticket_id: given(request.ticket_id),
          initial_message: given(request.initial_message),
        }),
      ),
    ),
    GetSession: unary(logger, async (request, { identity }) => sessionToProto(await service.get(identity, request.session_id, { queuePosition: request.include_queue_position }))),
    GetSessions: unary(logger, async (request, context) => {
      assertBatchCaller(context);
      const answers = await answerEach(
        request.items,
        (identity, item) => service.get(identity, item.request?.session_id ?? '', { queuePosition: item.request?.include_queue_position ?? false }),
        sessionToProto,
        logger,
        'GetSessions',
      );
      return { outcomes: answers.map((a) => ('value' in a ? { session: a.value } : { error: a.error })) };
    }),
    ListSessions: unary(logger, async (request, { identity }) => {
      const sessions = await service.list(identity, {
        status: given(request.status),
        assigned: request.assigned_to_me ? 'me' : undefined,
        limit: givenNumber(request.limit),
        offset: request.offset,
      });
      return { sessions: sessions.map(sessionToProto) };
    }),
    AcceptSession: unary(logger, async (request, { identity }) => sessionToProto(await lifecycle.accept(identity, { session_id: request.session_id }))),
    AssignSession: unary(logger, async (request, { identity }) =>
      sessionToProto(await lifecycle.assign(identity, request.session_id, { agent_id: given(request.agent_id), agent_name: given(request.agent_name) })),
    ),
    TransferSession: unary(logger, async (request, { identity }) =>
      sessionToProto(await lifecycle.transfer(identity, request.session_id, { agent_id: request.agent_id, agent_name: request.agent_name })),
    ),
    UpdateStatus: unary(logger, async (request, { identity }) => sessionToProto(await lifecycle.updateStatus(identity, request.session_id, { status: request.status }))),
    FindSessions: unary(logger, async (request, { identity }) => ({ sessions: (await service.getMany(identity, request.session_ids)).map(sessionToProto) })),
  };
}
