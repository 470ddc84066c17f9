import * as grpc from '@grpc/grpc-js';
import { TEST_INTERNAL_GRPC_TOKEN } from '@parley/testing';
import { routingKeys, type EventEnvelope, type Identity } from '@parley/contracts';
import { messageProto, toMetadata, internalClientOptions } from '@parley/grpc';
import { cleo, root } from '../testing/identities';
import { startMessageHarness, type MessageHarness } from '../testing/message-harness';

jest.setTimeout(30_000);

const as = (identity: Identity) => ({ identity });

/** The service as a plain grpc-js client sees it: status code and details exactly as sent. */
function rawCall(address: string, request: { session_id: string; content: string }, metadata: grpc.Metadata): Promise<grpc.ServiceError | null> {
  const client = new (messageProto().MessageService)(address, grpc.credentials.createInsecure(), internalClientOptions(TEST_INTERNAL_GRPC_TOKEN));
  return new Promise<grpc.ServiceError | null>((resolve) => client.SendMessage(request, metadata, (error) => resolve(error))).finally(() => client.close());
}

describe('message service on the wire', () => {
  let harness: MessageHarness;
  let sessionId: string;

  beforeAll(async () => {
    harness = await startMessageHarness();
    sessionId = (await harness.sessions.createSession({ subject: 'Cold food' }, as(cleo))).id;
  });
  afterAll(() => harness.stop());

  it.each<[string, Identity]>([
    ['no user id', { userId: '', role: 'customer', name: 'Cleo' }],
    ['an unknown role', { userId: cleo.userId, role: 'owner' as Identity['role'], name: 'Cleo' }],
  ])('answers UNAUTHENTICATED for a call with %s', async (_label, identity) => {
    await expect(harness.messages.sendMessage({ session_id: sessionId, content: 'Hi' }, as(identity))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(harness.messages.listMessages({ session_id: sessionId }, as(identity))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers UNAUTHENTICATED for a call without identity metadata', async () => {
    const error = await rawCall(harness.messageAddress, { session_id: sessionId, content: 'Hi' }, new grpc.Metadata());
    expect(error).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
  });

  it('shows an unexpected failure only as INTERNAL "Internal error", never the SQL', async () => {
    await harness.db.knex.raw('alter table chat_messages rename to chat_messages_away');
    try {
      const error = await rawCall(harness.messageAddress, { session_id: sessionId, content: 'Hi' }, toMetadata(as(cleo)));
      expect(error).toMatchObject({ code: grpc.status.INTERNAL, details: 'Internal error' });
      await expect(harness.messages.listMessages({ session_id: sessionId }, as(cleo))).rejects.toMatchObject({ code: 'INTERNAL', message: 'Internal error' });
    } finally {
      await harness.db.knex.raw('alter table chat_messages_away rename to chat_messages');
    }
    await expect(harness.messages.sendMessage({ session_id: sessionId, content: 'Back again' }, as(cleo))).resolves.toMatchObject({ created: true });
  });

  it("delivers message.created to a subscriber bound to the session's room, and only there", async () => {
    // Fresh sessions: no event of an earlier test can still be on its way to these rooms.
    const chatId = (await harness.sessions.createSession({ subject: 'Missing fries' }, as(cleo))).id;
    const other = (await harness.sessions.createSession({ subject: 'Wrong change' }, as(cleo))).id;
    const inRoom: EventEnvelope[] = [];
    const elsewhere: EventEnvelope[] = [];
    const room = await harness.bus.subscribe({ queue: 'gateway-a', exclusive: true, patterns: [routingKeys.sessionPattern(chatId)] }, (e) => void (e.type === 'message.created' && inRoom.push(e)));
    const otherRoom = await harness.bus.subscribe({ queue: 'gateway-b', exclusive: true, patterns: [routingKeys.sessionPattern(other)] }, (e) => void (e.type === 'message.created' && elsewhere.push(e)));
    try {
      const sent = await harness.messages.sendMessage({ session_id: chatId, content: 'Is anyone there?', temp_id: 'c-7' }, as(cleo));
      await waitUntil(() => inRoom.length > 0);

      expect(inRoom).toEqual([
        expect.objectContaining({ type: 'message.created', routing_key: `session.${chatId}.message.created`, data: { message: expect.objectContaining({ id: sent.message?.id, seq: 1, content: 'Is anyone there?', temp_id: 'c-7' }) } }),
      ]);
      // A resend stores nothing new, so nothing new is announced.
      await harness.messages.sendMessage({ session_id: chatId, content: 'Is anyone there?', temp_id: 'c-7' }, as(cleo));
      await harness.messages.sendMessage({ session_id: chatId, content: 'Yes, Ana here' }, as(root));
      await waitUntil(() => inRoom.length > 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(inRoom.map((e) => (e as EventEnvelope<'message.created'>).data.message.content)).toEqual(['Is anyone there?', 'Yes, Ana here']);
      expect(elsewhere).toEqual([]);
    } finally {
      await room.close();
      await otherRoom.close();
    }
  });

  it('stamps the event with the request id the call came with', async () => {
    const chatId = (await harness.sessions.createSession({ subject: 'Traced' }, as(cleo))).id;
    const seen: EventEnvelope[] = [];
    const room = await harness.bus.subscribe({ queue: 'gateway-traced', exclusive: true, patterns: [routingKeys.sessionPattern(chatId)] }, (e) => void (e.type === 'message.created' && seen.push(e)));
    try {
      await harness.messages.sendMessage({ session_id: chatId, content: 'Where is it?' }, { identity: cleo, requestId: 'req-trace-42' });
      await waitUntil(() => seen.length > 0);
      expect(seen[0].request_id).toBe('req-trace-42');
    } finally {
      await room.close();
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
