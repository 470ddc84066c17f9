import { randomUUID } from 'node:crypto';
import { FakeAttachmentDirectory } from '../testing/fake-attachment.directory';
import { FakeMessageRepository } from '../testing/fake-message.repository';
import { FakeSessionDirectory } from '../testing/fake-session.directory';
import { ana, cleo, dan } from '../testing/identities';
import { createMessageService } from './message.service';

function setup() {
  const messages = new FakeMessageRepository();
  const sessions = new FakeSessionDirectory();
  const attachments = new FakeAttachmentDirectory();
  const session = sessions.add({ customer_id: cleo.userId });
  return { messages, sessions, attachments, session, service: createMessageService({ messages, sessions, attachments }) };
}

describe('message service: sending attachments', () => {
  it('stores an image message with a snapshot of its attachments, in the message and its event', async () => {
    const { messages, attachments, session, service } = setup();
    const photo = attachments.add(cleo, 'image/jpeg');
    const { message } = await service.send(cleo, { session_id: session.id, content: 'Wrong order', message_type: 'image', attachment_ids: [photo.id] });
    expect(message).toMatchObject({ message_type: 'image', attachments: [photo] });
    expect(messages.events[0].data).toEqual({ message });
    expect(attachments.uploads.get(photo.id)?.session).toBe(session.id);
  });

  it('sends files without a caption, and keeps their order', async () => {
    const { attachments, session, service } = setup();
    const files = [attachments.add(ana, 'application/pdf'), attachments.add(ana, 'text/plain')];
    const { message } = await service.send(ana, { session_id: session.id, content: '', message_type: 'file', attachment_ids: files.map((f) => f.id) });
    expect(message.content).toBe('');
    expect(message.attachments.map((a) => a.id)).toEqual(files.map((f) => f.id));
  });

  it.each<[string, (s: ReturnType<typeof setup>) => Record<string, unknown>, string]>([
    ['an image message without attachments', () => ({ message_type: 'image' }), 'INVALID_ARGUMENT'],
    ['a file message with an empty list', () => ({ message_type: 'file', attachment_ids: [] }), 'INVALID_ARGUMENT'],
    ['an image message with a PDF', (s) => ({ message_type: 'image', attachment_ids: [s.attachments.add(cleo, 'application/pdf').id] }), 'INVALID_ARGUMENT'],
    ['an id that is not a UUID', () => ({ attachment_ids: ['photo-1'] }), 'INVALID_ARGUMENT'],
    ['six attachments', (s) => ({ attachment_ids: Array.from({ length: 6 }, () => s.attachments.add(cleo).id) }), 'INVALID_ARGUMENT'],
    ['no content and no files', () => ({ content: '' }), 'INVALID_ARGUMENT'],
    ["someone else's upload", (s) => ({ attachment_ids: [s.attachments.add(dan).id] }), 'NOT_FOUND'],
    ['an unknown upload', () => ({ attachment_ids: [randomUUID()] }), 'NOT_FOUND'],
  ])('refuses %s with %s, storing nothing', async (_label, change, code) => {
    const s = setup();
    await expect(s.service.send(cleo, { session_id: s.session.id, content: 'See this', ...change(s) })).rejects.toMatchObject({ code });
    expect(s.messages.messages).toEqual([]);
    expect(s.messages.events).toEqual([]);
  });

  it('refuses an upload already sent in another chat with FAILED_PRECONDITION', async () => {
    const { sessions, attachments, session, service, messages } = setup();
    const other = sessions.add({ customer_id: cleo.userId });
    const photo = attachments.add(cleo);
    await service.send(cleo, { session_id: other.id, content: 'here', attachment_ids: [photo.id] });
    await expect(service.send(cleo, { session_id: session.id, content: 'again', attachment_ids: [photo.id] })).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(messages.messages).toHaveLength(1);
  });

  it('does not reserve uploads for a closed session', async () => {
    const { sessions, attachments, service } = setup();
    const closed = sessions.add({ customer_id: cleo.userId, status: 'closed' });
    const photo = attachments.add(cleo);
    await expect(service.send(cleo, { session_id: closed.id, content: 'x', attachment_ids: [photo.id] })).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(attachments.uploads.get(photo.id)?.session).toBeNull();
  });

  it('answers a resend of a temp_id with the stored message without claiming again', async () => {
    const { attachments, session, service, messages } = setup();
    const photo = attachments.add(cleo);
    const first = await service.send(cleo, { session_id: session.id, content: 'x', temp_id: 't-1', attachment_ids: [photo.id] });
    attachments.uploads.delete(photo.id);
    const again = await service.send(cleo, { session_id: session.id, content: 'x', temp_id: 't-1', attachment_ids: [photo.id] });
    expect(again).toEqual({ message: first.message, created: false });
    expect(messages.messages).toHaveLength(1);
  });
});
