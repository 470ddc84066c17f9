import type { Identity, SessionStatus } from '@parley/contracts';
import { FakeAttachmentDirectory } from '../testing/fake-attachment.directory';
import { FakeMessageRepository } from '../testing/fake-message.repository';
import { FakeSessionDirectory } from '../testing/fake-session.directory';
import { ana, cleo, root } from '../testing/identities';
import { createMessageService } from './message.service';

const bo: Identity = { userId: 'agent-2', role: 'support', name: 'Bo' };

async function outcome(anyAgentMayReply: boolean, status: SessionStatus, sender: Identity): Promise<string> {
  const messages = new FakeMessageRepository();
  const sessions = new FakeSessionDirectory();
  const session = sessions.add({ customer_id: cleo.userId, status, ...(status === 'waiting' ? { agent_id: null, agent_name: null } : {}) });
  const service = createMessageService({ messages, sessions, anyAgentMayReply, attachments: new FakeAttachmentDirectory() });
  try {
    await service.send(sender, { session_id: session.id, content: 'hello' });
    return 'sent';
  } catch (error) {
    expect(messages.events).toEqual([]);
    return (error as { code: string }).code;
  }
}

describe('who replies in a chat', () => {
  it.each<[SessionStatus, string, Identity, string]>([
    ['waiting', 'the requester', cleo, 'sent'],
    ['waiting', 'an agent who has not accepted', ana, 'FAILED_PRECONDITION'],
    ['waiting', 'an admin', root, 'sent'],
    ['active', 'the requester', cleo, 'sent'],
    ['active', 'the assigned agent', ana, 'sent'],
    ['active', 'another agent', bo, 'PERMISSION_DENIED'],
    ['active', 'an admin', root, 'sent'],
    ['resolved', 'the assigned agent', ana, 'sent'],
    ['resolved', 'another agent', bo, 'PERMISSION_DENIED'],
    ['closed', 'the assigned agent', ana, 'FAILED_PRECONDITION'],
  ])('%s chat, %s: %s', async (status, _who, sender, expected) => {
    expect(await outcome(false, status, sender)).toBe(expected);
  });

  it('lets any agent reply in an active chat when configured to', async () => {
    expect(await outcome(true, 'active', bo)).toBe('sent');
    expect(await outcome(true, 'waiting', bo)).toBe('FAILED_PRECONDITION');
  });
});
