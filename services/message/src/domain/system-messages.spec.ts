import { createEvent, routingKeys, type ChatSession } from '@parley/contracts';
import { systemMessageFor } from './system-messages';

const session = { id: 's1', status: 'active' } as ChatSession;
const ana = { user_id: 'a1', role: 'support', name: 'Ana' };
const root = { user_id: 'r1', role: 'admin', name: 'Root' };
const parley = { user_id: 'parley', role: 'service', name: 'Parley' };
const waiting = { ...session, status: 'waiting' } as ChatSession;
const key = (type: Parameters<typeof routingKeys.session>[1]) => routingKeys.session('s1', type);

describe('system messages', () => {
  it.each([
    ['accepted', createEvent('session.accepted', key('session.accepted'), { session, agent_id: 'a1', agent_name: 'Ana', by: ana }), 'Ana accepted the chat'],
    ['assigned', createEvent('session.accepted', key('session.accepted'), { session, agent_id: 'a1', agent_name: 'Ana', by: root }), 'Root assigned the chat to Ana'],
    ['transferred', createEvent('session.transferred', key('session.transferred'), { session, from_agent_id: 'a1', from_agent_name: 'Ana', to_agent_id: 'b2', to_agent_name: 'Bo', by: ana }), 'Ana transferred the chat to Bo'],
    ['transferred by an admin', createEvent('session.transferred', key('session.transferred'), { session, from_agent_id: 'a1', from_agent_name: 'Ana', to_agent_id: 'b2', to_agent_name: 'Bo', by: root }), 'Root transferred the chat from Ana to Bo'],
    ['resolved', createEvent('session.status_changed', key('session.status_changed'), { session: { ...session, status: 'resolved' }, previous_status: 'active', by: ana }), 'Ana marked the chat resolved'],
    ['closed', createEvent('session.status_changed', key('session.status_changed'), { session: { ...session, status: 'closed' }, previous_status: 'resolved', by: root }), 'Root closed the chat'],
    ['auto-assigned', createEvent('session.accepted', key('session.accepted'), { session, agent_id: 'a1', agent_name: 'Ana', by: parley }), 'Parley assigned the chat to Ana'],
    ['requeued as its agent went offline', createEvent('session.requeued', key('session.requeued'), { session: waiting, from_agent_id: 'a1', from_agent_name: 'Ana', reason: 'agent_offline', by: parley }), 'Ana went offline; the chat is back in the queue'],
    ['requeued unanswered', createEvent('session.requeued', key('session.requeued'), { session: waiting, from_agent_id: 'a1', from_agent_name: 'Ana', reason: 'no_reply', by: parley }), 'Ana did not reply in time; the chat is back in the queue'],
    ['reopened', createEvent('session.status_changed', key('session.status_changed'), { session, previous_status: 'resolved', by: ana }), 'Ana reopened the chat'],
  ])('tells the story when a chat is %s', (_label, event, line) => {
    expect(systemMessageFor(event)).toBe(line);
  });

  it('adds nothing for a new chat', () => {
    expect(systemMessageFor(createEvent('session.created', key('session.created'), { session, initial_message: null }))).toBeNull();
  });
});
