import {
  batchedCall,
  sessionLookups,
  messageFromProto,
  sessionFromProto,
  type CallContext,
  type ItemError__Output,
  type ListMessagesRequest,
  type ListMessagesResponse__Output,
  type MarkAsReadRequest,
  type MessageClient,
  type PresenceClient,
  type SendMessageRequest,
  type SendMessageResponse__Output,
  type SessionClient,
} from '@parley/grpc';
import type { Availability } from '@parley/contracts';
import type { MessagesApi, PresenceApi, SessionsApi, SocketRef } from '../domain/gateway.ports';

/**
 * The session service over gRPC. Look-ups of every socket leave in batches (one GetSessions call
 * for many: a reconnect storm's joins), each answered on its own; `self` is the gateway's identity.
 */
export function createSessionsApi(client: SessionClient, self: CallContext): SessionsApi {
  const get = sessionLookups(client, self, 'gateway.get-session');
  return {
    create: async (caller, input) =>
      sessionFromProto(
        await client.createSession(
          {
            subject: input.subject,
            category: input.category ?? '',
            priority: input.priority,
            restaurant_id: input.restaurant_id ?? '',
            ticket_id: input.ticket_id ?? '',
            initial_message: input.initial_message ?? '',
          },
          caller,
        ),
      ),
    // What the gateway shows a client (detail, session_joined) carries the queue position.
    get: (caller, sessionId) => get(caller, { session_id: sessionId, include_queue_position: true }),
    list: async (caller, query) =>
      (await client.listSessions({ status: query.status ?? '', assigned_to_me: query.assigned === 'me', limit: query.limit, offset: query.offset }, caller)).sessions.map(
        sessionFromProto,
      ),
    accept: async (caller, sessionId) => sessionFromProto(await client.acceptSession(sessionId, caller)),
    assign: async (caller, sessionId, agent) =>
      sessionFromProto(await client.assignSession({ session_id: sessionId, agent_id: agent.agent_id ?? '', agent_name: agent.agent_name ?? '' }, caller)),
    transfer: async (caller, sessionId, agent) => sessionFromProto(await client.transferSession({ session_id: sessionId, ...agent }, caller)),
    updateStatus: async (caller, sessionId, status) => sessionFromProto(await client.updateStatus({ session_id: sessionId, status }, caller)),
  };
}

const sentFromProto = (response: SendMessageResponse__Output) => {
  if (!response.message) throw new Error('SendMessage answered without a message');
  return { message: messageFromProto(response.message), created: response.created };
};

/**
 * The message service over gRPC. Sends and read markings of every socket leave in batches (one
 * SendMessages / MarkManyAsRead call for many), each item answered on its own; `self` is the
 * gateway's identity, which the batch calls carry.
 */
export function createMessagesApi(client: MessageClient, self: CallContext): MessagesApi {
  const send = batchedCall<SendMessageRequest, SendMessageResponse__Output, { message: ReturnType<typeof messageFromProto>; created: boolean }>({
    self,
    hop: 'gateway.send',
    batch: async (items, context) => (await client.sendMessages(items, context)).outcomes.map((o) => ({ value: o.sent, error: o.error })),
    single: async (request, caller) => sentFromProto(await client.sendMessage(request, caller)),
    fromWire: sentFromProto,
  });
  const markRead = batchedCall<MarkAsReadRequest, { message_ids: string[] }, string[]>({
    self,
    hop: 'gateway.mark-read',
    batch: async (items, context) => (await client.markManyAsRead(items, context)).outcomes.map((o) => ({ value: o.read, error: o.error })),
    single: async (request, caller) => (await client.markAsRead(request, caller)).message_ids,
    fromWire: (read) => read.message_ids,
  });
  const pageFromProto = (response: ListMessagesResponse__Output) => ({ messages: response.messages.map(messageFromProto), has_more: response.has_more, last_seq: Number(response.last_seq) });
  const list = batchedCall<ListMessagesRequest, ListMessagesResponse__Output, ReturnType<typeof pageFromProto>>({
    self,
    hop: 'gateway.list-messages',
    batch: async (items, context) => (await client.listMessagesMany(items, context)).outcomes.map((o) => ({ value: o.page, error: o.error })),
    single: async (request, caller) => pageFromProto(await client.listMessages(request, caller)),
    fromWire: pageFromProto,
  });
  return {
    send: (caller, input) => send(caller, { ...input, temp_id: input.temp_id ?? '' }),
    list: (caller, query) =>
      list(caller, { session_id: query.session_id, limit: query.limit, offset: query.offset ?? 0, has_after_seq: query.after_seq !== undefined, after_seq: query.after_seq ?? 0 }),
    summaries: async (caller, sessionIds) =>
      (await client.getSessionSummaries(sessionIds, caller)).summaries.map((s) => ({
        session_id: s.session_id,
        unread_count: s.unread_count,
        last_message: s.has_last_message && s.last_message ? messageFromProto(s.last_message) : null,
      })),
    markRead: (caller, input) => markRead(caller, { session_id: input.session_id, has_message_ids: Boolean(input.message_ids), message_ids: input.message_ids ?? [] }),
  };
}

interface SocketRefProto {
  gateway_id: string;
  socket_id: string;
}
interface SessionSocketRefProto extends SocketRefProto {
  session_id: string;
}
interface Participant {
  user_id: string;
  role: string;
  name: string;
}

const socketRef = (socket: SocketRef): SocketRefProto => ({ gateway_id: socket.gatewayId, socket_id: socket.socketId });
const inSession = (socket: SocketRef, sessionId: string): SessionSocketRefProto => ({ ...socketRef(socket), session_id: sessionId });

type Registered = { error?: ItemError__Output | null };
const registration = (outcomes: Registered[]) => outcomes.map((o) => ({ value: true as const, error: o.error }));

/**
 * The presence service over gRPC. The registrations of every socket (connect, join, leave,
 * disconnect) leave in batches, one call per kind for many (a reconnect storm's joins), each
 * answered on its own; `self` is the gateway's identity. One batch of a kind at a time, so a
 * socket's registrations (which its event queue sends one after another) keep their order.
 */
export function createPresenceApi(client: PresenceClient, self: CallContext): PresenceApi {
  const connect = batchedCall<SocketRefProto, true, void>({
    self,
    hop: 'gateway.presence-connect',
    batch: async (items, context) => registration((await client.connectMany(items.map(({ caller, request }) => ({ caller, socket: request })), context)).outcomes),
    single: (request, caller) => client.connect(request, caller),
    fromWire: () => undefined,
  });
  const disconnect = batchedCall<SocketRefProto, true, void>({
    self,
    hop: 'gateway.presence-disconnect',
    batch: async (items, context) => registration((await client.disconnectMany(items.map(({ caller, request }) => ({ caller, socket: request })), context)).outcomes),
    single: (request, caller) => client.disconnect(request, caller),
    fromWire: () => undefined,
  });
  const participantsOf = (joined: { participants: Participant[] }) => joined.participants.map((p) => ({ user_id: p.user_id, role: p.role, name: p.name }));
  const join = batchedCall<SessionSocketRefProto, { participants: Participant[] }, Participant[]>({
    self,
    hop: 'gateway.presence-join',
    batch: async (items, context) => (await client.joinMany(items.map(({ caller, request }) => ({ caller, socket: request })), context)).outcomes.map((o) => ({ value: o.joined, error: o.error })),
    single: async (request, caller) => participantsOf(await client.join(request, caller)),
    fromWire: participantsOf,
  });
  const leave = batchedCall<SessionSocketRefProto, true, void>({
    self,
    hop: 'gateway.presence-leave',
    batch: async (items, context) => registration((await client.leaveMany(items.map(({ caller, request }) => ({ caller, socket: request })), context)).outcomes),
    single: (request, caller) => client.leave(request, caller),
    fromWire: () => undefined,
  });
  return {
    connect: (caller, socket) => connect(caller, socketRef(socket)),
    disconnect: (caller, socket) => disconnect(caller, socketRef(socket)),
    join: (caller, socket, sessionId) => join(caller, inSession(socket, sessionId)),
    leave: (caller, socket, sessionId) => leave(caller, inSession(socket, sessionId)),
    renewLease: async (caller, gatewayId) => (await client.renewLease(gatewayId, caller)).known,
    releaseGateway: (caller, gatewayId) => client.releaseGateway(gatewayId, caller),
    onlineAgents: async (caller) =>
      (await client.listOnlineAgents(caller)).agents.map((a) => ({ ...a, session_ids: [...a.session_ids], availability: a.availability as Availability })),
    setAvailability: async (caller, status) => {
      const changed = await client.setAvailability(status, caller);
      return { agent_id: changed.agent_id, agent_name: changed.agent_name, status: changed.status as Availability };
    },
  };
}
