import { useState } from 'preact/hooks';
import type { ParleyClient } from '@parley/client';
import type { CannedResponse } from '@parley/contracts';
import { reasonOf } from '../api';
import type { Me } from '../auth/token';
import { Alert, onSubmit } from '../ui';

/** The canned responses `/` offers: the team's and my own; admins add and remove the team's. */
export function CannedResponsesPanel({ chat, me, responses, changed }: { chat: ParleyClient; me: Me; responses: CannedResponse[]; changed: () => void }) {
  const [form, setForm] = useState({ shortcut: '', title: '', content: '', shared: false });
  const [problem, setProblem] = useState<string | null>(null);
  const admin = me.role === 'admin';

  const act = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
      changed();
      return true;
    } catch (error) {
      setProblem(reasonOf(error));
      return false;
    }
  };
  const add = async () => {
    if (await act(() => chat.rest.createCannedResponse(form))) setForm({ shortcut: '', title: '', content: '', shared: false });
  };

  return (
    <section class="canned" aria-label="Canned responses">
      <p class="muted">
        In a chat, type <kbd>/</kbd> and the start of a shortcut to insert a response. <code>{'{{customer_name}}'}</code> and <code>{'{{agent_name}}'}</code> are filled in.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Shortcut</th>
            <th scope="col">Title</th>
            <th scope="col">Text</th>
            <th scope="col">For</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {responses.map((r) => (
            <tr key={r.id}>
              <td>/{r.shortcut}</td>
              <td>{r.title}</td>
              <td class="preview">{r.content}</td>
              <td>{r.shared ? 'the team' : 'me'}</td>
              <td>
                {(!r.shared || admin) && (
                  <button type="button" class="link" aria-label={`Delete /${r.shortcut}`} onClick={() => void act(() => chat.rest.deleteCannedResponse(r.id))}>
                    Delete
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="stack" onSubmit={onSubmit(add)}>
        <h2>Add a response</h2>
        <label>
          Shortcut
          <input required maxLength={32} value={form.shortcut} placeholder="refund" onInput={(event) => setForm({ ...form, shortcut: event.currentTarget.value })} />
        </label>
        <label>
          Title
          <input required maxLength={100} value={form.title} onInput={(event) => setForm({ ...form, title: event.currentTarget.value })} />
        </label>
        <label>
          Text
          <textarea required rows={3} maxLength={5000} value={form.content} onInput={(event) => setForm({ ...form, content: event.currentTarget.value })} />
        </label>
        {admin && (
          <label class="check">
            <input type="checkbox" checked={form.shared} onChange={(event) => setForm({ ...form, shared: event.currentTarget.checked })} />
            Share with the team
          </label>
        )}
        <button type="submit">Add response</button>
      </form>
      <Alert message={problem} />
    </section>
  );
}
