import { io, type Socket } from 'socket.io-client';
import { Emitter } from '@socket.io/component-emitter';
import type {
  Availability,
  AvailabilityChangedEvent,
  ChatAcceptedEvent,
  ChatClosedEvent,
  ChatMessage,
  ChatTransferredEvent,
  ClientToServerEvents,
  MessagesReadEvent,
  MessageSentEvent,
  SendMessageAnswer,
  ServerToClientEvents,
  SessionJoinedEvent,
  SessionLeftEvent,
  UserMessageType,
} from '@parley/contracts';
import { ParleyError } from './parley-error';
import { RestClient } from './rest-client';
import { CatchUp } from './catch-up';
import { SendQueue } from './send-queue';
import { SessionTracker } from './session-tracker';
import { TypingSignals } from './typing-signals';

export interface ParleyClientOptions {
  /** The gateway, e.g. https://chat.example.com or http://localhost:45000. */
  url: string;
  /** The platform's JWT, or a function returning a fresh one: it is asked on every (re)connect. */
  token: string | (() => string | Promise<string>);
  /** How long a request waits for the server's answer. */
  ackTimeoutMs?: number;
  /** After the last keystroke, `stop_typing` is sent this much later (3 s by default; docs/api.md, typing). */
  typingStopMs?: number;
  /** `typing` goes at most this often per session while keystrokes go on (2 s). */
  typingThrottleMs?: number;
  transports?: ('websocket' | 'polling')[];
  reconnectionDelayMs?: number;
  reconnectionDelayMaxMs?: number;
}

/** Server events the client hands to the app as they come. */
const PASSED_THROUGH = [
  'chat_accepted',
  'chat_closed',
  'chat_transferred',
  'session_status_changed',
  'session_queued',
  'queue_updated',
  'queue_position',
  'user_joined',
  'user_left',
  'user_typing',
  'typing_stopped',
  'messages_read',
  'chat_requeued',
  'availability_changed',
  'chat_rated',
  'workload_updated',
  'agents_updated',
] as const;
type PassedThrough = (typeof PASSED_THROUGH)[number];

export type ParleyClientEvents = Pick<ServerToClientEvents, PassedThrough | 'session_joined'> & {
  /** A new message in a joined session: each once, whatever the network did. */
  message: (message: ChatMessage) => void;
  connection: (state: 'connected' | 'disconnected' | 'reconnected') => void;
  /** An `error` the server sent that no request of this client is waiting for. */
  server_error: (error: ParleyError) => void;
};

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; event?: string; retry_after_ms?: number } };

/**
 * Parley for browsers and Node. Reconnection is invisible: on reconnect it rejoins its sessions
 * with the last seq it has and passes on only what it missed; sends made while offline wait and go
 * out once, in order, with their temp_id; a message never reaches the app twice.
 */
export class ParleyClient extends Emitter<ParleyClientEvents, ParleyClientEvents> {
  readonly rest: RestClient;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly tracker = new SessionTracker();
  private readonly sends: SendQueue;
  private readonly catchUp: CatchUp;
  private readonly ackTimeoutMs: number;
  private readonly typingSignals: TypingSignals;
  private connectedBefore = false;
  /** False once the app called disconnect(). */
  private wanted = true;

  constructor(options: ParleyClientOptions) {
    super();
    const token = typeof options.token === 'function' ? options.token : () => options.token as string;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.typingSignals = new TypingSignals({
      throttleMs: options.typingThrottleMs ?? 2000,
      stopMs: options.typingStopMs ?? 3000,
      send: (event, sessionId) => void this.request(event, { session_id: sessionId }).catch((error: unknown) => this.surface(error)),
    });
    this.rest = new RestClient(options.url, async () => token());
    this.sends = new SendQueue((payload) =>
      this.request<SendMessageAnswer, MessageSentEvent>('send_message', payload, ({ message, ...sent }) => {
        // The ack carries the stored message and the socket gets no echo of it (a gateway of the
        // previous version echoed it: the tracker drops the second). Shown in the ack's own turn,
        // before the next packet's `new_message` (a later message) is handled.
        if (message && !this.catchUp.hold(message)) this.deliver(message);
        return sent;
      }),
    );
    this.socket = io(options.url, {
      autoConnect: false,
      transports: options.transports ?? ['websocket', 'polling'],
      reconnectionDelay: options.reconnectionDelayMs ?? 1000,
      reconnectionDelayMax: options.reconnectionDelayMaxMs ?? 5000,
      auth: (callback) => void Promise.resolve(token()).then((value) => callback({ token: value })),
    });
    this.socket.on('connect', () => void this.onConnect());
    this.socket.on('disconnect', (reason) => {
      this.sends.setOnline(false);
      this.emit('connection', 'disconnected');
      // The server closes a socket whose token expired: connect again, asking for a fresh token.
      if (reason === 'io server disconnect' && this.wanted) this.socket.connect();
    });
    this.catchUp = new CatchUp({
      tracker: this.tracker,
      rejoin: (sessionId, lastSeq) => this.request<SessionJoinedEvent>('join_session', { session_id: sessionId, last_seq: lastSeq }),
      page: (sessionId, afterSeq, limit) => this.rest.history(sessionId, { after_seq: afterSeq, limit }),
      deliver: (message) => this.deliver(message),
      gap: (error) => this.emit('server_error', error),
    });
    this.socket.on('new_message', ({ message }) => {
      if (!this.catchUp.hold(message)) this.deliver(message);
    });
    // A join this client asked for, or one the server made (accept_chat puts the agent in the chat).
    this.socket.on('session_joined', (joined) => {
      this.tracker.track(joined.session.id);
      // A catch-up hands its missed messages to the app itself; a first join's are history.
      if (!this.catchUp.isCatchingUp(joined.session.id)) joined.messages.forEach((m) => this.tracker.accept(m));
      this.emit('session_joined', joined);
    });
    this.socket.on('error', (error) => {
      // Requests get their error through their ack; this is for everything else.
      if (!error.event) this.emit('server_error', new ParleyError(error.code, error.message));
    });
    for (const event of PASSED_THROUGH) {
      this.socket.on(event, ((data: unknown) => (this.emit as (e: string, d: unknown) => void)(event, data)) as never);
    }
  }

  /** Connects; rejects with the server's reason (e.g. UNAUTHENTICATED) if the handshake is refused. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error & { data?: { code?: string } }) => {
        this.socket.off('connect', onConnect);
        this.socket.disconnect();
        reject(new ParleyError(error.data?.code ?? 'UNAVAILABLE', error.message));
      };
      const onConnect = () => {
        this.socket.off('connect_error', onError);
        resolve();
      };
      this.wanted = true;
      this.socket.once('connect', onConnect);
      this.socket.once('connect_error', onError);
      this.socket.connect();
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Sends waiting for a connection or an answer. */
  get pendingSends(): number {
    return this.sends.size;
  }

  /** Joins a session; `session_joined` carries its history. Later messages arrive as `message`. */
  async join(sessionId: string): Promise<SessionJoinedEvent> {
    this.tracker.track(sessionId);
    const lastSeq = this.tracker.lastSeq(sessionId);
    return this.request<SessionJoinedEvent>('join_session', lastSeq ? { session_id: sessionId, last_seq: lastSeq } : { session_id: sessionId });
  }

  async leave(sessionId: string): Promise<SessionLeftEvent> {
    this.tracker.forget(sessionId);
    return this.request<SessionLeftEvent>('leave_session', { session_id: sessionId });
  }

  /** Sends now, or as soon as the connection is back; resolves with the server's ack. */
  send(
    sessionId: string,
    content: string,
    options: { messageType?: UserMessageType; tempId?: string; attachmentIds?: string[] } = {},
  ): Promise<MessageSentEvent> {
    const temp_id = options.tempId ?? `tmp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    // The message ends the typing indicator where it shows; no stop_typing goes out for it.
    this.typingSignals.end(sessionId);
    const files = options.attachmentIds?.length ? { attachment_ids: options.attachmentIds } : {};
    return this.sends.push({ session_id: sessionId, content, message_type: options.messageType ?? 'text', temp_id, ...files });
  }

  /**
   * A private note (staff only): shown to the support agents and admins in the chat, never to its
   * customer or restaurant; a requester's note is refused with PERMISSION_DENIED. Call no `typing`
   * while writing one: the customer would see it.
   */
  sendNote(sessionId: string, content: string, options: { tempId?: string } = {}): Promise<MessageSentEvent> {
    return this.send(sessionId, content, { ...options, messageType: 'note' });
  }

  /**
   * Call on every keystroke: sends `typing` unless one went for this session in the last
   * `typingThrottleMs` (2 s), so a long burst keeps the indicator alive with one event every few
   * seconds; `stop_typing` follows `typingStopMs` after the last keystroke. Sending a message
   * sends no `stop_typing`: the message ends the indicator (docs/api.md).
   */
  typing(sessionId: string): void {
    this.typingSignals.keystroke(sessionId);
  }

  stopTyping(sessionId: string): void {
    this.typingSignals.stop(sessionId);
  }

  /** Marks messages read (none named: everything up to now); answers the newly read ids. */
  markAsRead(sessionId: string, messageIds?: string[]): Promise<MessagesReadEvent> {
    return this.request('mark_as_read', messageIds ? { session_id: sessionId, message_ids: messageIds } : { session_id: sessionId });
  }

  /** Takes a waiting chat; the server also joins this client to it (`session_joined`). */
  async acceptChat(sessionId: string): Promise<ChatAcceptedEvent> {
    const accepted = await this.request<ChatAcceptedEvent>('accept_chat', { session_id: sessionId });
    // Accepted, but the server could not put this client in the chat: join it here. The chat is
    // this agent's either way; a join that fails too is told as a server_error, not as a failed accept.
    if (accepted.joined === false) await this.join(sessionId).catch((error: unknown) => this.surface(error));
    return accepted;
  }

  closeChat(sessionId: string): Promise<ChatClosedEvent> {
    return this.request('close_chat', { session_id: sessionId });
  }

  transferChat(sessionId: string, agent: { agent_id: string; agent_name: string }): Promise<ChatTransferredEvent> {
    return this.request('transfer_chat', { session_id: sessionId, ...agent });
  }

  /** A support agent takes new chats (`available`) or not (`away`): auto-assignment respects it. */
  setAvailability(status: Availability): Promise<AvailabilityChangedEvent> {
    return this.request('set_availability', { status });
  }

  disconnect(): void {
    this.wanted = false;
    this.socket.disconnect();
  }

  private async onConnect(): Promise<void> {
    const reconnected = this.connectedBefore;
    this.connectedBefore = true;
    if (reconnected) {
      // Catch up first, then the sends that waited, so the app sees the conversation in order.
      for (const sessionId of this.tracker.joined()) await this.catchUp.run(sessionId);
    }
    this.sends.setOnline(true);
    this.emit('connection', reconnected ? 'reconnected' : 'connected');
  }

  private surface(error: unknown): void {
    this.emit('server_error', error instanceof ParleyError ? error : new ParleyError('UNAVAILABLE', String(error)));
  }

  private deliver(message: ChatMessage): void {
    if (this.tracker.accept(message)) this.emit('message', message);
  }

  /** One event with an ack; `onAnswer` runs in the ack's own turn of the event loop, before any later packet. */
  private request<T, R = T>(event: string, payload: unknown, onAnswer: (data: T) => R = (data) => data as unknown as R): Promise<R> {
    return new Promise((resolve, reject) => {
      const timed = this.socket.timeout(this.ackTimeoutMs) as unknown as { emit(e: string, p: unknown, ack: (error: Error | null, answer: Answer<T>) => void): void };
      timed.emit(event, payload, (error, answer) => {
        if (error) return reject(new ParleyError('TIMEOUT', `No answer to ${event} within ${this.ackTimeoutMs} ms`, event));
        if (!answer.ok) {
          const retryAfterMs = typeof answer.error.retry_after_ms === 'number' ? answer.error.retry_after_ms : undefined;
          return reject(new ParleyError(answer.error.code, answer.error.message, event, retryAfterMs));
        }
        try {
          resolve(onAnswer(answer.data));
        } catch (failure) {
          reject(failure);
        }
      });
    });
  }
}
