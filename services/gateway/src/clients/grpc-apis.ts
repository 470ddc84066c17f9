import { messageFromProto, sessionFromProto, type MessageClient, type PresenceClient, type SessionClient } from '@parley/grpc';
import type { Availability } from '@parley/contracts';
import type { MessagesApi, PresenceApi, SessionsApi, SocketRef } from '../domain/gateway.ports';

export function createSessionsApi(client: SessionClient): SessionsApi {
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
    get: async (caller, sessionId) => sessionFromProto(await client.getSession(sessionId, caller, true)),
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

export function createMessagesApi(client: MessageClient): MessagesApi {
  return {
    send: async (caller, input) => {
      const response = await client.sendMessage({ ...input, temp_id: input.temp_id ?? '' }, caller);
      if (!response.message) throw new Error('SendMessage answered without a message');
      return { message: messageFromProto(response.message), created: response.created };
    },
    list: async (caller, query) => {
      const response = await client.listMessages(
        { session_id: query.session_id, limit: query.limit, offset: query.offset ?? 0, has_after_seq: query.after_seq !== undefined, after_seq: query.after_seq ?? 0 },
        caller,
      );
      return { messages: response.messages.map(messageFromProto), has_more: response.has_more, last_seq: Number(response.last_seq) };
    },
    summaries: async (caller, sessionIds) =>
      (await client.getSessionSummaries(sessionIds, caller)).summaries.map((s) => ({
        session_id: s.session_id,
        unread_count: s.unread_count,
        last_message: s.has_last_message && s.last_message ? messageFromProto(s.last_message) : null,
      })),
    markRead: async (caller, input) =>
      (await client.markAsRead({ session_id: input.session_id, has_message_ids: Boolean(input.message_ids), message_ids: input.message_ids ?? [] }, caller)).message_ids,
  };
}

const socketRef = (socket: SocketRef) => ({ gateway_id: socket.gatewayId, socket_id: socket.socketId });
const inSession = (socket: SocketRef, sessionId: string) => ({ ...socketRef(socket), session_id: sessionId });

export function createPresenceApi(client: PresenceClient): PresenceApi {
  return {
    connect: (caller, socket) => client.connect(socketRef(socket), caller),
    disconnect: (caller, socket) => client.disconnect(socketRef(socket), caller),
    join: async (caller, socket, sessionId) => (await client.join(inSession(socket, sessionId), caller)).participants.map((p) => ({ ...p })),
    leave: (caller, socket, sessionId) => client.leave(inSession(socket, sessionId), caller),
    typing: (caller, socket, sessionId) => client.typing(inSession(socket, sessionId), caller),
    stopTyping: (caller, socket, sessionId) => client.stopTyping(inSession(socket, sessionId), caller),
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
