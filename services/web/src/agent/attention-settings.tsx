import { useState } from 'preact/hooks';
import type { AttentionSettings } from './attention';

const CHOICES: Array<[keyof AttentionSettings, string]> = [
  ['newChats', 'New chats in the queue'],
  ['newMessages', 'New messages in my chats'],
  ['notifications', 'Browser notifications'],
  ['sound', 'Sound'],
];

/** What the console alerts me to while its tab is out of view, and how. */
export function AttentionSettingsMenu({ settings, change }: { settings: AttentionSettings; change: (next: Partial<AttentionSettings>) => void }) {
  const supported = 'Notification' in window;
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  return (
    <details class="attention">
      <summary>Alerts</summary>
      <fieldset>
        <legend>While this tab is out of view, tell me of</legend>
        {CHOICES.map(([key, label]) => (
          <label key={key} class="check">
            <input type="checkbox" checked={settings[key]} onChange={(event) => change({ [key]: event.currentTarget.checked })} />
            {label}
          </label>
        ))}
        {supported && permission === 'default' && (
          <button type="button" class="secondary" onClick={() => void Notification.requestPermission().then(setPermission)}>
            Allow browser notifications
          </button>
        )}
        {supported && permission === 'denied' && <p class="muted">This browser blocks notifications from Parley.</p>}
      </fieldset>
    </details>
  );
}
