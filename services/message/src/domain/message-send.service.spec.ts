import { randomUUID } from 'node:crypto';
import { FakeMessageRepository } from '../testing/fake-message.repository';
import { FakeAttachmentDirectory } from '../testing/fake-attachment.directory';
import { CachedSessionDirectory } from '@parley/session-directory';
import { FakeSessionDirectory } from '../testing/fake-session.directory';
import { ana, cleo, dan, gatewayService } from '../testing/identities';
import { createMessageService, type SendCommand } from './message.service';

function setup() {
  const messages = new FakeMessageRepository();
  const sessions = new FakeSessionDirectory();
  const session = sessions.add({ customer_id: cleo.userId });
  return { messages, sessions, session, service: createMessageService({ messages, sessions, attachments: new FakeAttachmentDirectory() }) };
}

describe('message service: send', () => {
  it('stores a text message with the next seq and a message.created event for the session room', async () => {
    const { messages, session, service } = setup();
    const first = await service.send(cleo, { session_id: session.id, content: '  Where is my order?  ', temp_id: 't-1' });
    const second = await service.send(ana, { session_id: session.id, content: 'Checking now', message_type: 'text' });

    expect(first).toEqual({ created: true, message: expect.objectContaining({ seq: 1, content: 'Where is my order?', temp_id: 't-1', sender_id: cleo.userId, sender_role: 'customer', sender_name: 'Cleo', message_type: 'text' }) });
    expect(second).toEqual({ created: true, message: expect.objectContaining({ seq: 2, temp_id: null, sender_role: 'support' }) });
    expect(messages.events).toEqual([
      expect.objectContaining({ type: 'message.created', routing_key: `session.${session.id}.message.created`, data: { message: first.message } }),
      expect.objectContaining({ type: 'message.created', routing_key: `session.${session.id}.message.created`, data: { message: second.message } }),
    ]);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['empty content', { content: '' }, 'content', /content must not be empty/],
    ['blank content', { content: ' \n ' }, 'content', /content must not be empty/],
    ['content over 5000 characters', { content: 'x'.repeat(5001) }, 'content', /content must be at most 5000 characters/],
    ['content that is not a string', { content: 42 }, 'content', /content must be a string/],
    ['an unknown message_type', { message_type: 'video' }, 'message_type', /message_type/],
    ['a system message from a user', { message_type: 'system' }, 'message_type', /message_type/],
    ['a temp_id over 128 characters', { temp_id: 't'.repeat(129) }, 'temp_id', /temp_id/],
    ['a session_id that is not a UUID', { session_id: 'session-1' }, 'session_id', /session_id must be a UUID/],
    ['a NUL character in the content', { content: 'pay\u0000load' }, 'content', /content must not contain NUL characters/],
    ['a NUL character in the temp_id', { temp_id: 't\u0000' }, 'temp_id', /temp_id must not contain NUL characters/],
  ])('refuses %s with INVALID_ARGUMENT naming the field, storing nothing', async (_label, change, field, message) => {
    const { messages, session, service } = setup();
    const command = { session_id: session.id, content: 'Hello', ...change } as SendCommand;
    await expect(service.send(cleo, command)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(message), details: { field } });
    expect(messages.messages).toEqual([]);
    expect(messages.events).toEqual([]);
  });

  it('refuses an unknown field by name', async () => {
    const { session, service } = setup();
    const command = { session_id: session.id, content: 'Hello', urgent: true } as SendCommand;
    await expect(service.send(cleo, command)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'Unknown field: urgent' });
  });

  it.each(['image', 'file'])('refuses an %s message without attachments with INVALID_ARGUMENT', async (type) => {
    const { messages, session, service } = setup();
    await expect(service.send(cleo, { session_id: session.id, content: 'See this', message_type: type })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/attachments/),
    });
    expect(messages.messages).toEqual([]);
  });

  it('refuses a message to a closed session with FAILED_PRECONDITION', async () => {
    const { messages, sessions, service } = setup();
    const closed = sessions.add({ customer_id: cleo.userId, status: 'closed' });
    await expect(service.send(cleo, { session_id: closed.id, content: 'Hello?', temp_id: 't-9' })).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(messages.messages).toEqual([]);
  });

  it.each(['waiting', 'active', 'resolved'] as const)('accepts a message to a %s session', async (status) => {
    const { sessions, service } = setup();
    const open = sessions.add({ customer_id: cleo.userId, status });
    await expect(service.send(cleo, { session_id: open.id, content: 'Hello' })).resolves.toMatchObject({ created: true });
  });

  it('answers a resend of a stored temp_id with the stored message and created=false, even after the session closed', async () => {
    const { messages, sessions, session, service } = setup();
    const original = await service.send(cleo, { session_id: session.id, content: 'Hello', temp_id: 't-1' });

    const retry = await service.send(cleo, { session_id: session.id, content: 'Hello', temp_id: 't-1' });
    expect(retry).toEqual({ message: original.message, created: false });

    sessions.sessions.set(session.id, { ...session, status: 'closed' });
    const lateRetry = await service.send(cleo, { session_id: session.id, content: 'Hello', temp_id: 't-1' });
    expect(lateRetry).toEqual({ message: original.message, created: false });

    expect(messages.messages).toHaveLength(1);
    expect(messages.events).toHaveLength(1);
  });

  it("keeps temp_ids per sender: another sender's same temp_id is a new message", async () => {
    const { session, service } = setup();
    const mine = await service.send(cleo, { session_id: session.id, content: 'Hello', temp_id: 'temp-1' });
    const theirs = await service.send(ana, { session_id: session.id, content: 'Hi', temp_id: 'temp-1' });
    expect(theirs.created).toBe(true);
    expect(theirs.message.id).not.toBe(mine.message.id);
  });

  it('refuses a service identity with PERMISSION_DENIED', async () => {
    const { messages, session, service } = setup();
    await expect(service.send(gatewayService, { session_id: session.id, content: 'Hello' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(messages.messages).toEqual([]);
  });

  it("refuses a message to another customer's session with PERMISSION_DENIED", async () => {
    const { messages, session, service } = setup();
    await expect(service.send(dan, { session_id: session.id, content: 'Hello' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(messages.messages).toEqual([]);
  });

  it('answers NOT_FOUND for a session that does not exist', async () => {
    const { service } = setup();
    await expect(service.send(cleo, { session_id: randomUUID(), content: 'Hello' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('asks the session service as the caller', async () => {
    const { sessions, session, service } = setup();
    await service.send(cleo, { session_id: session.id, content: 'Hello' });
    expect(sessions.asked).toEqual([{ identity: cleo, sessionId: session.id }]);
  });
});

describe('message service: send with cached session answers', () => {
  function cachedSetup() {
    const messages = new FakeMessageRepository();
    const source = new FakeSessionDirectory();
    const sessions = new CachedSessionDirectory(source, { ttlMs: 60_000, maxSessions: 100 });
    const service = createMessageService({ messages, sessions, attachments: new FakeAttachmentDirectory() });
    return { messages, source, sessions, service };
  }

  it('lets an agent reply right after accepting, though the cached answer still says waiting', async () => {
    const { messages, source, sessions, service } = cachedSetup();
    const session = source.add({ customer_id: cleo.userId, status: 'waiting', agent_id: null, agent_name: null, accepted_at: null });
    await sessions.get(ana, session.id); // the agent previewed the chat: cached as waiting
    source.sessions.set(session.id, { ...session, status: 'active', agent_id: ana.userId, agent_name: ana.name });

    await expect(service.send(ana, { session_id: session.id, content: 'Hi, I am on it' })).resolves.toMatchObject({ created: true });
    expect(messages.messages).toHaveLength(1);
  });

  it('still refuses when the session service says so now, and stores nothing', async () => {
    const { messages, source, sessions, service } = cachedSetup();
    const session = source.add({ customer_id: cleo.userId });
    await sessions.get(cleo, session.id);
    source.sessions.set(session.id, { ...session, status: 'closed' });
    sessions.forget(session.id);

    await expect(service.send(cleo, { session_id: session.id, content: 'hello?' })).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await expect(service.send(ana, { session_id: session.id, content: 'bye' })).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(messages.messages).toHaveLength(0);
  });
});
