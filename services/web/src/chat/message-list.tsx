import { useEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '@parley/contracts';
import { tickOf } from './chat-store';
import { AttachmentView } from './attachment-view';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * The conversation. Message text is rendered as text (JSX escapes it), never as HTML. New messages
 * scroll into view; a message to focus (a search hit) is scrolled to and marked instead. A private
 * note (staff's alone: the server never gives one to a customer) stands out, labelled.
 */
export function MessageList({ messages, myId, token, focusSeq }: { messages: ChatMessage[]; myId: string; token: string; focusSeq?: number }) {
  const end = useRef<HTMLLIElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const focusShown = focusSeq !== undefined && messages.some((m) => m.seq === focusSeq);
  useEffect(() => {
    if (focusShown) list.current?.querySelector(`[data-seq="${focusSeq}"]`)?.scrollIntoView?.({ block: 'center' });
    else end.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length, focusSeq, focusShown]);
  return (
    <ol class="messages" aria-label="Messages" aria-live="polite" ref={list}>
      {messages.map((message) => {
        if (message.message_type === 'system') {
          return (
            <li key={message.id} class="message system" data-seq={message.seq}>
              {message.content}
            </li>
          );
        }
        const tick = tickOf(message, myId);
        const note = message.message_type === 'note';
        return (
          <li key={message.id} class={`message ${tick ? 'mine' : 'theirs'} ${note ? 'note' : ''} ${message.seq === focusSeq ? 'found' : ''}`} data-seq={message.seq} aria-current={message.seq === focusSeq ? 'true' : undefined}>
            <div class="meta">
              {note && <span class="note-label">Private note</span>} <span class="sender">{tick ? 'You' : message.sender_name}</span> <time dateTime={message.created_at}>{time(message.created_at)}</time>
            </div>
            {message.content && <p class="text">{message.content}</p>}
            {message.attachments.map((attachment) => (
              <AttachmentView key={attachment.id} attachment={attachment} token={token} />
            ))}
            {tick && !note && (
              <span class={`tick ${tick}`} data-tick={tick} title={tick === 'read' ? 'Read' : 'Sent'}>
                {tick === 'read' ? '✓✓' : '✓'}
                <span class="visually-hidden">{tick === 'read' ? ' read' : ' sent'}</span>
              </span>
            )}
          </li>
        );
      })}
      <li ref={end} class="end" aria-hidden="true" />
    </ol>
  );
}
