import type { ChatMessage, ChatSession, SessionRating } from '@parley/contracts';

/** One chat as the app shows it. */
export interface Thread {
  session: ChatSession;
  /** In `seq` order, each once. */
  messages: ChatMessage[];
  /** Who is typing now: user id → name. */
  typing: Record<string, string>;
  /** Messages from others that arrived while the chat was not in front. */
  unread: number;
  queue?: { position: number; waiting: number };
  /** The customer's rating once given; undefined while not known. */
  rating?: SessionRating | null;
}

type Listener = () => void;

/**
 * The chats of the signed-in person, fed by socket events and REST answers. Plain TypeScript (no
 * UI): components subscribe and re-render on change. Everything is merged by id, so an event that
 * arrives twice, or a history page that overlaps a live message, changes nothing.
 */
export class ChatStore {
  private readonly threads = new Map<string, Thread>();
  private readonly listeners = new Set<Listener>();
  /** The chat in front: its new messages are not counted unread while the tab is in view. */
  focused: string | null = null;
  /** Whether the tab is in view (a hidden tab's chat in front is not being read). */
  inView = true;

  constructor(
    readonly myId: string,
    readonly myName = '',
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  thread(sessionId: string): Thread | undefined {
    return this.threads.get(sessionId);
  }

  /** Newest first. */
  list(): Thread[] {
    return [...this.threads.values()].sort((a, b) => b.session.created_at.localeCompare(a.session.created_at));
  }

  upsertSession(session: ChatSession, unread?: number): void {
    const existing = this.threads.get(session.id);
    const queue = session.status === 'waiting' && session.queue_position ? { position: session.queue_position, waiting: existing?.queue?.waiting ?? session.queue_position } : undefined;
    if (existing) {
      existing.session = { ...existing.session, ...session };
      if (session.status !== 'waiting') existing.queue = undefined;
      else if (queue) existing.queue = queue;
      if (unread !== undefined) existing.unread = unread;
    } else {
      this.threads.set(session.id, { session, messages: [], typing: {}, unread: unread ?? 0, queue });
    }
    this.changed();
  }

  setStatus(sessionId: string, status: ChatSession['status'], agentId?: string | null): void {
    const thread = this.threads.get(sessionId);
    if (!thread) return;
    thread.session = { ...thread.session, status, ...(agentId !== undefined ? { agent_id: agentId } : {}) };
    if (status !== 'waiting') thread.queue = undefined;
    this.changed();
  }

  remove(sessionId: string): void {
    if (this.threads.delete(sessionId)) this.changed();
  }

  /** Merges messages by id; `live` ones from others count as unread unless their chat is in front. */
  addMessages(sessionId: string, messages: ChatMessage[], live = false): void {
    const thread = this.threads.get(sessionId);
    if (!thread || messages.length === 0) return;
    const known = new Set(thread.messages.map((m) => m.id));
    const fresh = messages.filter((m) => !known.has(m.id));
    if (fresh.length === 0) return;
    thread.messages = [...thread.messages, ...fresh].sort((a, b) => a.seq - b.seq);
    for (const message of fresh) {
      // A message ends its sender's typing.
      delete thread.typing[message.sender_id];
      if (live && (this.focused !== sessionId || !this.inView) && this.fromOthers(message)) thread.unread += 1;
    }
    this.changed();
  }

  /** Someone read these messages of this chat. */
  markRead(sessionId: string, userId: string, messageIds: string[], readAt = new Date().toISOString()): void {
    const thread = this.threads.get(sessionId);
    if (!thread || messageIds.length === 0) return;
    const ids = new Set(messageIds);
    thread.messages = thread.messages.map((m) =>
      ids.has(m.id) && !m.read_by.some((r) => r.user_id === userId) ? { ...m, read_by: [...m.read_by, { user_id: userId, read_at: readAt }] } : m,
    );
    this.changed();
  }

  setTyping(sessionId: string, userId: string, name: string | null): void {
    const thread = this.threads.get(sessionId);
    if (!thread || userId === this.myId) return;
    if (name === null) delete thread.typing[userId];
    else thread.typing[userId] = name;
    this.changed();
  }

  setQueuePosition(sessionId: string, position: number, waiting: number): void {
    const thread = this.threads.get(sessionId);
    if (!thread || thread.session.status !== 'waiting') return;
    thread.queue = { position, waiting };
    this.changed();
  }

  focus(sessionId: string | null): void {
    this.focused = sessionId;
    const thread = sessionId ? this.threads.get(sessionId) : undefined;
    if (thread) thread.unread = 0;
    this.changed();
  }

  /** The tab came into view or went out of it; coming back, the chat in front counts as read. */
  setInView(inView: boolean): void {
    this.inView = inView;
    const thread = inView && this.focused ? this.threads.get(this.focused) : undefined;
    if (thread) thread.unread = 0;
    this.changed();
  }

  setRating(sessionId: string, rating: SessionRating | null): void {
    const thread = this.threads.get(sessionId);
    if (!thread) return;
    thread.rating = rating;
    this.changed();
  }

  /** Every chat's unread messages: what the tab's title shows. */
  unreadTotal(): number {
    return [...this.threads.values()].reduce((sum, thread) => sum + thread.unread, 0);
  }

  /** Messages from others that I have not read yet (what a mark_as_read would cover). */
  unreadFromOthers(sessionId: string): ChatMessage[] {
    const thread = this.threads.get(sessionId);
    return thread ? thread.messages.filter((m) => this.fromOthers(m) && !m.read_by.some((r) => r.user_id === this.myId)) : [];
  }

  private fromOthers(message: ChatMessage): boolean {
    // Neither system lines nor private notes count as unread (as on the server).
    return message.sender_id !== this.myId && message.message_type !== 'system' && message.message_type !== 'note';
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}

/** ✓ sent, ✓✓ read by someone else; null for messages that are not mine. */
export function tickOf(message: ChatMessage, myId: string): 'sent' | 'read' | null {
  if (message.sender_id !== myId) return null;
  return message.read_by.some((r) => r.user_id !== myId) ? 'read' : 'sent';
}
