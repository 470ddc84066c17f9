import { useEffect, useState } from 'preact/hooks';
import type { ParleyClient } from '@parley/client';
import type { SessionRating } from '@parley/contracts';
import { reasonOf } from '../api';
import { Alert, onSubmit } from '../ui';
import type { ChatStore, Thread } from './chat-store';

const ended = (thread: Thread) => thread.session.status === 'resolved' || thread.session.status === 'closed';
const stars = (score: number) => '★'.repeat(score) + '☆'.repeat(5 - score);

/** Loads the rating of a chat that has ended, once, into the store (live ones arrive as chat_rated). */
export function useRating(chat: ParleyClient, store: ChatStore, thread: Thread | undefined): void {
  const id = thread?.session.id;
  const due = !!thread && ended(thread) && thread.rating === undefined;
  useEffect(() => {
    if (!due || !id) return;
    chat.rest.getSession(id).then(
      (view) => store.setRating(id, view.rating ?? null),
      () => undefined,
    );
  }, [chat, store, id, due]);
}

/** How the customer rated the chat. */
export function RatingSummary({ rating, who }: { rating: SessionRating; who: string }) {
  return (
    <p class="rating" data-score={rating.score}>
      {who} rated this chat <span aria-hidden="true">{stars(rating.score)}</span> {rating.score}/5
      {rating.comment && <q>{rating.comment}</q>}
    </p>
  );
}

/** What the customer sees once the chat has ended: the question, or their answer. */
export function RatingPrompt({ chat, store, thread }: { chat: ParleyClient; store: ChatStore; thread: Thread }) {
  useRating(chat, store, thread);
  if (!ended(thread) || thread.rating === undefined) return null;
  if (thread.rating) return <RatingSummary rating={thread.rating} who="You" />;
  return <RatingForm chat={chat} sessionId={thread.session.id} rated={(rating) => store.setRating(thread.session.id, rating)} />;
}

function RatingForm({ chat, sessionId, rated }: { chat: ParleyClient; sessionId: string; rated: (rating: SessionRating) => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    if (score === 0) return setProblem('Choose from 1 to 5 stars first.');
    setProblem(null);
    try {
      rated(await chat.rest.rateSession(sessionId, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
    } catch (error) {
      setProblem(reasonOf(error));
    }
  };

  return (
    <form class="rate" onSubmit={onSubmit(send)}>
      <fieldset>
        <legend>How did we do?</legend>
        <div class="stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class={n <= score ? 'on' : ''}>
              <input type="radio" name="score" value={n} class="visually-hidden" checked={score === n} onChange={() => setScore(n)} aria-label={`${n} star${n > 1 ? 's' : ''}`} />
              <span aria-hidden="true">★</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        Anything to add? (optional)
        <textarea rows={2} maxLength={1000} value={comment} onInput={(event) => setComment(event.currentTarget.value)} />
      </label>
      <button type="submit">Send rating</button>
      <Alert message={problem} />
    </form>
  );
}
