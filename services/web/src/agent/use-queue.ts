import { useEffect, useState } from 'preact/hooks';
import type { ParleyClient } from '@parley/client';
import type { ChatSession } from '@parley/contracts';
import { listen } from '../chat/listen';

/**
 * The live queue: loaded once (and again after a reconnect), then kept by `session_queued`
 * (a new chat), `chat_requeued` (one back from its agent), `queue_updated` (the waiting ids in order)
 * and `chat_accepted` / `chat_closed`.
 */
export function useQueue(chat: ParleyClient): ChatSession[] {
  const [queue, setQueue] = useState<ChatSession[]>([]);
  useEffect(() => {
    const sessions = new Map<string, ChatSession>();
    let order: string[] = [];
    const publish = () => setQueue(order.map((id) => sessions.get(id)).filter((s): s is ChatSession => s !== undefined));
    const load = () =>
      chat.rest.listSessions({ status: 'waiting' }).then((list) => {
        list.forEach((session) => sessions.set(session.id, session));
        order = list.map((session) => session.id);
        publish();
      }, () => undefined);
    const onQueued = ({ session }: { session: ChatSession }) => {
      sessions.set(session.id, session);
      if (!order.includes(session.id)) order = [...order, session.id];
      publish();
    };
    const onUpdated = ({ waiting }: { waiting: string[] }) => {
      order = waiting;
      publish();
      for (const id of waiting.filter((w) => !sessions.has(w))) {
        chat.rest.getSession(id).then((session) => onQueued({ session }), () => undefined);
      }
    };
    const onLeft = ({ session }: { session: ChatSession }) => {
      if (session.status === 'waiting') return;
      order = order.filter((id) => id !== session.id);
      publish();
    };
    const onConnection = (state: string) => {
      if (state === 'reconnected') void load();
    };
    void load();
    return listen(chat, {
      session_queued: onQueued,
      chat_requeued: onQueued,
      queue_updated: onUpdated,
      chat_accepted: onLeft,
      chat_closed: onLeft,
      connection: onConnection,
    });
  }, [chat]);
  return queue;
}
