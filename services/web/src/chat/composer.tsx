import { useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { cannedResponsesFor, fillCannedResponse, type CannedResponseContext } from '@parley/client';
import type { CannedResponse } from '@parley/contracts';
import { onSubmit } from '../ui';
import { CannedSuggestions } from './canned-suggestions';

export const MAX_FILES = 5;

interface ComposerProps {
  files: File[];
  setFiles: (files: File[]) => void;
  disabled: boolean;
  onType: () => void;
  onSend: (text: string, files: File[], asNote: boolean) => Promise<void>;
  /** Staff: the composer offers a private note (seen by staff only); switching to one ends the typing shown to the customer. */
  notes?: { onStart: () => void };
  /** Agents: the canned responses `/` offers, and what their placeholders stand for here. */
  canned?: { responses: CannedResponse[]; context: CannedResponseContext };
}

/**
 * Text and files to send. Enter sends, Shift+Enter starts a new line; files come from the picker
 * or a drop. With canned responses, `/` and a few letters offer the matching ones: arrows move,
 * Enter or Tab inserts the chosen one's text (filled in), Escape keeps what was typed. With notes,
 * a "Private note" switch makes the text a note: text only, and no typing goes out while writing it.
 */
export function Composer({ files, setFiles, disabled, onType, onSend, canned, notes }: ComposerProps) {
  const [text, setText] = useState('');
  const [asNote, setAsNote] = useState(false);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const options = canned && !dismissed ? cannedResponsesFor(text, canned.responses) : null;

  const choose = (response: CannedResponse) => {
    setText(fillCannedResponse(response.content, (canned as NonNullable<typeof canned>).context));
    setActive(0);
  };

  const send = async () => {
    if (busy || disabled || (!text.trim() && files.length === 0)) return;
    setBusy(true);
    try {
      await onSend(text.trim(), asNote ? [] : files, asNote);
      setText('');
      setFiles([]);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (options && options.length > 0) {
      const moves: Record<string, () => void> = {
        ArrowDown: () => setActive((active + 1) % options.length),
        ArrowUp: () => setActive((active - 1 + options.length) % options.length),
        Enter: () => choose(options[Math.min(active, options.length - 1)]),
        Tab: () => choose(options[Math.min(active, options.length - 1)]),
        Escape: () => setDismissed(true),
      };
      if (moves[event.key] && !event.shiftKey) {
        event.preventDefault();
        moves[event.key]();
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form
      class={`composer ${asNote ? 'note' : ''}`}
      onSubmit={onSubmit(send)}
    >
      {notes && (
        <label class="note-toggle">
          <input
            type="checkbox"
            checked={asNote}
            disabled={disabled}
            onChange={(event) => {
              setAsNote(event.currentTarget.checked);
              if (event.currentTarget.checked) notes.onStart();
            }}
          />{' '}
          Private note <span class="hint">{asNote ? '(only staff see it)' : ''}</span>
        </label>
      )}
      {files.length > 0 && !asNote && <PendingFiles files={files} remove={(file) => setFiles(files.filter((f) => f !== file))} />}
      {options && <CannedSuggestions options={options} active={Math.min(active, Math.max(options.length - 1, 0))} choose={choose} />}
      <div class="composer-row">
        <label class="visually-hidden" for="message-input">
          Message
        </label>
        <textarea
          id="message-input"
          rows={2}
          placeholder={placeholderOf(disabled, asNote, !!canned)}
          value={text}
          disabled={disabled}
          maxLength={5000}
          aria-controls={options ? 'canned-suggestions' : undefined}
          aria-activedescendant={options?.length ? `canned-${options[Math.min(active, options.length - 1)].id}` : undefined}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setActive(0);
            setDismissed(false);
            // A note is not shown to the customer, nor is writing one.
            if (!asNote) onType();
          }}
          onKeyDown={onKeyDown}
        />
        <label class={`button secondary ${disabled || asNote ? 'disabled' : ''}`}>
          Attach
          <input
            type="file"
            multiple
            class="visually-hidden"
            aria-label="Attach files"
            disabled={disabled || asNote}
            accept="image/jpeg,image/png,image/gif,image/webp,application/pdf,.doc,.docx,.xls,.xlsx,.txt"
            onChange={(event) => {
              setFiles([...files, ...Array.from(event.currentTarget.files ?? [])].slice(0, MAX_FILES));
              event.currentTarget.value = '';
            }}
          />
        </label>
        <button type="submit" disabled={disabled || busy}>
          {asNote ? 'Add note' : 'Send'}
        </button>
      </div>
    </form>
  );
}

function placeholderOf(disabled: boolean, asNote: boolean, canned: boolean): string {
  if (disabled) return 'This chat is closed';
  if (asNote) return 'Write a private note for staff (Enter adds it)';
  return canned ? 'Write a message (Enter sends, / for canned responses)' : 'Write a message (Enter sends)';
}

/** Files waiting to be sent, images with a local preview. */
function PendingFiles({ files, remove }: { files: File[]; remove: (file: File) => void }) {
  const previews = useMemo(() => files.map((file) => (file.type.startsWith('image/') ? URL.createObjectURL(file) : null)), [files]);
  useEffect(() => () => previews.forEach((url) => url && URL.revokeObjectURL(url)), [previews]);
  return (
    <ul class="pending" aria-label="Files to send">
      {files.map((file, i) => (
        <li key={`${file.name}-${i}`}>
          {previews[i] ? <img src={previews[i] as string} alt={`Preview of ${file.name}`} /> : <span class="file-icon" aria-hidden="true">📄</span>}
          <span class="file-name">{file.name}</span>
          <button type="button" class="link" aria-label={`Remove ${file.name}`} onClick={() => remove(file)}>
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}
