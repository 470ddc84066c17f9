import { CallAdmission, messageToProto, unary, unbounded, type MessageServiceHandlers } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import type { AnsweredSessionsService } from '../domain/answered-sessions.service';
import type { MessageService } from '../domain/message.service';
import type { ReadReceiptService } from '../domain/read-receipt.service';

const given = (value: string): string | undefined => (value === '' ? undefined : value);

export function createMessageGrpcHandlers(
  service: MessageService,
  receipts: ReadReceiptService,
  answers: AnsweredSessionsService,
  logger: Logger,
  /** Bounds the sends running at once; past it they are refused (load shedding). */
  sends: CallAdmission = unbounded(),
): MessageServiceHandlers {
  return {
    SendMessage: unary(logger, async (request, { identity }) => {
      const { message, created } = await sends.run(() =>
        service.send(identity, {
          session_id: request.session_id,
          content: request.content,
          message_type: given(request.message_type),
          temp_id: given(request.temp_id),
          attachment_ids: request.attachment_ids.length > 0 ? request.attachment_ids : undefined,
        }),
      );
      return { message: messageToProto(message), created };
    }),
    ListMessages: unary(logger, async (request, { identity }) => {
      const page = await service.list(identity, {
        session_id: request.session_id,
        limit: request.limit === 0 ? undefined : request.limit,
        offset: request.offset,
        after_seq: request.has_after_seq ? Number(request.after_seq) : undefined,
      });
      return { messages: page.messages.map(messageToProto), has_more: page.has_more, last_seq: page.last_seq };
    }),
    GetSessionSummaries: unary(logger, async (request, { identity }) => {
      const summaries = await service.summaries(identity, request.session_ids);
      return {
        summaries: summaries.map((s) => ({
          session_id: s.session_id,
          unread_count: s.unread_count,
          has_last_message: s.last_message !== null,
          last_message: s.last_message ? messageToProto(s.last_message) : undefined,
        })),
      };
    }),
    MarkAsRead: unary(logger, async (request, { identity }) => {
      const read = await receipts.markAsRead(identity, {
        session_id: request.session_id,
        ...(request.has_message_ids ? { message_ids: request.message_ids } : {}),
      });
      return { message_ids: read.message_ids };
    }),
    ListAnsweredSessions: unary(logger, async (request, { identity }) => ({
      session_ids: await answers.answered(identity, request.checks.map((c) => ({ ...c }))),
    })),
  };
}
