import { z } from 'zod';
import {
  assignSessionBodySchema,
  createCannedResponseSchema,
  createSessionSchema,
  listMessagesQuerySchema,
  listSessionsQuerySchema,
  markAsReadBodySchema,
  rateSessionBodySchema,
  reportQuerySchema,
  searchQuerySchema,
  sendMessageBodySchema,
  setAvailabilitySchema,
  transferSessionBodySchema,
  updateCannedResponseSchema,
  updateStatusBodySchema,
} from '@parley/contracts';

export interface ApiRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** Express-style path under /api/v1/chat. */
  path: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  status: number;
}

/**
 * Every REST endpoint with the schema the gateway validates it with. The OpenAPI document is made
 * from this table, and a test checks the table against the routes Express really has.
 */
export const API_ROUTES: ApiRoute[] = [
  { method: 'post', path: '/sessions', summary: 'Open a support chat (customers and restaurants)', body: createSessionSchema, status: 201 },
  { method: 'get', path: '/sessions', summary: 'Sessions the caller may see, with unread counts; status=waiting is the queue', query: listSessionsQuerySchema, status: 200 },
  { method: 'get', path: '/sessions/:sessionId', summary: 'One session with unread count, last message and queue position', status: 200 },
  { method: 'get', path: '/sessions/:sessionId/messages', summary: 'History: a page back from the newest, or everything after a seq', query: listMessagesQuerySchema, status: 200 },
  { method: 'post', path: '/sessions/:sessionId/messages', summary: 'Send a message: JSON as below, or multipart/form-data with content, message_type, temp_id and up to 5 files in `attachments`', body: sendMessageBodySchema, status: 201 },
  { method: 'post', path: '/sessions/:sessionId/assign', summary: 'Take a waiting chat (support), or assign it to a named agent (admin)', body: assignSessionBodySchema, status: 200 },
  { method: 'post', path: '/sessions/:sessionId/transfer', summary: 'Hand an active chat to another agent', body: transferSessionBodySchema, status: 200 },
  { method: 'patch', path: '/sessions/:sessionId/status', summary: 'Move the chat along its lifecycle (docs/lifecycle.md)', body: updateStatusBodySchema, status: 200 },
  { method: 'post', path: '/sessions/:sessionId/read', summary: 'Mark messages read (none named: everything up to now)', body: markAsReadBodySchema, status: 200 },
  { method: 'post', path: '/upload', summary: 'Pre-upload up to 5 files (multipart field `attachments`); send them later by id', status: 201 },
  { method: 'get', path: '/attachments/:attachmentId', summary: 'An attachment with a short-lived signed download link', status: 200 },
  { method: 'get', path: '/agents/online', summary: 'Support agents and admins connected now, with availability (staff only)', status: 200 },
  { method: 'put', path: '/agents/me/availability', summary: 'A support agent takes new chats (available) or not (away)', body: setAvailabilitySchema, status: 200 },
  { method: 'get', path: '/canned-responses', summary: "Canned responses: the team's shared ones and the caller's own (staff only)", status: 200 },
  { method: 'post', path: '/canned-responses', summary: 'Add a canned response; shared ones by admins only (staff only)', body: createCannedResponseSchema, status: 201 },
  { method: 'patch', path: '/canned-responses/:responseId', summary: 'Change a canned response: your own, or a shared one if you are an admin', body: updateCannedResponseSchema, status: 200 },
  { method: 'delete', path: '/canned-responses/:responseId', summary: 'Delete a canned response: your own, or a shared one if you are an admin', status: 200 },
  { method: 'post', path: '/sessions/:sessionId/rating', summary: 'Rate a resolved or closed chat, once (its customer or restaurant)', body: rateSessionBodySchema, status: 201 },
  { method: 'get', path: '/search', summary: 'Full-text search over messages: sessions with their matching messages and marked excerpts (customers: their own chats)', query: searchQuerySchema, status: 200 },
  { method: 'get', path: '/reports/summary', summary: 'Chats opened, resolved and waiting, first response and resolution times, ratings, per agent and hour by hour (admins; support their own row)', query: reportQuerySchema, status: 200 },
  { method: 'get', path: '/reports/live', summary: 'The queue now, agents online and available, and their loads (staff)', status: 200 },
];
