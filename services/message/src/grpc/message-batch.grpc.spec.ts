import { randomUUID } from 'node:crypto';
import type { Identity } from '@parley/contracts';
import { callerToProto, type MessageClient } from '@parley/grpc';
import { ana, cleo, dan, gatewayService } from '../testing/identities';
import { startMessageHarness, type MessageHarness } from '../testing/message-harness';

jest.setTimeout(30_000);

const as = (identity: Identity) => ({ identity });
const item = <R>(identity: Identity, request: R) => ({ caller: callerToProto({ identity, requestId: `req-${identity.userId}` }), request });

/** The batch RPCs a gateway sends its sockets' calls in: each item for its own caller, each answered on its own. */
describe('message service batch RPCs over gRPC', () => {
  let harness: MessageHarness;
  let messages: MessageClient;
  let sessionId: string;

  beforeAll(async () => {
    harness = await startMessageHarness();
    messages = harness.messages;
  });
  afterAll(() => harness.stop());
  beforeEach(async () => {
    sessionId = (await harness.sessions.createSession({ subject: 'Cold pizza' }, as(cleo))).id;
  });

  describe('SendMessages', () => {
    it("stores each item as its caller's, in order, and fails a bad or forbidden item alone", async () => {
      const { outcomes } = await messages.sendMessages(
        [
          item(cleo, { session_id: sessionId, content: 'one', temp_id: 't-1' }),
          item(cleo, { session_id: sessionId, content: '' }),
          item(dan, { session_id: sessionId, content: 'not mine' }),
          item(cleo, { session_id: sessionId, content: 'two', temp_id: 't-2' }),
          item(cleo, { session_id: sessionId, content: 'one again', temp_id: 't-1' }),
        ],
        as(gatewayService),
      );
      expect(outcomes.map((o) => (o.sent ? [o.sent.message?.content, o.sent.message?.seq, o.sent.created] : o.error?.code))).toEqual([
        ['one', 1, true],
        'INVALID_ARGUMENT',
        'PERMISSION_DENIED',
        ['two', 2, true],
        ['one', 1, false],
      ]);
      expect(outcomes[0].sent?.message?.sender_id).toBe(cleo.userId);
      expect(outcomes[1].error).toMatchObject({ message: expect.stringMatching(/content/), details_json: expect.stringContaining('content') });
    });

    it('refuses a batch from a user (only services send batches) and an item without a valid caller', async () => {
      await expect(messages.sendMessages([item(cleo, { session_id: sessionId, content: 'x' })], as(cleo))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
      const { outcomes } = await messages.sendMessages([{ caller: { user_id: 'u', role: 'root', name: 'x', request_id: '' }, request: { session_id: sessionId, content: 'x' } }], as(gatewayService));
      expect(outcomes[0].error?.code).toBe('UNAUTHENTICATED');
      const stored = await messages.listMessages({ session_id: sessionId, limit: 10 }, as(cleo));
      expect(stored.messages).toEqual([]);
    });
  });

  describe('MarkManyAsRead and ListMessagesMany', () => {
    it('marks and lists for each caller on its own', async () => {
      const question = (await messages.sendMessage({ session_id: sessionId, content: 'Anyone?' }, as(cleo))).message;
      await harness.sessions.acceptSession(sessionId, as(ana));
      const { outcomes: marked } = await messages.markManyAsRead(
        [item(ana, { session_id: sessionId, has_message_ids: true, message_ids: [question?.id ?? ''] }), item(ana, { session_id: sessionId, has_message_ids: true, message_ids: [randomUUID()] })],
        as(gatewayService),
      );
      expect(marked.map((o) => o.read?.message_ids ?? o.error?.code)).toEqual([[question?.id], 'NOT_FOUND']);

      const { outcomes: pages } = await messages.listMessagesMany(
        [
          item(cleo, { session_id: sessionId, limit: 50, has_after_seq: true, after_seq: 0 }),
          item(dan, { session_id: sessionId, limit: 50 }),
          item(ana, { session_id: sessionId, limit: 1 }),
        ],
        as(gatewayService),
      );
      expect(pages[0].page?.messages.map((m) => m.content)).toEqual(['Anyone?', 'Ana accepted the chat']);
      expect(pages[0].page?.messages[0].read_by.map((r) => r.user_id)).toEqual([ana.userId]);
      expect(pages[1].error?.code).toBe('PERMISSION_DENIED');
      expect(pages[2].page).toMatchObject({ has_more: true, last_seq: 2 });
    });
  });
});
