import { useEffect, useMemo, useState } from 'preact/hooks';
import type { OpenSessionInput } from '@parley/client';
import type { Signed } from '../auth/signed-in';
import { ChatStore, type Thread } from '../chat/chat-store';
import { connectStore } from '../chat/connect-store';
import { Conversation } from '../chat/conversation';
import { useStore } from '../chat/use-store';
import { reasonOf } from '../api';
import { RatingPrompt } from '../chat/rating';
import { NewChatForm } from './new-chat-form';
import { Alert, Toolbar } from '../ui';

/** The customer's side: open a chat, wait in the queue, talk with the agent. */
export function CustomerWidget({ chat, me, token, signOut }: Signed & { signOut: () => void }) {
  const store = useMemo(() => new ChatStore(me.userId), [me.userId]);
  useStore(store);
  const [current, setCurrent] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const show = async (sessionId: string) => {
    const joined = await chat.join(sessionId);
    store.upsertSession(joined.session);
    store.addMessages(sessionId, joined.messages);
    store.focus(sessionId);
    setCurrent(sessionId);
  };

  useEffect(() => {
    const stop = connectStore(chat, store);
    // Pick up a chat that is still open (after a reload, say).
    chat.rest
      .listSessions()
      .then((sessions) => {
        sessions.forEach((session) => store.upsertSession(session, session.unread_count));
        const open = sessions.find((session) => session.status !== 'closed');
        if (open) return show(open.id);
      })
      .catch((error) => setProblem(reasonOf(error)));
    return stop;
  }, [chat, store]);

  const open = async (input: OpenSessionInput) => {
    const session = await chat.rest.openSession(input);
    store.upsertSession(session);
    await show(session.id);
  };

  const thread = current ? store.thread(current) : undefined;
  return (
    <div class="customer">
      <Toolbar me={me} signOut={signOut} />
      <Alert message={problem} />
      {thread ? (
        <Conversation chat={chat} store={store} sessionId={thread.session.id} token={token} canWrite={thread.session.status !== 'closed'} footer={<RatingPrompt chat={chat} store={store} thread={thread} />}>
          <ChatHeader thread={thread} onNew={() => setCurrent(null)} onClose={() => chat.closeChat(thread.session.id).catch((error) => setProblem(reasonOf(error)))} />
        </Conversation>
      ) : (
        <NewChatForm open={open} />
      )}
    </div>
  );
}

function ChatHeader({ thread, onNew, onClose }: { thread: Thread; onNew: () => void; onClose: () => void }) {
  const { session, queue } = thread;
  return (
    <header class="chat-header">
      <div>
        <h2>{session.subject}</h2>
        <p class="status" role="status">
          {session.status === 'waiting' && (queue ? `You are number ${queue.position} in the queue (${queue.waiting} waiting)` : 'Waiting for an agent…')}
          {session.status === 'active' && `${session.agent_name ?? 'An agent'} is helping you`}
          {session.status === 'resolved' && 'Marked resolved. Write again if you still need help.'}
          {session.status === 'closed' && 'This chat is closed.'}
        </p>
      </div>
      <div class="actions">
        {session.status !== 'closed' && session.status !== 'active' && (
          <button type="button" class="secondary" onClick={onClose}>
            Close chat
          </button>
        )}
        {session.status === 'closed' && (
          <button type="button" onClick={onNew}>
            Start a new chat
          </button>
        )}
      </div>
    </header>
  );
}
