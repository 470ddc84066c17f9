import { randomUUID } from 'node:crypto';
import type { Identity } from '@parley/contracts';
import type { MessageClient } from '@parley/grpc';
import { eventually } from '@parley/testing';
import { ana, cleo, dan, gatewayService, root } from '../testing/identities';
import { startMessageHarness, type MessageHarness } from '../testing/message-harness';

jest.setTimeout(30_000);

const as = (identity: Identity) => ({ identity });

describe('message service over gRPC', () => {
  let harness: MessageHarness;
  let messages: MessageClient;

  beforeAll(async () => {
    harness = await startMessageHarness();
    messages = harness.messages;
  });
  afterAll(() => harness.stop());

  const openSession = async (owner: Identity = cleo) => (await harness.sessions.createSession({ subject: 'Order #42 is late' }, as(owner))).id;

  describe('SendMessage', () => {
    it('stores messages with increasing seqs and answers a resent temp_id with the stored one', async () => {
      const sessionId = await openSession();
      const first = await messages.sendMessage({ session_id: sessionId, content: 'Where is my order?', temp_id: 'c-1' }, as(cleo));
      const reply = await messages.sendMessage({ session_id: sessionId, content: 'Checking now' }, as(root));
      const resent = await messages.sendMessage({ session_id: sessionId, content: 'Where is my order?', temp_id: 'c-1' }, as(cleo));

      expect(first).toMatchObject({ created: true, message: { seq: 1, temp_id: 'c-1', sender_id: cleo.userId, sender_name: 'Cleo', message_type: 'text' } });
      expect(reply).toMatchObject({ created: true, message: { seq: 2, temp_id: '', sender_role: 'admin' } });
      expect(resent).toEqual({ created: false, message: first.message });
    });

    it.each([
      ['empty content', { content: '' }, /content/],
      ['content over 5000 characters', { content: 'x'.repeat(5001) }, /content/],
      ['an unknown message_type', { message_type: 'video' }, /message_type/],
      ['a temp_id over 128 characters', { temp_id: 't'.repeat(129) }, /temp_id/],
      ['an image without attachments', { message_type: 'image' }, /attachments/],
      ['a NUL character in the content', { content: 'a\u0000b' }, /content must not contain NUL/],
    ])('refuses %s with INVALID_ARGUMENT', async (_label, change, message) => {
      const sessionId = await openSession();
      await expect(messages.sendMessage({ session_id: sessionId, content: 'Hello', ...change }, as(cleo))).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(message),
      });
    });

    it('refuses a session_id that is not a UUID, a session that does not exist and one the caller may not see', async () => {
      const sessionId = await openSession(cleo);
      await expect(messages.sendMessage({ session_id: 'abc', content: 'Hi' }, as(cleo))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'session_id must be a UUID' });
      await expect(messages.sendMessage({ session_id: randomUUID(), content: 'Hi' }, as(cleo))).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Session not found' });
      await expect(messages.sendMessage({ session_id: sessionId, content: 'Hi' }, as(dan))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    });

    it('refuses a service identity with PERMISSION_DENIED', async () => {
      const sessionId = await openSession();
      await expect(messages.sendMessage({ session_id: sessionId, content: 'Hi' }, as(gatewayService))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    });

    it('refuses a new message to a closed session with FAILED_PRECONDITION, and still answers a resend', async () => {
      const sessionId = await openSession();
      const sent = await messages.sendMessage({ session_id: sessionId, content: 'Thanks!', temp_id: 'c-bye' }, as(cleo));
      // Closed as an agent closes it: the session service announces it, and the message service hears it.
      await harness.sessions.acceptSession(sessionId, as(ana));
      await harness.sessions.updateStatus({ session_id: sessionId, status: 'resolved' }, as(ana));
      await harness.sessions.updateStatus({ session_id: sessionId, status: 'closed' }, as(ana));
      await eventually(async () => expect((await messages.listMessages({ session_id: sessionId }, as(cleo))).messages.at(-1)?.content).toBe('Ana closed the chat'));

      await expect(messages.sendMessage({ session_id: sessionId, content: 'One more thing', temp_id: 'c-late' }, as(cleo))).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
      });
      await expect(messages.sendMessage({ session_id: sessionId, content: 'Thanks!', temp_id: 'c-bye' }, as(cleo))).resolves.toEqual({
        created: false,
        message: sent.message,
      });
    });

    it('stores one message when a client fires the same temp_id at once', async () => {
      const sessionId = await openSession();
      const results = await Promise.all(
        Array.from({ length: 8 }, () => messages.sendMessage({ session_id: sessionId, content: 'double tap', temp_id: 'tap' }, as(cleo))),
      );
      expect(new Set(results.map((r) => r.message?.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect((await messages.listMessages({ session_id: sessionId }, as(cleo))).messages).toHaveLength(1);
    });
  });

  describe('ListMessages', () => {
    let sessionId: string;

    beforeAll(async () => {
      sessionId = await openSession();
      for (let i = 1; i <= 5; i++) await messages.sendMessage({ session_id: sessionId, content: `message ${i}` }, as(i % 2 ? cleo : root));
    });

    const seqs = (page: { messages: { seq: number }[] }) => page.messages.map((m) => m.seq);

    it('pages back from the newest, oldest first, saying whether older ones remain', async () => {
      const newest = await messages.listMessages({ session_id: sessionId, limit: 2 }, as(cleo));
      expect(seqs(newest)).toEqual([4, 5]);
      expect(newest).toMatchObject({ has_more: true, last_seq: 5 });
      const oldest = await messages.listMessages({ session_id: sessionId, limit: 2, offset: 4 }, as(cleo));
      expect(seqs(oldest)).toEqual([1]);
      expect(oldest.has_more).toBe(false);
      expect(seqs(await messages.listMessages({ session_id: sessionId }, as(ana)))).toEqual([1, 2, 3, 4, 5]);
    });

    it('catches up after a seq, including after seq 0', async () => {
      const fromStart = await messages.listMessages({ session_id: sessionId, has_after_seq: true, after_seq: 0, limit: 3 }, as(cleo));
      expect(seqs(fromStart)).toEqual([1, 2, 3]);
      expect(fromStart.has_more).toBe(true);
      const rest = await messages.listMessages({ session_id: sessionId, has_after_seq: true, after_seq: 3, limit: 3 }, as(cleo));
      expect(seqs(rest)).toEqual([4, 5]);
      expect(rest).toMatchObject({ has_more: false, last_seq: 5 });
    });

    it('refuses a bad limit with INVALID_ARGUMENT and a stranger with PERMISSION_DENIED', async () => {
      await expect(messages.listMessages({ session_id: sessionId, limit: -1 }, as(cleo))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(messages.listMessages({ session_id: sessionId, limit: 201 }, as(cleo))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'limit must be at most 200' });
      await expect(messages.listMessages({ session_id: sessionId }, as(dan))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    });
  });

  describe('GetSessionSummaries', () => {
    it("gives the caller's unread count and the last message, and refuses a stranger", async () => {
      const sessionId = await openSession(cleo);
      const empty = await openSession(cleo);
      await messages.sendMessage({ session_id: sessionId, content: 'Hello' }, as(cleo));
      await messages.sendMessage({ session_id: sessionId, content: 'Hi Cleo' }, as(root));
      await messages.sendMessage({ session_id: sessionId, content: 'Any news?' }, as(root));

      const { summaries } = await messages.getSessionSummaries([sessionId, empty], as(cleo));
      expect(summaries).toEqual([
        expect.objectContaining({ session_id: sessionId, unread_count: 2, has_last_message: true, last_message: expect.objectContaining({ seq: 3, content: 'Any news?' }) }),
        expect.objectContaining({ session_id: empty, unread_count: 0, has_last_message: false, last_message: null }),
      ]);
      // Staff count the requester's messages, not other agents'.
      expect((await messages.getSessionSummaries([sessionId], as(ana))).summaries[0].unread_count).toBe(1);
      const [upper] = (await messages.getSessionSummaries([sessionId.toUpperCase()], as(cleo))).summaries;
      expect(upper).toMatchObject({ session_id: sessionId, unread_count: 2, has_last_message: true });
      await expect(messages.getSessionSummaries([sessionId], as(dan))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    });
  });
});
