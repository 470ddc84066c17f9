import type { ChatMessage, ChatSession } from '@parley/contracts';
import { ChatStore, tickOf } from './chat-store';

const session = (id: string, overrides: Partial<ChatSession> = {}): ChatSession => ({
  id,
  subject: `Chat ${id}`,
  category: null,
  priority: 'medium',
  status: 'active',
  customer_id: 'cleo',
  customer_role: 'customer',
  customer_name: 'Cleo',
  restaurant_id: null,
  ticket_id: null,
  agent_id: 'ana',
  agent_name: 'Ana',
  created_at: '2026-01-01T10:00:00.000Z',
  updated_at: '2026-01-01T10:00:00.000Z',
  accepted_at: null,
  resolved_at: null,
  closed_at: null,
  ...overrides,
});

const message = (seq: number, sender: string, overrides: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${seq}`,
  session_id: 's1',
  seq,
  sender_id: sender,
  sender_role: sender === 'ana' ? 'support' : 'customer',
  sender_name: sender,
  content: `message ${seq}`,
  message_type: 'text',
  temp_id: null,
  created_at: '2026-01-01T10:00:00.000Z',
  attachments: [],
  read_by: [],
  ...overrides,
});

const messagesOf = (store: ChatStore, id: string) => store.thread(id)?.messages ?? [];

describe('ChatStore', () => {
  it('keeps each message once, in seq order, whatever order and how often they arrive', () => {
    const store = new ChatStore('ana');
    store.upsertSession(session('s1'));
    store.addMessages('s1', [message(3, 'cleo'), message(1, 'cleo')]);
    store.addMessages('s1', [message(2, 'ana'), message(3, 'cleo')], true);
    expect(store.thread('s1')?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('counts live messages from others as unread unless their chat is in front', () => {
    const store = new ChatStore('ana');
    store.upsertSession(session('s1'));
    store.upsertSession(session('s2'));
    store.focus('s2');
    store.addMessages('s1', [message(1, 'cleo'), message(2, 'ana'), message(3, 'system', { message_type: 'system' })], true);
    store.addMessages('s2', [message(4, 'cleo', { session_id: 's2', id: 'x4' })], true);
    expect(store.thread('s1')?.unread).toBe(1);
    expect(store.thread('s2')?.unread).toBe(0);
    store.focus('s1');
    expect(store.thread('s1')?.unread).toBe(0);
  });

  it("counts a colleague's private note neither as unread nor as something to mark read", () => {
    const store = new ChatStore('ana');
    store.upsertSession(session('s1'));
    store.addMessages('s1', [message(1, 'root', { sender_role: 'admin', message_type: 'note' })], true);
    expect(store.thread('s1')?.unread).toBe(0);
    expect(store.unreadFromOthers('s1')).toEqual([]);
    expect(messagesOf(store, 's1').map((m) => m.message_type)).toEqual(['note']);
  });

  it('turns my ticks to read when someone else reads, not when I do', () => {
    const store = new ChatStore('cleo');
    store.upsertSession(session('s1'));
    store.addMessages('s1', [message(1, 'cleo'), message(2, 'ana')]);
    store.markRead('s1', 'cleo', ['m1', 'm2']);
    expect(tickOf(messagesOf(store, 's1')[0], 'cleo')).toBe('sent');
    expect(tickOf(messagesOf(store, 's1')[1], 'cleo')).toBeNull();
    expect(store.unreadFromOthers('s1')).toEqual([]);
    store.markRead('s1', 'ana', ['m1']);
    store.markRead('s1', 'ana', ['m1']);
    expect(messagesOf(store, 's1')[0].read_by.map((r) => r.user_id)).toEqual(['cleo', 'ana']);
    expect(tickOf(messagesOf(store, 's1')[0], 'cleo')).toBe('read');
  });

  it('shows who types until they stop or send, never myself', () => {
    const store = new ChatStore('cleo');
    store.upsertSession(session('s1'));
    store.setTyping('s1', 'ana', 'Ana');
    store.setTyping('s1', 'cleo', 'Cleo');
    expect(store.thread('s1')?.typing).toEqual({ ana: 'Ana' });
    store.addMessages('s1', [message(1, 'ana')], true);
    expect(store.thread('s1')?.typing).toEqual({});
  });

  it('keeps the queue position only while the chat waits', () => {
    const store = new ChatStore('cleo');
    store.upsertSession(session('s1', { status: 'waiting', queue_position: 3 }));
    expect(store.thread('s1')?.queue).toEqual({ position: 3, waiting: 3 });
    store.setQueuePosition('s1', 2, 4);
    expect(store.thread('s1')?.queue).toEqual({ position: 2, waiting: 4 });
    store.setStatus('s1', 'active', 'ana');
    store.setQueuePosition('s1', 1, 1);
    expect(store.thread('s1')?.queue).toBeUndefined();
    expect(store.thread('s1')?.session.agent_id).toBe('ana');
  });

  it('counts unread in the chat in front too while the tab is out of view, and totals them for the title', () => {
    const store = new ChatStore('ana');
    store.upsertSession(session('s1'));
    store.upsertSession(session('s2'), 2);
    store.focus('s1');
    store.addMessages('s1', [message(1, 'cleo')], true);
    expect(store.unreadTotal()).toBe(2);
    store.setInView(false);
    store.addMessages('s1', [message(2, 'cleo'), message(3, 'ana')], true);
    expect(store.thread('s1')?.unread).toBe(1);
    expect(store.unreadTotal()).toBe(3);
    store.setInView(true);
    expect(store.unreadTotal()).toBe(2);
  });

  it('keeps the rating a chat was given', () => {
    const store = new ChatStore('ana');
    store.upsertSession(session('s1', { status: 'resolved' }));
    expect(store.thread('s1')?.rating).toBeUndefined();
    const rating = { session_id: 's1', score: 4, comment: 'Nice', rated_by: 'cleo', agent_id: 'ana', agent_name: 'Ana', created_at: '2026-01-01T11:00:00.000Z' };
    store.setRating('s1', rating);
    store.setRating('unknown', rating);
    expect(store.thread('s1')?.rating).toEqual(rating);
  });
});
