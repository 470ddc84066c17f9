import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { ChatSessionView, NewMessageEvent } from '@parley/contracts';
import {  collect, connectionRefusal, testUser, waitFor, type ClientSocket } from '@parley/testing';
import { SocketPool, history, join, openSession, send, sleep, type AckError } from './support/chat-client';
import { startStack, type Stack } from './support/stack';
import { NO_PAYLOAD, attempt, badTokens, type Payload, snapshot } from './support/bad-input';

/**
 * Everything a client can get wrong, against the real stack: each mistake earns the documented
 * error (socket `error` event and ack, REST envelope with the exact status) and changes nothing.
 */
jest.setTimeout(30_000);

describe('bad socket input, against the real stack', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const owner = testUser('customer', 'Olga Owner');
  const stranger = testUser('customer', 'Sid Stranger');
  const watcher = testUser('support', 'Wanda Watcher');
  let own: ChatSessionView;
  let others: ChatSessionView;
  let ownerSocket: ClientSocket;
  let strangerSocket: ClientSocket;
  const unknownId = randomUUID();

  const snapshotNow = () => snapshot(stack, watcher);

  beforeAll(async () => {
    stack = await startStack({ label: 'bad-socket' });
    own = await openSession(stack.gatewayA, owner, { initial_message: 'hello' });
    others = await openSession(stack.gatewayB, stranger, { initial_message: 'mine, not yours' });
    ownerSocket = await sockets.connect(stack.gatewayA, owner);
    strangerSocket = await sockets.connect(stack.gatewayB, stranger);
    await join(ownerSocket, own.id);
  }, 120_000);

  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 60_000);

  describe('socket events', () => {
    const longText = 'x'.repeat(5001);
    const id = () => own.id;
    type Case = [string, () => Payload, string];
    const shapeCases = (): Case[] => [
      ['no payload at all', () => NO_PAYLOAD, 'INVALID_ARGUMENT'],
      ['a string payload', () => 'hello', 'INVALID_ARGUMENT'],
      ['a number payload', () => 42, 'INVALID_ARGUMENT'],
      ['a null payload', () => null, 'INVALID_ARGUMENT'],
      ['an array payload', () => [{ session_id: id() }], 'INVALID_ARGUMENT'],
      ['no session_id', () => ({}), 'INVALID_ARGUMENT'],
      ['a malformed session_id', () => ({ session_id: 'not-a-uuid' }), 'INVALID_ARGUMENT'],
      ['a session_id that is not a string', () => ({ session_id: 12345 }), 'INVALID_ARGUMENT'],
      ['an unknown field', () => ({ session_id: id(), admin: true }), 'INVALID_ARGUMENT'],
      ['an unknown session', () => ({ session_id: unknownId }), 'NOT_FOUND'],
      ["another customer's session", () => ({ session_id: others.id }), 'PERMISSION_DENIED'],
    ];
    const withContent = (payload: Payload): Payload =>
      payload && typeof payload === 'object' && !Array.isArray(payload) ? { content: 'hi', ...(payload as object) } : payload;

    const cases: Record<'join_session' | 'send_message' | 'leave_session', Case[]> = {
      join_session: [
        ...shapeCases(),
        ['a last_seq that is not a number', () => ({ session_id: id(), last_seq: '3' }), 'INVALID_ARGUMENT'],
        ['a negative last_seq', () => ({ session_id: id(), last_seq: -1 }), 'INVALID_ARGUMENT'],
        ['a fractional last_seq', () => ({ session_id: id(), last_seq: 1.5 }), 'INVALID_ARGUMENT'],
      ],
      send_message: [
        // The shape cases, each with otherwise valid content.
        ...shapeCases().map(([name, payload, code]): Case => [name, () => withContent(payload()), code]),
        ['no content', () => ({ session_id: id() }), 'INVALID_ARGUMENT'],
        ['empty content', () => ({ session_id: id(), content: '' }), 'INVALID_ARGUMENT'],
        ['blank content', () => ({ session_id: id(), content: '   \n\t ' }), 'INVALID_ARGUMENT'],
        ['content over 5000 characters', () => ({ session_id: id(), content: longText }), 'INVALID_ARGUMENT'],
        ['content that is a number', () => ({ session_id: id(), content: 42 }), 'INVALID_ARGUMENT'],
        ['content that is an object', () => ({ session_id: id(), content: { text: 'hi' } }), 'INVALID_ARGUMENT'],
        ['content that is null', () => ({ session_id: id(), content: null }), 'INVALID_ARGUMENT'],
        ['message_type system (Parley writes those)', () => ({ session_id: id(), content: 'hi', message_type: 'system' }), 'INVALID_ARGUMENT'],
        ['an unknown message_type', () => ({ session_id: id(), content: 'hi', message_type: 'video' }), 'INVALID_ARGUMENT'],
        ['a message_type that is not a string', () => ({ session_id: id(), content: 'hi', message_type: 1 }), 'INVALID_ARGUMENT'],
        ['an image message without attachments', () => ({ session_id: id(), content: 'hi', message_type: 'image' }), 'INVALID_ARGUMENT'],
        ['a temp_id that is not a string', () => ({ session_id: id(), content: 'hi', temp_id: 42 }), 'INVALID_ARGUMENT'],
        ['an empty temp_id', () => ({ session_id: id(), content: 'hi', temp_id: '' }), 'INVALID_ARGUMENT'],
        ['a temp_id over 128 characters', () => ({ session_id: id(), content: 'hi', temp_id: 't'.repeat(129) }), 'INVALID_ARGUMENT'],
        ['a spoofed sender_id', () => ({ session_id: id(), content: 'hi', sender_id: stranger.id }), 'INVALID_ARGUMENT'],
      ],
      leave_session: shapeCases(),
    };

    describe.each(Object.keys(cases) as Array<keyof typeof cases>)('%s', (event) => {
      it.each(cases[event])('with %s → error event and ack {ok:false}, nothing written', async (_name, payload, code) => {
        const before = await snapshotNow();
        const { ack, error } = await attempt(ownerSocket, event, payload());
        expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code, message: expect.any(String), event }) });
        expect(error).toEqual(ack.error);
        expect(error.message.length).toBeGreaterThan(0);
        expect(error.message).not.toMatch(/\n\s+at |\bselect\b|\binsert\b|node_modules/i);
        expect(await snapshotNow()).toEqual(before);
      });
    });

    it('sends the error event even when the client passed no ack', async () => {
      const error = waitFor<AckError>(ownerSocket, 'error', (e) => e.event === 'send_message');
      ownerSocket.emit('send_message', { session_id: own.id, content: '' });
      expect(await error).toEqual(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.any(String), event: 'send_message' }));
    });

    it('names the temp_id of a rejected send_message, so the client can mark that message as failed', async () => {
      const { error } = await attempt(ownerSocket, 'send_message', { session_id: own.id, content: 'x'.repeat(5001), temp_id: 'too-long-1' });
      expect(error).toEqual(expect.objectContaining({ code: 'INVALID_ARGUMENT', temp_id: 'too-long-1' }));
    });

    it('answers an unknown event with an error event', async () => {
      const error = waitFor<AckError>(ownerSocket, 'error', (e) => e.event === 'delete_everything');
      (ownerSocket as unknown as { emit(event: string, payload: unknown): void }).emit('delete_everything', { session_id: own.id });
      expect(await error).toEqual({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('delete_everything'), event: 'delete_everything' });
    });

    it("answers an unknown event's ack with {ok:false} too (every event may carry an ack)", async () => {
      const emitter = (ownerSocket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } }).timeout(3000);
      await expect(emitter.emitWithAck('delete_everything', { session_id: own.id })).resolves.toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.any(String) }),
      });
    });

    it("a refused join subscribes nothing: the stranger receives none of the session's messages", async () => {
      const leaked = collect<NewMessageEvent>(strangerSocket, 'new_message');
      const { error } = await attempt(strangerSocket, 'join_session', { session_id: own.id });
      expect(error.code).toBe('PERMISSION_DENIED');
      const { error: again } = await attempt(strangerSocket, 'join_session', { session_id: own.id, last_seq: 0 });
      expect(again.code).toBe('PERMISSION_DENIED');

      // Sent without an ack, so the owner's own socket gets the room's new_message: proof the room was served.
      const ownerSees = waitFor<NewMessageEvent>(ownerSocket, 'new_message', (e) => e.message.content === 'private to the owner', 10_000);
      ownerSocket.emit('send_message', { session_id: own.id, content: 'private to the owner', temp_id: 'private-1' });
      await ownerSees;
      await sleep(1000);
      expect(leaked).toEqual([]);
    });

    it('leaves the socket usable after all those errors', async () => {
      expect(ownerSocket.connected).toBe(true);
      const before = await history(stack.gatewayA, owner, own.id, '?limit=1');
      const sent = await send(ownerSocket, own.id, 'still here');
      expect(sent.seq).toBe(before.meta.last_seq + 1);
    });
  });

  describe('socket handshake', () => {
    it.each(badTokens())('refuses %s with connect_error UNAUTHENTICATED', async (_name, token) => {
      let refusal: { message: string; code?: string };
      if (token === undefined || typeof token === 'string') {
        refusal = await connectionRefusal(stack.gatewayA, token as string | undefined);
      } else {
        const socket = io(stack.gatewayA, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
        refusal = await new Promise((resolve, reject) => {
          socket.once('connect', () => {
            socket.close();
            reject(new Error('the connection was accepted'));
          });
          socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
            socket.close();
            resolve({ message: error.message, code: error.data?.code });
          });
        });
      }
      expect(refusal).toEqual({ message: expect.any(String), code: 'UNAUTHENTICATED' });
      expect(refusal.message.length).toBeGreaterThan(0);
    });
  });


  it('no service process crashed during the run', () => {
    expect(stack.crashes()).toEqual([]);
  });
});
