import { useState } from 'preact/hooks';
import type { ParleyClient } from '@parley/client';
import { reasonOf } from '../api';
import type { ChatStore, Thread } from '../chat/chat-store';
import { RatingSummary, useRating } from '../chat/rating';
import { TransferForm } from './transfer-form';
import { Alert } from '../ui';

/** What the assigned agent can do with a chat: resolve, close, transfer. */
export function ChatActions({ chat, store, token, thread }: { chat: ParleyClient; store: ChatStore; token: string; thread: Thread }) {
  const [transferring, setTransferring] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { session } = thread;
  const mine = session.agent_id === store.myId;
  useRating(chat, store, thread);

  const act = (action: () => Promise<unknown>) => {
    setProblem(null);
    action().catch((error) => setProblem(reasonOf(error)));
  };

  return (
    <header class="chat-header">
      <div>
        <h2>{session.subject}</h2>
        <p class="status" role="status">
          {session.customer_name} · {session.category ?? 'no category'} · {session.priority} · <strong class={`state ${session.status}`}>{session.status}</strong>
          {!mine && session.agent_name && session.status !== 'closed' && ` · now with ${session.agent_name}`}
        </p>
      </div>
      <div class="actions">
        {mine && session.status === 'active' && (
          <>
            <button type="button" onClick={() => act(async () => store.upsertSession(await chat.rest.updateStatus(session.id, 'resolved')))}>
              Resolve
            </button>
            <button type="button" class="secondary" onClick={() => setTransferring(true)}>
              Transfer…
            </button>
          </>
        )}
        {mine && session.status === 'resolved' && (
          <button type="button" onClick={() => act(async () => store.upsertSession((await chat.closeChat(session.id)).session))}>
            Close chat
          </button>
        )}
      </div>
      {thread.rating && <RatingSummary rating={thread.rating} who={session.customer_name} />}
      {transferring && <TransferForm chat={chat} token={token} sessionId={session.id} myId={store.myId} done={() => setTransferring(false)} />}
      <Alert message={problem} />
    </header>
  );
}
