import type { ParleyClient } from '@parley/client';
import type { ChatSession } from '@parley/contracts';
import type { ChatStore } from './chat-store';
import { listen } from './listen';

/** Feeds the store from the client's events (for the chats it holds); returns what stops it. */
export function connectStore(chat: ParleyClient, store: ChatStore): () => void {
  const updateSession = ({ session }: { session: ChatSession }) => {
    if (store.thread(session.id)) store.upsertSession(session);
  };
  return listen(chat, {
    message: (message) => store.addMessages(message.session_id, [message], true),
    session_joined: ({ session, messages }) => {
      if (!store.thread(session.id)) return;
      store.upsertSession(session);
      store.addMessages(session.id, messages);
    },
    user_typing: ({ session_id, user_id, user_name }) => store.setTyping(session_id, user_id, user_name),
    typing_stopped: ({ session_id, user_id }) => store.setTyping(session_id, user_id, null),
    messages_read: ({ session_id, user_id, message_ids }) => store.markRead(session_id, user_id, message_ids),
    queue_position: ({ session_id, position, waiting }) => store.setQueuePosition(session_id, position, waiting),
    session_status_changed: ({ session_id, status, agent_id }) => store.setStatus(session_id, status, agent_id),
    chat_accepted: updateSession,
    chat_closed: updateSession,
    chat_transferred: updateSession,
    // Its agent went offline or did not answer: the chat waits in the queue again.
    chat_requeued: updateSession,
    chat_rated: ({ session_id, rating }) => store.setRating(session_id, rating),
  });
}
