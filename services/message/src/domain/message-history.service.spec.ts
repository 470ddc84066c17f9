import { randomUUID } from 'node:crypto';
import type { ChatSession } from '@parley/contracts';
import { FakeMessageRepository } from '../testing/fake-message.repository';
import { FakeAttachmentDirectory } from '../testing/fake-attachment.directory';
import { FakeSessionDirectory } from '../testing/fake-session.directory';
import { ana, cleo, dan, gatewayService, root } from '../testing/identities';
import { createMessageService, type ListCommand } from './message.service';

function setup() {
  const messages = new FakeMessageRepository();
  const sessions = new FakeSessionDirectory();
  const service = createMessageService({ messages, sessions, attachments: new FakeAttachmentDirectory() });
  /** `count` messages, alternating customer and agent, so seqs run 1..count. */
  async function conversation(session: ChatSession, count: number) {
    for (let i = 1; i <= count; i++) await service.send(i % 2 ? cleo : ana, { session_id: session.id, content: `message ${i}` });
  }
  return { messages, sessions, service, conversation };
}

const seqs = (page: { messages: { seq: number }[] }) => page.messages.map((m) => m.seq);

describe('message service: list', () => {
  it('returns the newest page oldest first, 50 by default', async () => {
    const { sessions, service, conversation } = setup();
    const session = sessions.add({ customer_id: cleo.userId });
    await conversation(session, 3);

    const page = await service.list(cleo, { session_id: session.id });
    expect(page.messages.map((m) => m.content)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(page).toMatchObject({ has_more: false, last_seq: 3 });
  });

  it.each<[number, number, number[], boolean]>([
    [2, 0, [4, 5], true],
    [2, 2, [2, 3], true],
    [2, 3, [1, 2], false],
    [2, 4, [1], false],
    [5, 0, [1, 2, 3, 4, 5], false],
    [4, 1, [1, 2, 3, 4], false],
    [2, 5, [], false],
  ])('pages back from the newest (limit %i, offset %i): seqs %j, has_more %s', async (limit, offset, expected, hasMore) => {
    const { sessions, service, conversation } = setup();
    const session = sessions.add({ customer_id: cleo.userId });
    await conversation(session, 5);
    const page = await service.list(cleo, { session_id: session.id, limit, offset });
    expect(seqs(page)).toEqual(expected);
    expect(page).toMatchObject({ has_more: hasMore, last_seq: 5 });
  });

  it.each<[number, number, number[], boolean]>([
    [0, 2, [1, 2], true],
    [1, 2, [2, 3], true],
    [3, 2, [4, 5], false],
    [2, 3, [3, 4, 5], false],
    [5, 2, [], false],
  ])('catches up after seq %i (limit %i): seqs %j, has_more %s', async (afterSeq, limit, expected, hasMore) => {
    const { sessions, service, conversation } = setup();
    const session = sessions.add({ customer_id: cleo.userId });
    await conversation(session, 5);
    const page = await service.list(cleo, { session_id: session.id, after_seq: afterSeq, limit });
    expect(seqs(page)).toEqual(expected);
    expect(page).toMatchObject({ has_more: hasMore, last_seq: 5 });
  });

  it('keeps sessions apart', async () => {
    const { sessions, service, conversation } = setup();
    const one = sessions.add({ customer_id: cleo.userId });
    const two = sessions.add({ customer_id: cleo.userId });
    await conversation(one, 3);
    expect(await service.list(cleo, { session_id: two.id })).toEqual({ messages: [], has_more: false, last_seq: 0 });
  });

  it.each<[string, Partial<ListCommand>, string]>([
    ['a limit of zero', { limit: 0 }, 'limit'],
    ['a history page over 200', { limit: 201 }, 'limit'],
    ['a catch-up over 1000', { limit: 1001, after_seq: 0 }, 'limit'],
    ['a negative offset', { offset: -1 }, 'offset'],
    ['a negative after_seq', { after_seq: -1 }, 'after_seq'],
    ['a fractional limit', { limit: 1.5 }, 'limit'],
    ['a session_id that is not a UUID', { session_id: 'abc' }, 'session_id'],
  ])('refuses %s with INVALID_ARGUMENT', async (_label, change, field) => {
    const { sessions, service } = setup();
    const session = sessions.add({ customer_id: cleo.userId });
    await expect(service.list(cleo, { session_id: session.id, ...change })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field } });
  });

  it('lets a catch-up ask for up to 1000 messages', async () => {
    const { sessions, service, conversation } = setup();
    const session = sessions.add({ customer_id: cleo.userId });
    await conversation(session, 2);
    expect(seqs(await service.list(cleo, { session_id: session.id, after_seq: 0, limit: 1000 }))).toEqual([1, 2]);
  });

  it("refuses another customer's history with PERMISSION_DENIED and an unknown session with NOT_FOUND", async () => {
    const { sessions, service, conversation } = setup();
    const session = sessions.add({ customer_id: cleo.userId });
    await conversation(session, 2);
    await expect(service.list(dan, { session_id: session.id })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(service.list(cleo, { session_id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('message service: summaries', () => {
  it("gives each session the caller's unread count and last message", async () => {
    const { sessions, service, conversation } = setup();
    const busy = sessions.add({ customer_id: cleo.userId });
    const quiet = sessions.add({ customer_id: cleo.userId });
    await conversation(busy, 4); // cleo 1, ana 2, cleo 3, ana 4

    const forCleo = await service.summaries(cleo, [busy.id, quiet.id]);
    expect(forCleo).toEqual([
      { session_id: busy.id, unread_count: 1, last_message: expect.objectContaining({ seq: 4, content: 'message 4' }) },
      { session_id: quiet.id, unread_count: 0, last_message: null },
    ]);
    // Ana's own last message moved her cursor; Root has read nothing, and counts only Cleo's two
    // (an agent is not notified of another agent's replies).
    expect((await service.summaries(ana, [busy.id]))[0].unread_count).toBe(0);
    expect((await service.summaries(root, [busy.id]))[0].unread_count).toBe(2);
  });

  it('answers each session once, by its canonical id, however it was spelled', async () => {
    const { sessions, service, conversation } = setup();
    const session = sessions.add({ customer_id: cleo.userId });
    await conversation(session, 2);
    expect(await service.summaries(cleo, [session.id, session.id.toUpperCase()])).toEqual([
      { session_id: session.id, unread_count: 1, last_message: expect.objectContaining({ seq: 2 }) },
    ]);
  });

  it('refuses a requester asking about a session it may not see', async () => {
    const { sessions, service, conversation } = setup();
    const own = sessions.add({ customer_id: dan.userId });
    const other = sessions.add({ customer_id: cleo.userId });
    await conversation(other, 1);
    await expect(service.summaries(dan, [own.id, other.id])).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(service.summaries(dan, [randomUUID()])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([ana, root, gatewayService].map((identity) => [identity.role, identity] as const))(
    'lets the %s role ask about any session without a lookup per session',
    async (_role, identity) => {
      const { sessions, service, conversation } = setup();
      const session = sessions.add({ customer_id: cleo.userId });
      await conversation(session, 1);
      sessions.asked.length = 0;
      expect(await service.summaries(identity, [session.id])).toEqual([
        { session_id: session.id, unread_count: 1, last_message: expect.objectContaining({ seq: 1 }) },
      ]);
      expect(sessions.asked).toEqual([]);
    },
  );

  it('refuses ids that are not UUIDs and more than 200 sessions with INVALID_ARGUMENT', async () => {
    const { service } = setup();
    await expect(service.summaries(ana, ['abc'])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'session_id must be a UUID' });
    const many = Array.from({ length: 201 }, () => randomUUID());
    await expect(service.summaries(ana, many)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
