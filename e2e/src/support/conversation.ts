import type { NewMessageEvent, SessionJoinedEvent } from '@parley/contracts';
import { waitFor, type TestUser } from '@parley/testing';
import { SocketPool, accept, join, openSession, untilSeen } from './chat-client';
import type { Stack } from './stack';

export interface ConversationParties {
  stack: Stack;
  sockets: SocketPool;
  customer: TestUser;
  /** A support agent; the system message reads "<agent name> accepted the chat". */
  agent: TestUser;
}

/**
 * A session the customer opened and joined on gateway A, accepted by the agent on gateway B
 * (accept_chat joins the agent to it). The accept adds a system message, seq 2; both sides hold
 * it before anyone types, so the seqs that follow are fixed: the first typed message is seq 3.
 */
export async function conversation({ stack, sockets, customer, agent }: ConversationParties, initialMessage = 'My order is delayed') {
  const session = await openSession(stack.gatewayA, customer, { initial_message: initialMessage });
  const customerSocket = await sockets.connect(stack.gatewayA, customer);
  const agentSocket = await sockets.connect(stack.gatewayB, agent);
  const customerJoined = await join(customerSocket, session.id);
  const agentJoinedEvent = waitFor<SessionJoinedEvent>(agentSocket, 'session_joined', (e) => e.session.id === session.id, 15_000);
  const atCustomer = waitFor<NewMessageEvent>(customerSocket, 'new_message', (e) => e.message.session_id === session.id, 10_000);
  const agentHasIt = untilSeen(agentSocket, session.id, 2);
  const accepted = await accept(agentSocket, session.id);
  expect(accepted).toEqual(expect.objectContaining({ agent_id: agent.id, agent_name: agent.name, session: expect.objectContaining({ status: 'active' }) }));
  const agentJoined = await agentJoinedEvent;
  const { message: system } = await atCustomer;
  expect(system).toEqual(
    expect.objectContaining({ seq: 2, message_type: 'system', sender_role: 'system', content: `${agent.name} accepted the chat` }),
  );
  await agentHasIt;
  return { session, customerSocket, agentSocket, customerJoined, agentJoined };
}
