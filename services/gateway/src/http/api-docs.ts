import { z } from 'zod';
import { acceptChatSchema, closeChatSchema, joinSessionSchema, markAsReadSchema, sendMessageSchema, sessionRefSchema, transferChatSchema, typingSchema, setAvailabilitySchema } from '@parley/contracts';
import { API_ROUTES } from './api-catalog';

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const envelope = {
  type: 'object',
  properties: { success: { const: true }, data: {} },
  required: ['success', 'data'],
};
const errorEnvelope = {
  type: 'object',
  properties: {
    success: { const: false },
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] },
  },
  required: ['success', 'error'],
};

/** OpenAPI 3.1 for REST, made from the schemas the gateway validates with. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const path = `/api/v1/chat${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const parameters = [
      ...[...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } })),
      ...Object.entries((route.query ? jsonSchema(route.query) : { properties: {} }).properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: name === 'q', schema })),
    ];
    paths[path] = {
      ...paths[path],
      [route.method]: {
        summary: route.summary,
        security: [{ bearer: [] }],
        parameters,
        ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
        responses: {
          [route.status]: { description: 'Success', content: { 'application/json': { schema: envelope } } },
          default: { description: 'An error: 400 bad input, 401 no or bad token, 403 not allowed, 404 unknown, 409 conflict, 413 too large, 503 a service is down', content: { 'application/json': { schema: errorEnvelope } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Parley REST API', version: '1', description: 'Support chat. Socket.io events: /api/docs/asyncapi.json. Tokens: HS256 JWTs with sub, role, name, exp.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

/** Client events and the schemas the gateway validates them with; server events by name. */
const CLIENT_EVENTS: Record<string, z.ZodType> = {
  join_session: joinSessionSchema,
  send_message: sendMessageSchema,
  leave_session: sessionRefSchema,
  accept_chat: acceptChatSchema,
  close_chat: closeChatSchema,
  transfer_chat: transferChatSchema,
  typing: typingSchema,
  stop_typing: typingSchema,
  mark_as_read: markAsReadSchema,
  set_availability: setAvailabilitySchema,
};
const SERVER_EVENTS = [
  'session_joined', 'new_message', 'message_sent', 'session_left', 'error', 'chat_accepted', 'chat_closed',
  'session_status_changed', 'chat_transferred', 'session_queued', 'queue_updated', 'queue_position',
  'user_joined', 'user_left', 'user_typing', 'typing_stopped', 'messages_read', 'chat_requeued', 'availability_changed',
  'chat_rated', 'workload_updated', 'agents_updated',
];

/** AsyncAPI 2.6 for the Socket.io events (payload fields of server events: docs/api.md). */
export function asyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  for (const [event, schema] of Object.entries(CLIENT_EVENTS)) {
    channels[event] = { publish: { summary: 'Client to server; the optional ack answers { ok, data } or { ok: false, error }', message: { name: event, payload: jsonSchema(schema) } } };
  }
  for (const event of SERVER_EVENTS) channels[event] = { subscribe: { summary: 'Server to client', message: { name: event } } };
  return {
    asyncapi: '2.6.0',
    info: { title: 'Parley Socket.io events', version: '1', description: 'Connect with io(url, { auth: { token } }).' },
    channels,
  };
}

export const CLIENT_EVENT_NAMES = Object.keys(CLIENT_EVENTS);
