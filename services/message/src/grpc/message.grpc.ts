import {
  answerEach,
  assertBatchCaller,
  CallAdmission,
  messageToProto,
  unary,
  unbounded,
  type MessageServiceHandlers,
} from '@parley/grpc';
import type { Logger } from '@parley/logger';
import type { AnsweredSessionsService } from '../domain/answered-sessions.service';
import type { MessagePage, MessageService } from '../domain/message.service';
import type { ReadReceiptService } from '../domain/read-receipt.service';

const given = (value: string): string | undefined => (value === '' ? undefined : value);

interface SendMessageWire {
  session_id: string;
  content: string;
  message_type: string;
  temp_id: string;
  attachment_ids: string[];
}

interface MarkAsReadWire {
  session_id: string;
  has_message_ids: boolean;
  message_ids: string[];
}

interface ListMessagesWire {
  session_id: string;
  limit: number;
  offset: number;
  has_after_seq: boolean;
  after_seq: number;
}

const listCommandOf = (request: ListMessagesWire) => ({
  session_id: request.session_id,
  limit: request.limit === 0 ? undefined : request.limit,
  offset: request.offset,
  after_seq: request.has_after_seq ? Number(request.after_seq) : undefined,
});

const pageToProto = (page: MessagePage) => ({ messages: page.messages.map(messageToProto), has_more: page.has_more, last_seq: page.last_seq });

const sendCommandOf = (request: SendMessageWire) => ({
  session_id: request.session_id,
  content: request.content,
  message_type: given(request.message_type),
  temp_id: given(request.temp_id),
  attachment_ids: request.attachment_ids.length > 0 ? request.attachment_ids : undefined,
});

const markCommandOf = (request: MarkAsReadWire) => ({
  session_id: request.session_id,
  ...(request.has_message_ids ? { message_ids: request.message_ids } : {}),
});

// An item without a request is refused by the domain's validation like any empty one.
const EMPTY_SEND: SendMessageWire = { session_id: '', content: '', message_type: '', temp_id: '', attachment_ids: [] };
const EMPTY_MARK: MarkAsReadWire = { session_id: '', has_message_ids: false, message_ids: [] };
const EMPTY_LIST: ListMessagesWire = { session_id: '', limit: 0, offset: 0, has_after_seq: false, after_seq: 0 };

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
      const { message, created } = await sends.run(() => service.send(identity, sendCommandOf(request)));
      return { message: messageToProto(message), created };
    }),
    SendMessages: unary(logger, async (request, context) => {
      assertBatchCaller(context);
      const answers = await answerEach(
        request.items,
        (identity, item) => sends.run(() => service.send(identity, sendCommandOf(item.request ?? EMPTY_SEND))),
        ({ message, created }) => ({ message: messageToProto(message), created }),
        logger,
        'SendMessages',
      );
      return { outcomes: answers.map((a) => ('value' in a ? { sent: a.value } : { error: a.error })) };
    }),
    MarkManyAsRead: unary(logger, async (request, context) => {
      assertBatchCaller(context);
      const answers = await answerEach(
        request.items,
        (identity, item) => receipts.markAsRead(identity, markCommandOf(item.request ?? EMPTY_MARK)),
        (read) => ({ message_ids: read.message_ids }),
        logger,
        'MarkManyAsRead',
      );
      return { outcomes: answers.map((a) => ('value' in a ? { read: a.value } : { error: a.error })) };
    }),
    ListMessages: unary(logger, async (request, { identity }) => pageToProto(await service.list(identity, listCommandOf(request)))),
    ListMessagesMany: unary(logger, async (request, context) => {
      assertBatchCaller(context);
      const answers = await answerEach(request.items, (identity, item) => service.list(identity, listCommandOf(item.request ?? EMPTY_LIST)), pageToProto, logger, 'ListMessagesMany');
      return { outcomes: answers.map((a) => ('value' in a ? { page: a.value } : { error: a.error })) };
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
      const read = await receipts.markAsRead(identity, markCommandOf(request));
      return { message_ids: read.message_ids };
    }),
    ListAnsweredSessions: unary(logger, async (request, { identity }) => ({
      session_ids: await answers.answered(identity, request.checks.map((c) => ({ ...c }))),
    })),
  };
}
