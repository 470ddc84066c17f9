import type { Identity } from '@parley/contracts';
import { FakeAttachmentDirectory } from '../testing/fake-attachment.directory';
import { FakeMessageRepository } from '../testing/fake-message.repository';
import { FakeReadReceiptRepository } from '../testing/fake-read-receipt.repository';
import { FakeSessionDirectory } from '../testing/fake-session.directory';
import { ana, cleo, gatewayService, pizzeria, root } from '../testing/identities';
import { createMessageService } from './message.service';
import { createReadReceiptService } from './read-receipt.service';

/** A chat of cleo's with ana: question (1), note (2), reply (3), note (4). */
async function setup() {
  const messages = new FakeMessageRepository();
  const sessions = new FakeSessionDirectory();
  const attachments = new FakeAttachmentDirectory();
  const chat = createMessageService({ messages, sessions, attachments });
  const receipts = createReadReceiptService({ receipts: new FakeReadReceiptRepository(messages), sessions });
  const session = sessions.add({ customer_id: cleo.userId, agent_id: ana.userId });
  const send = async (who: Identity, content: string, message_type = 'text') => (await chat.send(who, { session_id: session.id, content, message_type })).message;
  const question = await send(cleo, 'Where is my order?');
  const note = await send(ana, 'Courier is late again, ask ops', 'note');
  const reply = await send(ana, 'Checking with the courier');
  const lastNote = await send(root, 'Refund if over an hour', 'note');
  return { messages, sessions, attachments, chat, receipts, session, send, question, note, reply, lastNote };
}

const contents = (page: { messages: { content: string }[] }) => page.messages.map((m) => m.content);

describe('private notes in the message service', () => {
  it('stores a staff note as a message of its own type, with its event, counted in the seqs', async () => {
    const { messages, note, lastNote } = await setup();
    expect(note).toMatchObject({ seq: 2, message_type: 'note', sender_role: 'support' });
    expect(lastNote).toMatchObject({ seq: 4, message_type: 'note', sender_role: 'admin' });
    expect(messages.events.filter((e) => e.type === 'message.created')).toHaveLength(4);
  });

  it.each([cleo, pizzeria])("refuses a %s's note with PERMISSION_DENIED and stores nothing", async (who) => {
    const messages = new FakeMessageRepository();
    const sessions = new FakeSessionDirectory();
    const session = sessions.add({ customer_id: who.userId, customer_role: who.role as 'customer' | 'restaurant' });
    const chat = createMessageService({ messages, sessions, attachments: new FakeAttachmentDirectory() });
    await expect(chat.send(who, { session_id: session.id, content: 'psst', message_type: 'note' })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      message: 'Only support agents and admins write private notes',
    });
    expect(messages.messages).toEqual([]);
    expect(messages.events).toEqual([]);
  });

  it('refuses a note with attachments (text only) and claims nothing', async () => {
    const { chat, session, attachments, messages } = await setup();
    const file = attachments.add(ana);
    await expect(chat.send(ana, { session_id: session.id, content: 'see file', message_type: 'note', attachment_ids: [file.id] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'attachment_ids' },
    });
    expect(attachments.uploads.get(file.id)?.session).toBeNull();
    expect(messages.messages).toHaveLength(4);
  });

  it("leaves notes out of a requester's pages and catch-up, keeping last_seq and has_more true to what they see", async () => {
    const { chat, session } = await setup();
    expect(contents(await chat.list(cleo, { session_id: session.id }))).toEqual(['Where is my order?', 'Checking with the courier']);
    expect(await chat.list(cleo, { session_id: session.id, limit: 2 })).toMatchObject({ has_more: false, last_seq: 4 });
    expect(await chat.list(cleo, { session_id: session.id, limit: 1 })).toMatchObject({ has_more: true, messages: [{ seq: 3 }] });
    expect(contents(await chat.list(cleo, { session_id: session.id, after_seq: 1 }))).toEqual(['Checking with the courier']);
    expect((await chat.list(cleo, { session_id: session.id, after_seq: 3 })).messages).toEqual([]);
  });

  it.each([ana, root, gatewayService])('shows notes to %s: pages, catch-up', async (who) => {
    const { chat, session } = await setup();
    expect((await chat.list(who, { session_id: session.id })).messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect((await chat.list(who, { session_id: session.id, after_seq: 3 })).messages.map((m) => m.message_type)).toEqual(['note']);
  });

  it('gives a requester the last message they can see, and counts no note as unread on either side', async () => {
    const { chat, session, send } = await setup();
    expect(await chat.summaries(cleo, [session.id])).toEqual([{ session_id: session.id, unread_count: 1, last_message: expect.objectContaining({ seq: 3 }) }]);
    expect((await chat.summaries(ana, [session.id]))[0].last_message).toMatchObject({ seq: 4, message_type: 'note' });
    // A colleague's note is nothing an agent must answer.
    expect((await chat.summaries(ana, [session.id]))[0].unread_count).toBe(0);
    await send(root, 'One more thing', 'note');
    expect((await chat.summaries(cleo, [session.id]))[0].unread_count).toBe(1);
  });

  it('lets a requester neither name nor mark a note read; staff mark them', async () => {
    const { receipts, session, note, reply, lastNote, chat } = await setup();
    await expect(receipts.markAsRead(cleo, { session_id: session.id, message_ids: [note.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await receipts.markAsRead(cleo, { session_id: session.id })).toMatchObject({ message_ids: [reply.id] });
    expect((await chat.list(ana, { session_id: session.id })).messages.find((m) => m.id === note.id)?.read_by).toEqual([]);
    expect(await receipts.markAsRead(ana, { session_id: session.id, message_ids: [lastNote.id] })).toMatchObject({ message_ids: [lastNote.id] });
  });
});
