import type { ChatSession } from '@parley/contracts';
import type { Thread } from '../chat/chat-store';

const waitedFor = (since: string) => {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(since).getTime()) / 60000));
  return minutes < 1 ? 'just now' : `${minutes} min`;
};

interface ChatListsProps {
  queue: ChatSession[];
  threads: Thread[];
  selected: string | null;
  accept: (sessionId: string) => void;
  select: (sessionId: string) => void;
}

/** The waiting queue (most urgent first) and the agent's own chats with their unread badges. */
export function ChatLists({ queue, threads, selected, accept, select }: ChatListsProps) {
  return (
    <aside class="lists">
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">
          Queue <span class="count">{queue.length}</span>
        </h2>
        {queue.length === 0 && <p class="muted">Nobody is waiting.</p>}
        <ol class="queue">
          {queue.map((session) => (
            <li key={session.id} class={`queued ${session.priority}`}>
              <div>
                <strong>{session.subject}</strong>
                <div class="muted">
                  {session.customer_name} · {session.priority} · waiting {waitedFor(session.created_at)}
                </div>
              </div>
              <button type="button" onClick={() => accept(session.id)} aria-label={`Accept ${session.subject} from ${session.customer_name}`}>
                Accept
              </button>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">My chats</h2>
        {threads.length === 0 && <p class="muted">None yet.</p>}
        <ul class="mine">
          {threads.map(({ session, unread }) => (
            <li key={session.id}>
              <button type="button" class={`thread ${session.id === selected ? 'current' : ''}`} aria-current={session.id === selected ? 'true' : undefined} onClick={() => select(session.id)}>
                <span class="thread-subject">{session.subject}</span>
                <span class="muted">
                  {session.customer_name} · {session.status}
                </span>
                {unread > 0 && (
                  <span class="badge" aria-label={`${unread} unread`}>
                    {unread}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
