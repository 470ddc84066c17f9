import { useState } from 'preact/hooks';
import type { OpenSessionInput } from '@parley/client';
import { reasonOf } from '../api';
import { Alert, onSubmit } from '../ui';

const CATEGORIES = [
  ['order_issue', 'A problem with an order'],
  ['delivery', 'Delivery'],
  ['payment', 'Payment or refund'],
  ['account', 'My account'],
  ['other', 'Something else'],
] as const;

/** What the customer needs help with; opens the chat. */
export function NewChatForm({ open }: { open: (input: OpenSessionInput) => Promise<void> }) {
  const [subject, setSubject] = useState('');
  const [category, setCategory] = useState<string>(CATEGORIES[0][0]);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      class="card stack"
      aria-labelledby="new-chat-title"
      onSubmit={onSubmit(() => {
        setBusy(true);
        setProblem(null);
        return open({ subject: subject.trim(), category, ...(text.trim() ? { initial_message: text.trim() } : {}) })
          .catch((error) => setProblem(reasonOf(error)))
          .finally(() => setBusy(false));
      })}
    >
      <h2 id="new-chat-title">How can we help?</h2>
      <Alert message={problem} />
      <label>
        Subject
        <input value={subject} required maxLength={255} onInput={(event) => setSubject(event.currentTarget.value)} />
      </label>
      <label>
        Category
        <select value={category} onChange={(event) => setCategory(event.currentTarget.value)}>
          {CATEGORIES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Message
        <textarea rows={3} value={text} maxLength={5000} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Start chat
      </button>
    </form>
  );
}
