import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { CannedResponseContext, ParleyClient } from '@parley/client';
import type { CannedResponse } from '@parley/contracts';
import { reasonOf } from '../api';
import type { ChatStore } from './chat-store';
import { Composer, MAX_FILES } from './composer';
import { MessageList } from './message-list';
import { Alert } from '../ui';

interface ConversationProps {
  chat: ParleyClient;
  store: ChatStore;
  sessionId: string;
  token: string;
  /** Whether this person may write now. */
  canWrite: boolean;
  /** Actions shown above the messages (accept, resolve, close, …). */
  children?: ComponentChildren;
  /** Agents: the canned responses the composer offers after `/`. */
  cannedResponses?: CannedResponse[];
  /** A message to show and mark (a search hit), by its seq. */
  focusSeq?: number;
  /** Shown below the messages (the customer's rating form, say). */
  footer?: ComponentChildren;
  /** Staff: the composer offers private notes. */
  notes?: boolean;
}

const contextOf = (session: { customer_name: string; agent_name: string | null }, me: string): CannedResponseContext => ({ customer_name: session.customer_name, agent_name: me });

/** One chat in front: its messages, who is typing, and the composer; files may be dropped anywhere on it. */
export function Conversation({ chat, store, sessionId, token, canWrite, children, cannedResponses, focusSeq, footer, notes }: ConversationProps) {
  const thread = store.thread(sessionId);
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  // What others wrote is read once it is on screen (now, or when the tab comes back into view).
  const unread = store.unreadFromOthers(sessionId).length;
  useEffect(() => {
    if (unread === 0) return;
    const markRead = () => {
      if (document.visibilityState !== 'visible') return;
      chat.markAsRead(sessionId).then(
        (read) => store.markRead(sessionId, store.myId, read.message_ids),
        () => undefined,
      );
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [chat, store, sessionId, unread]);

  if (!thread) return null;
  const typists = Object.values(thread.typing);

  const send = async (text: string, chosen: File[], asNote: boolean) => {
    setProblem(null);
    try {
      if (asNote) {
        await chat.sendNote(sessionId, text);
        return;
      }
      const uploaded = chosen.length ? await chat.rest.upload(chosen.map((file) => ({ name: file.name, data: file }))) : [];
      const messageType = uploaded.length === 0 ? 'text' : uploaded.every((f) => f.file_type.startsWith('image/')) ? 'image' : 'file';
      await chat.send(sessionId, text, { messageType, attachmentIds: uploaded.map((f) => f.id) });
    } catch (error) {
      setProblem(reasonOf(error));
      throw error;
    }
  };

  return (
    <section
      class={`conversation ${dragging ? 'dragging' : ''}`}
      aria-label={`Chat: ${thread.session.subject}`}
      onDragOver={(event) => {
        if (!canWrite) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        if (!canWrite) return;
        event.preventDefault();
        setDragging(false);
        setFiles([...files, ...Array.from(event.dataTransfer?.files ?? [])].slice(0, MAX_FILES));
      }}
    >
      {children}
      <MessageList messages={thread.messages} myId={store.myId} token={token} focusSeq={focusSeq} />
      <p class="typing" aria-live="polite">
        {typists.length > 0 ? `${typists.join(', ')} ${typists.length > 1 ? 'are' : 'is'} typing…` : ''}
      </p>
      <Alert message={problem} />
      {dragging && <p class="drop-hint">Drop files to attach them</p>}
      {footer}
      <Composer files={files} setFiles={setFiles} disabled={!canWrite} onType={() => chat.typing(sessionId)} onSend={send} canned={cannedResponses && { responses: cannedResponses, context: contextOf(thread.session, store.myName) }}
        notes={notes ? { onStart: () => chat.stopTyping(sessionId) } : undefined}
      />
    </section>
  );
}
