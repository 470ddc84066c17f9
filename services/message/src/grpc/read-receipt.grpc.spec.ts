import { randomUUID } from 'node:crypto';
import type { EventEnvelope, Identity } from '@parley/contracts';
import type { AppError } from '@parley/errors';
import { eventually } from '@parley/testing';
import { ana, cleo, dan, gatewayService } from '../testing/identities';
import { startMessageHarness, type MessageHarness } from '../testing/message-harness';

jest.setTimeout(30_000);

const as = (identity: Identity) => ({ identity });

describe('MarkAsRead over gRPC', () => {
  let h: MessageHarness;
  const events: EventEnvelope[] = [];

  beforeAll(async () => {
    h = await startMessageHarness();
    await h.bus.subscribe({ queue: 'read-receipt-spec', exclusive: true, patterns: ['session.*.messages.read'] }, (e) => void events.push(e));
  });
  afterAll(() => h.stop());

  const open = async () => (await h.sessions.createSession({ subject: 'Late' }, as(cleo))).id;
  const send = async (sessionId: string, identity: Identity, content = 'Hi') => (await h.messages.sendMessage({ session_id: sessionId, content }, as(identity))).message?.id as string;
  const unread = async (sessionId: string, identity: Identity) => (await h.messages.getSessionSummaries([sessionId], as(identity))).summaries[0].unread_count;

  it('marks by id or everything, publishes messages.read, and shows read_by in history', async () => {
    const sessionId = await open();
    const one = await send(sessionId, cleo, 'one');
    const two = await send(sessionId, cleo, 'two');
    expect(await h.messages.markAsRead({ session_id: sessionId, has_message_ids: true, message_ids: [one] }, as(ana))).toEqual({ message_ids: [one] });
    expect(await unread(sessionId, ana)).toBe(1);
    expect(await h.messages.markAsRead({ session_id: sessionId, has_message_ids: false, message_ids: [] }, as(ana))).toEqual({ message_ids: [two] });
    expect(await h.messages.markAsRead({ session_id: sessionId, has_message_ids: false, message_ids: [] }, as(ana))).toEqual({ message_ids: [] });
    expect(await unread(sessionId, ana)).toBe(0);
    await eventually(() =>
      expect(events.filter((e) => e.routing_key === `session.${sessionId}.messages.read`).map((e) => e.data)).toEqual([
        { session_id: sessionId, user_id: ana.userId, message_ids: [one] },
        { session_id: sessionId, user_id: ana.userId, message_ids: [two] },
      ]),
    );
    const history = await h.messages.listMessages({ session_id: sessionId, limit: 10 }, as(cleo));
    expect(history.messages.map((m) => m.read_by.map((r) => r.user_id))).toEqual([[ana.userId], [ana.userId]]);
  });

  it('refuses with the right status and changes nothing', async () => {
    const sessionId = await open();
    const mine = await send(sessionId, cleo);
    const foreign = await send(await open(), cleo);
    const cases: Array<[string, Identity, { session_id: string; has_message_ids: boolean; message_ids: string[] }, string]> = [
      ['a bad session id', ana, { session_id: 'x', has_message_ids: false, message_ids: [] }, 'INVALID_ARGUMENT'],
      ['an empty id list', ana, { session_id: sessionId, has_message_ids: true, message_ids: [] }, 'INVALID_ARGUMENT'],
      ['another session', ana, { session_id: sessionId, has_message_ids: true, message_ids: [foreign] }, 'NOT_FOUND'],
      ["one's own", cleo, { session_id: sessionId, has_message_ids: true, message_ids: [mine] }, 'INVALID_ARGUMENT'],
      ['a stranger', dan, { session_id: sessionId, has_message_ids: false, message_ids: [] }, 'PERMISSION_DENIED'],
      ['an unknown session', ana, { session_id: randomUUID(), has_message_ids: false, message_ids: [] }, 'NOT_FOUND'],
      ['a service', gatewayService, { session_id: sessionId, has_message_ids: false, message_ids: [] }, 'PERMISSION_DENIED'],
    ];
    for (const [label, identity, request, code] of cases) {
      const error = await h.messages.markAsRead(request, as(identity)).then(() => null, (e: AppError) => e);
      expect({ label, code: error?.code }).toEqual({ label, code });
    }
    expect(await unread(sessionId, ana)).toBe(1);
    expect(await h.db.knex('message_read_receipts').where({ session_id: sessionId })).toEqual([]);
  });
});
