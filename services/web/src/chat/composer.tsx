import { useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { onSubmit } from '../ui';

export const MAX_FILES = 5;

interface ComposerProps {
  files: File[];
  setFiles: (files: File[]) => void;
  disabled: boolean;
  onType: () => void;
  onSend: (text: string, files: File[]) => Promise<void>;
}

/** Text and files to send. Enter sends, Shift+Enter starts a new line; files come from the picker or a drop. */
export function Composer({ files, setFiles, disabled, onType, onSend }: ComposerProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (busy || disabled || (!text.trim() && files.length === 0)) return;
    setBusy(true);
    try {
      await onSend(text.trim(), files);
      setText('');
      setFiles([]);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form
      class="composer"
      onSubmit={onSubmit(send)}
    >
      {files.length > 0 && <PendingFiles files={files} remove={(file) => setFiles(files.filter((f) => f !== file))} />}
      <div class="composer-row">
        <label class="visually-hidden" for="message-input">
          Message
        </label>
        <textarea
          id="message-input"
          rows={2}
          placeholder={disabled ? 'This chat is closed' : 'Write a message (Enter sends)'}
          value={text}
          disabled={disabled}
          maxLength={5000}
          onInput={(event) => {
            setText(event.currentTarget.value);
            onType();
          }}
          onKeyDown={onKeyDown}
        />
        <label class={`button secondary ${disabled ? 'disabled' : ''}`}>
          Attach
          <input
            type="file"
            multiple
            class="visually-hidden"
            aria-label="Attach files"
            disabled={disabled}
            accept="image/jpeg,image/png,image/gif,image/webp,application/pdf,.doc,.docx,.xls,.xlsx,.txt"
            onChange={(event) => {
              setFiles([...files, ...Array.from(event.currentTarget.files ?? [])].slice(0, MAX_FILES));
              event.currentTarget.value = '';
            }}
          />
        </label>
        <button type="submit" disabled={disabled || busy}>
          Send
        </button>
      </div>
    </form>
  );
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
