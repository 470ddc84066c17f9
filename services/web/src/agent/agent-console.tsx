import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ChatSession } from '@parley/contracts';
import { reasonOf } from '../api';
import type { Signed } from '../auth/signed-in';
import { ChatStore } from '../chat/chat-store';
import { connectStore } from '../chat/connect-store';
import { listen } from '../chat/listen';
import { Conversation } from '../chat/conversation';
import { useStore } from '../chat/use-store';
import { useAttention, useAttentionSettings } from './attention';
import { AttentionSettingsMenu } from './attention-settings';
import { AvailabilityToggle } from './availability-toggle';
import { CannedResponsesPanel } from './canned-responses-panel';
import { ChatActions } from './chat-actions';
import { ChatLists } from './chat-lists';
import { SearchPanel } from './search-panel';
import { SupervisorPage } from './supervisor-page';
import { useCannedResponses } from './use-canned-responses';
import { useQueue } from './use-queue';
import { Alert, Toolbar } from '../ui';

type View = 'chats' | 'search' | 'responses' | 'supervisor';
const VIEWS: Array<[View, string]> = [
  ['chats', 'Chats'],
  ['search', 'Search'],
  ['responses', 'Canned responses'],
  ['supervisor', 'Supervisor'],
];

/** The agent's side: the live queue, several chats at once with their unread badges, search, canned responses; for admins the supervisor's view. */
export function AgentConsole({ chat, me, token, signOut }: Signed & { signOut: () => void }) {
  const store = useMemo(() => new ChatStore(me.userId, me.name), [me.userId, me.name]);
  useStore(store);
  const queue = useQueue(chat);
  const canned = useCannedResponses(chat);
  const [settings, changeSettings] = useAttentionSettings();
  useAttention(chat, store, settings);
  const [view, setView] = useState<View>('chats');
  const [selected, setSelected] = useState<string | null>(null);
  const [found, setFound] = useState<{ sessionId: string; seq: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  /** Puts a chat in the list with its history; the server keeps this socket in its room. */
  const track = async (session: ChatSession, unread?: number) => {
    store.upsertSession(session, unread);
    const joined = await chat.join(session.id);
    store.upsertSession(joined.session);
    store.addMessages(session.id, joined.messages);
    store.addMessages(session.id, await chat.rest.history(session.id, { limit: 100 }));
  };

  const select = (sessionId: string) => {
    store.focus(sessionId);
    setSelected(sessionId);
    setFound((current) => (current?.sessionId === sessionId ? current : null));
  };

  /** A search hit: its chat in front, scrolled to the message (read around it if it is not loaded). */
  const openAt = async (session: ChatSession, seq: number) => {
    setProblem(null);
    try {
      if (!store.thread(session.id)) await track(session);
      if (!store.thread(session.id)?.messages.some((m) => m.seq === seq)) {
        store.addMessages(session.id, await chat.rest.history(session.id, { after_seq: Math.max(0, seq - 25), limit: 50 }));
      }
      select(session.id);
      setFound({ sessionId: session.id, seq });
      setView('chats');
    } catch (error) {
      setProblem(reasonOf(error));
    }
  };

  useEffect(() => {
    const stop = connectStore(chat, store);
    chat.rest
      .listSessions({ assigned: 'me' })
      .then((mine) => Promise.all(mine.filter((s) => s.status === 'active' || s.status === 'resolved').map((s) => track(s, s.unread_count))))
      .catch((error) => setProblem(reasonOf(error)));
    // A chat handed to me: by another agent, an admin or auto-assignment.
    const onMine = ({ session, agentId }: { session: ChatSession; agentId: string }) => {
      if (agentId === me.userId && !store.thread(session.id)) void track(session).catch((error) => setProblem(reasonOf(error)));
    };
    const onTransferred = ({ session, to_agent_id }: { session: ChatSession; to_agent_id: string }) => onMine({ session, agentId: to_agent_id });
    const onAccepted = ({ session, agent_id }: { session: ChatSession; agent_id: string }) => onMine({ session, agentId: agent_id });
    const unlisten = listen(chat, { chat_transferred: onTransferred, chat_accepted: onAccepted });
    return () => {
      stop();
      unlisten();
    };
  }, [chat, store]);

  const accept = async (sessionId: string) => {
    setProblem(null);
    try {
      const { session } = await chat.acceptChat(sessionId);
      await track(session);
      select(session.id);
    } catch (error) {
      setProblem(reasonOf(error));
    }
  };

  const thread = selected ? store.thread(selected) : undefined;
  const canWrite = !!thread && thread.session.agent_id === me.userId && (thread.session.status === 'active' || thread.session.status === 'resolved');
  const views = VIEWS.filter(([name]) => name !== 'supervisor' || me.role === 'admin');
  return (
    <div class="console">
      <Toolbar me={me} signOut={signOut}>
        {me.role === 'support' && <AvailabilityToggle chat={chat} token={token} myId={me.userId} />}
        <AttentionSettingsMenu settings={settings} change={changeSettings} />
      </Toolbar>
      <div class="tabs" role="tablist" aria-label="Console">
        {views.map(([name, label]) => (
          <button key={name} type="button" role="tab" id={`tab-${name}`} aria-controls={`panel-${name}`} aria-selected={view === name} class={view === name ? 'current' : ''} onClick={() => setView(name)}>
            {label}
          </button>
        ))}
      </div>
      <Alert message={problem} />
      <div role="tabpanel" id="panel-chats" aria-labelledby="tab-chats" hidden={view !== 'chats'} class="console-grid">
        <ChatLists queue={queue} threads={store.list()} selected={selected} accept={accept} select={select} />
        {thread ? (
          <Conversation chat={chat} store={store} sessionId={thread.session.id} token={token} canWrite={canWrite} cannedResponses={canned.responses} notes focusSeq={found?.sessionId === thread.session.id ? found.seq : undefined}>
            <ChatActions chat={chat} store={store} token={token} thread={thread} />
          </Conversation>
        ) : (
          <section class="conversation empty">
            <p>Accept a chat from the queue, or pick one of yours.</p>
          </section>
        )}
      </div>
      <div role="tabpanel" id="panel-search" aria-labelledby="tab-search" hidden={view !== 'search'}>
        <SearchPanel chat={chat} open={(session, seq) => void openAt(session, seq)} />
      </div>
      <div role="tabpanel" id="panel-responses" aria-labelledby="tab-responses" hidden={view !== 'responses'}>
        <CannedResponsesPanel chat={chat} me={me} responses={canned.responses} changed={canned.reload} />
      </div>
      {me.role === 'admin' && (
        <div role="tabpanel" id="panel-supervisor" aria-labelledby="tab-supervisor" hidden={view !== 'supervisor'}>
          {view === 'supervisor' && <SupervisorPage chat={chat} />}
        </div>
      )}
    </div>
  );
}
