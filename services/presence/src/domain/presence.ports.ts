import type { AgentState, Availability, ChatSession, EventEnvelope, Identity, OnlineAgent, Participant } from '@parley/contracts';

/** A socket a gateway reported, with the user it authenticated. */
export interface Connection {
  socket_id: string;
  gateway_id: string;
  user_id: string;
  user_role: string;
  user_name: string;
}

export interface TypingIndicator {
  session_id: string;
  user_id: string;
  user_name: string;
  expires_at: Date;
}

/** What the presence domain reads and writes, inside one transaction. */
export interface PresenceStore {
  /** Serialises the transactions about one user (two tabs leaving at once: exactly one `user.left`). */
  lockUser(userId: string): Promise<void>;
  /** Extends the gateway's lease to `until`; answers whether it held an unexpired lease before. */
  renewLease(gatewayId: string, now: Date, until: Date): Promise<boolean>;
  /**
   * The socket's connection if it is registered, and whether its gateway holds a lease that runs
   * past `now` (read without locking it), in one round trip.
   */
  socketAndLease(socketId: string, gatewayId: string, now: Date): Promise<{ connection: Connection | null; leaseLive: boolean }>;
  /** Gateways whose lease ran out before `now`. */
  expiredGateways(now: Date): Promise<string[]>;
  /** Deletes the gateway (and whatever is left of its sockets) if its lease is still expired at `now`, or always without `now`. */
  deleteGateway(gatewayId: string, expiredAt?: Date): Promise<void>;
  socketsOfGateway(gatewayId: string): Promise<Connection[]>;

  saveConnection(connection: Connection): Promise<void>;
  getConnection(socketId: string): Promise<Connection | null>;
  deleteConnection(socketId: string): Promise<void>;
  sessionsOf(socketId: string): Promise<string[]>;
  /**
   * Puts the socket in the session: `added` when the membership is new, `firstOfUser` when it is
   * also the user's first socket there (one statement: a join is one round trip fewer).
   */
  addMembership(socketId: string, sessionId: string, userId: string): Promise<{ added: boolean; firstOfUser: boolean }>;
  /**
   * Takes the socket out of the session: `removed` when it was in, `lastOfUser` when the user has
   * no other socket there now (one statement, as `addMembership`).
   */
  deleteMembership(socketId: string, sessionId: string): Promise<{ removed: boolean; lastOfUser: boolean }>;
  isMember(socketId: string, sessionId: string): Promise<boolean>;
  /** Who is in the session now, one entry per user, first joined first. */
  participants(sessionId: string): Promise<Participant[]>;
  onlineAgents(): Promise<OnlineAgent[]>;
  /** How many sockets the user has open, over every gateway. */
  userConnectionCount(userId: string): Promise<number>;

  /** A support agent connected: online from now (their availability is kept). */
  agentOnline(agentId: string, agentName: string): Promise<void>;
  /** A support agent's last socket went: offline since now, unless already offline. */
  agentOffline(agentId: string): Promise<void>;
  setAvailability(agentId: string, agentName: string, status: Availability): Promise<void>;
  /** Every support agent connected now or seen before, with availability (default `available`). */
  agentStates(): Promise<AgentState[]>;

  getTyping(sessionId: string, userId: string): Promise<TypingIndicator | null>;
  saveTyping(indicator: TypingIndicator): Promise<void>;
  /** True when there was a row. */
  deleteTyping(sessionId: string, userId: string): Promise<boolean>;
  /** Deletes the rows that expired before `now` and answers them. */
  deleteExpiredTyping(now: Date): Promise<Array<{ session_id: string; user_id: string }>>;

  /** Records events in the outbox; they are published after the commit. */
  record(events: EventEnvelope[]): Promise<void>;
}

export interface PresenceRepository {
  /** Runs `work` in one transaction; the events it records are published once it commits. */
  transaction<T>(work: (store: PresenceStore) => Promise<T>): Promise<T>;
}

/** The session service, as presence asks it whether a caller may see a session. */
export interface SessionDirectory {
  get(identity: Identity, sessionId: string): Promise<ChatSession>;
}

export interface PresenceTimings {
  /** How long a gateway's lease lasts after each renewal. */
  leaseTtlMs: number;
  /** How long a typing indicator lives unless the user types again. */
  typingTtlMs: number;
  /** Typing again within this long of the last stored refresh writes nothing. */
  typingThrottleMs: number;
}
