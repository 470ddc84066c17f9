import { useEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '@parley/contracts';
import { tickOf } from './chat-store';
import { AttachmentView } from './attachment-view';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The conversation. Message text is rendered as text (JSX escapes it), never as HTML. */
export function MessageList({ messages, myId, token }: { messages: ChatMessage[]; myId: string; token: string }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView?.({ block: 'end' }), [messages.length]);
  return (
    <ol class="messages" aria-label="Messages" aria-live="polite">
      {messages.map((message) => {
        if (message.message_type === 'system') {
          return (
            <li key={message.id} class="message system">
              {message.content}
            </li>
          );
        }
        const tick = tickOf(message, myId);
        return (
          <li key={message.id} class={`message ${tick ? 'mine' : 'theirs'}`} data-seq={message.seq}>
            <div class="meta">
              <span class="sender">{tick ? 'You' : message.sender_name}</span> <time dateTime={message.created_at}>{time(message.created_at)}</time>
            </div>
            {message.content && <p class="text">{message.content}</p>}
            {message.attachments.map((attachment) => (
              <AttachmentView key={attachment.id} attachment={attachment} token={token} />
            ))}
            {tick && (
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
