import type { ChatMessage, ChatSession } from '@parley/contracts';
import { messageFromProto, messageToProto } from './message.mapper';
import { sessionFromProto, sessionToProto } from './session.mapper';
import type { Message__Output } from '../generated/parley/message/v1/Message';
import type { Session__Output } from '../generated/parley/session/v1/Session';

describe('proto mappers', () => {
  it('round-trips a session, nulls included', () => {
    const session: ChatSession = {
      id: 's1', subject: 'Late order', category: null, priority: 'high', status: 'waiting',
      customer_id: 'c1', customer_role: 'customer', customer_name: 'Cleo', restaurant_id: null, ticket_id: null,
      agent_id: null, agent_name: null, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z',
      accepted_at: null, resolved_at: null, closed_at: null,
    };
    const proto = sessionToProto(session);
    expect(proto.agent_id).toBe('');
    expect(sessionFromProto(proto as Session__Output)).toEqual(session);
  });

  it('round-trips a message without a temp_id', () => {
    const message: ChatMessage = {
      id: 'm1', session_id: 's1', seq: 7, sender_id: 'c1', sender_role: 'customer', sender_name: 'Cleo', content: 'hi',
      message_type: 'text', temp_id: null, created_at: '2026-01-01T00:00:00.000Z', attachments: [], read_by: [],
    };
    expect(messageFromProto(messageToProto(message) as Message__Output)).toEqual(message);
  });
});
