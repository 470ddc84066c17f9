import { useEffect, useState } from 'preact/hooks';
import type { ParleyClient } from '@parley/client';
import type { ChatMessage, ChatSession } from '@parley/contracts';
import type { ChatStore } from '../chat/chat-store';
import { listen } from '../chat/listen';

/** What the console alerts an agent to, and how; each can be switched off (kept in this browser). */
export interface AttentionSettings {
  newChats: boolean;
  newMessages: boolean;
  notifications: boolean;
  sound: boolean;
}

const SETTINGS_KEY = 'parley.attention';
const DEFAULTS: AttentionSettings = { newChats: true, newMessages: true, notifications: true, sound: true };
export const CONSOLE_TITLE = 'Agent console · Parley';

export function useAttentionSettings(): [AttentionSettings, (change: Partial<AttentionSettings>) => void] {
  const [settings, setSettings] = useState<AttentionSettings>(() => {
    try {
      return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<AttentionSettings>) };
    } catch {
      return DEFAULTS;
    }
  });
  const change = (next: Partial<AttentionSettings>) =>
    setSettings((current) => {
      const merged = { ...current, ...next };
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(merged));
      return merged;
    });
  return [settings, change];
}

const tabInView = () => document.visibilityState === 'visible';

let audio: AudioContext | null = null;
/** A short two-note chime, made on the spot (no sound file to load). */
function chime(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const start = audio.currentTime;
    [660, 880].forEach((frequency, i) => {
      const context = audio as AudioContext;
      const note = context.createOscillator();
      const volume = context.createGain();
      note.frequency.value = frequency;
      volume.gain.setValueAtTime(0.12, start + i * 0.12);
      volume.gain.exponentialRampToValueAtTime(0.001, start + i * 0.12 + 0.18);
      note.connect(volume).connect(context.destination);
      note.start(start + i * 0.12);
      note.stop(start + i * 0.12 + 0.2);
    });
  } catch {
    // No sound where the browser has none to give.
  }
}

function alertAgent(settings: AttentionSettings, title: string, body: string, tag: string): void {
  if (settings.notifications && 'Notification' in window && Notification.permission === 'granted') new Notification(title, { body, tag });
  if (settings.sound) chime();
}

/**
 * Gets the agent's attention while the tab is out of view: a browser notification and a chime for
 * a new chat in the queue and for a new message in one of their chats (each switched off in the
 * settings); nothing while the tab is in view. The tab's title carries the unread count.
 */
export function useAttention(chat: ParleyClient, store: ChatStore, settings: AttentionSettings): void {
  const unread = store.unreadTotal();
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${CONSOLE_TITLE}` : CONSOLE_TITLE;
  }, [unread]);
  useEffect(() => () => void (document.title = CONSOLE_TITLE), []);

  useEffect(() => {
    const onVisibility = () => store.setInView(tabInView());
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [store]);

  useEffect(() => {
    const onQueued = ({ session }: { session: ChatSession }) => {
      if (settings.newChats && !tabInView()) alertAgent(settings, 'New chat in the queue', `${session.customer_name}: ${session.subject}`, `queue-${session.id}`);
    };
    const onMessage = (message: ChatMessage) => {
      // A colleague's private note is no new message to answer.
      const fromOthers = message.sender_id !== store.myId && message.message_type !== 'system' && message.message_type !== 'note';
      if (settings.newMessages && fromOthers && store.thread(message.session_id) && !tabInView()) {
        alertAgent(settings, `${message.sender_name} wrote`, message.content || 'Sent a file', `message-${message.session_id}`);
      }
    };
    return listen(chat, { session_queued: onQueued, message: onMessage });
  }, [chat, store, settings]);
}
