import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ChatSession } from '@parley/contracts';
import { reasonOf } from '../api';
import type { Signed } from '../auth/signed-in';
import { ChatStore } from '../chat/chat-store';
import { connectStore } from '../chat/connect-store';
import { listen } from '../chat/listen';
import { Conversation } from '../chat/conversation';
import { useStore } from '../chat/use-store';
import { AvailabilityToggle } from './availability-toggle';
import { ChatActions } from './chat-actions';
import { ChatLists } from './chat-lists';
import { useQueue } from './use-queue';
import { Alert, Toolbar } from '../ui';

/** The agent's side: the live queue, several chats at once, each with its unread badge. */
export function AgentConsole({ chat, me, token, signOut }: Signed & { signOut: () => void }) {
  const store = useMemo(() => new ChatStore(me.userId), [me.userId]);
  useStore(store);
  const queue = useQueue(chat);
  const [selected, setSelected] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  /** Puts a chat in the list with its history; the server keeps this socket in its room. */
  const track = async (session: ChatSession, unread?: number) => {
    store.upsertSession(session, unread);
    const joined = await chat.join(session.id);
    store.upsertSession(joined.session);
    store.addMessages(session.id, joined.messages);
    store.addMessages(session.id, await chat.rest.history(session.id, { limit: 100 }));
  };

  const select = (sessionId: string) => {
    store.focus(sessionId);
    setSelected(sessionId);
  };

  useEffect(() => {
    const stop = connectStore(chat, store);
    chat.rest
      .listSessions({ assigned: 'me' })
      .then((mine) => Promise.all(mine.filter((s) => s.status === 'active' || s.status === 'resolved').map((s) => track(s, s.unread_count))))
      .catch((error) => setProblem(reasonOf(error)));
    // A chat handed to me: by another agent, an admin or auto-assignment.
    const onMine = ({ session, agentId }: { session: ChatSession; agentId: string }) => {
      if (agentId === me.userId && !store.thread(session.id)) void track(session).catch((error) => setProblem(reasonOf(error)));
    };
    const onTransferred = ({ session, to_agent_id }: { session: ChatSession; to_agent_id: string }) => onMine({ session, agentId: to_agent_id });
    const onAccepted = ({ session, agent_id }: { session: ChatSession; agent_id: string }) => onMine({ session, agentId: agent_id });
    const unlisten = listen(chat, { chat_transferred: onTransferred, chat_accepted: onAccepted });
    return () => {
      stop();
      unlisten();
    };
  }, [chat, store]);

  const accept = async (sessionId: string) => {
    setProblem(null);
    try {
      const { session } = await chat.acceptChat(sessionId);
      await track(session);
      select(session.id);
    } catch (error) {
      setProblem(reasonOf(error));
    }
  };

  const thread = selected ? store.thread(selected) : undefined;
  const canWrite = !!thread && thread.session.agent_id === me.userId && (thread.session.status === 'active' || thread.session.status === 'resolved');
  return (
    <div class="console">
      <Toolbar me={me} signOut={signOut}>
        {me.role === 'support' && <AvailabilityToggle chat={chat} token={token} myId={me.userId} />}
      </Toolbar>
      <Alert message={problem} />
      <div class="console-grid">
        <ChatLists queue={queue} threads={store.list()} selected={selected} accept={accept} select={select} />
        {thread ? (
          <Conversation chat={chat} store={store} sessionId={thread.session.id} token={token} canWrite={canWrite}>
            <ChatActions chat={chat} store={store} token={token} thread={thread} />
          </Conversation>
        ) : (
          <section class="conversation empty">
            <p>Accept a chat from the queue, or pick one of yours.</p>
          </section>
        )}
      </div>
    </div>
  );
}
