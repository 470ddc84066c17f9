import { randomUUID } from 'node:crypto';
import type { AppError } from '@parley/errors';
import { FakeAttachmentDirectory } from '../testing/fake-attachment.directory';
import { FakeMessageRepository } from '../testing/fake-message.repository';
import { FakeReadReceiptRepository } from '../testing/fake-read-receipt.repository';
import { FakeSessionDirectory } from '../testing/fake-session.directory';
import { ana, cleo, dan, gatewayService } from '../testing/identities';
import { createMessageService } from './message.service';
import { createReadReceiptService } from './read-receipt.service';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as AppError).code;
  }
  throw new Error('did not fail');
}

describe('read receipts', () => {
  let messages: FakeMessageRepository;
  let sessions: FakeSessionDirectory;
  let receipts: ReturnType<typeof createReadReceiptService>;
  let chat: ReturnType<typeof createMessageService>;
  let sessionId: string;

  beforeEach(() => {
    messages = new FakeMessageRepository();
    sessions = new FakeSessionDirectory();
    receipts = createReadReceiptService({ receipts: new FakeReadReceiptRepository(messages), sessions });
    chat = createMessageService({ messages, sessions, attachments: new FakeAttachmentDirectory() });
    sessionId = sessions.add().id;
  });

  const send = async (identity = cleo, content = 'Hello') => (await chat.send(identity, { session_id: sessionId, content })).message;
  const readEvents = () => messages.events.filter((e) => e.type === 'messages.read').map((e) => ({ routing_key: e.routing_key, data: e.data }));

  it('marks named messages read, announces them once, and answers the newly read', async () => {
    const first = await send();
    const second = await send();
    expect(await receipts.markAsRead(ana, { session_id: sessionId, message_ids: [first.id] })).toEqual({ session_id: sessionId, user_id: ana.userId, message_ids: [first.id] });
    expect(await receipts.markAsRead(ana, { session_id: sessionId, message_ids: [first.id, second.id] })).toMatchObject({ message_ids: [second.id] });
    expect(await receipts.markAsRead(ana, { session_id: sessionId, message_ids: [first.id] })).toMatchObject({ message_ids: [] });
    expect(readEvents()).toEqual([
      { routing_key: `session.${sessionId}.messages.read`, data: { session_id: sessionId, user_id: ana.userId, message_ids: [first.id] } },
      { routing_key: `session.${sessionId}.messages.read`, data: { session_id: sessionId, user_id: ana.userId, message_ids: [second.id] } },
    ]);
    expect((await chat.summaries(ana, [sessionId]))[0].unread_count).toBe(0);
  });

  it("marks everything of the other side up to now, skipping one's own messages", async () => {
    const question = await send(cleo, 'Where is it?');
    const reply = await send(ana, 'Checking');
    expect((await chat.summaries(cleo, [sessionId]))[0].unread_count).toBe(1);
    expect(await receipts.markAsRead(cleo, { session_id: sessionId })).toMatchObject({ message_ids: [reply.id] });
    expect((await chat.summaries(cleo, [sessionId]))[0].unread_count).toBe(0);
    expect(question.read_by).toEqual([]);
    expect(await receipts.markAsRead(cleo, { session_id: sessionId, message_ids: null })).toMatchObject({ message_ids: [] });
    expect(readEvents()).toHaveLength(1);
  });

  it('refuses what it cannot do and changes nothing', async () => {
    const mine = await send(cleo);
    const theirs = await send(ana);
    const elsewhere = sessions.add();
    const foreign = (await chat.send(cleo, { session_id: elsewhere.id, content: 'Other' })).message;
    const cases: Array<[string, Promise<unknown>, string]> = [
      ['no session id', receipts.markAsRead(ana, {}), 'INVALID_ARGUMENT'],
      ['a bad session id', receipts.markAsRead(ana, { session_id: 'nope' }), 'INVALID_ARGUMENT'],
      ['an empty id list', receipts.markAsRead(ana, { session_id: sessionId, message_ids: [] }), 'INVALID_ARGUMENT'],
      ['a bad message id', receipts.markAsRead(ana, { session_id: sessionId, message_ids: ['x'] }), 'INVALID_ARGUMENT'],
      ['too many ids', receipts.markAsRead(ana, { session_id: sessionId, message_ids: Array.from({ length: 501 }, () => randomUUID()) }), 'INVALID_ARGUMENT'],
      ['an unknown field', receipts.markAsRead(ana, { session_id: sessionId, all: true }), 'INVALID_ARGUMENT'],
      ['a message of another session', receipts.markAsRead(ana, { session_id: sessionId, message_ids: [theirs.id, foreign.id] }), 'NOT_FOUND'],
      ["one's own message", receipts.markAsRead(cleo, { session_id: sessionId, message_ids: [theirs.id, mine.id] }), 'INVALID_ARGUMENT'],
      ["someone else's session", receipts.markAsRead(dan, { session_id: sessionId }), 'PERMISSION_DENIED'],
      ['an unknown session', receipts.markAsRead(ana, { session_id: randomUUID() }), 'NOT_FOUND'],
      ['a service', receipts.markAsRead(gatewayService, { session_id: sessionId }), 'PERMISSION_DENIED'],
    ];
    for (const [label, call, code] of cases) expect({ label, code: await codeOf(call) }).toEqual({ label, code });
    expect(messages.messages.flatMap((m) => m.read_by)).toEqual([]);
    expect(readEvents()).toEqual([]);
  });
});
