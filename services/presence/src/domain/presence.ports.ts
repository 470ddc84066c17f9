import type { AgentState, Availability, ChatSession, EventEnvelope, Identity, OnlineAgent, Participant } from '@parley/contracts';

/** A socket a gateway reported, with the user it authenticated. */
export interface Connection {
  socket_id: string;
  gateway_id: string;
  user_id: string;
  user_role: string;
  user_name: string;
}

/** A registered socket with the sessions it is in. */
export interface RegisteredSocket extends Connection {
  session_ids: string[];
}

/** What a batch of registrations reads before it decides anything. */
export interface Registry {
  /** Every socket of the batch's users, and the other sockets the batch names. */
  sockets: RegisteredSocket[];
  /** The batch's gateways whose lease runs past the batch's `now`. */
  liveGateways: string[];
}

/** What a batch of registrations writes, all at once. */
export interface RegistryChanges {
  /** Gateways given a lease until `leaseUntil` (or kept, when it runs longer): none was live when read. */
  leases: string[];
  leaseUntil: Date;
  added: Connection[];
  /** Sockets removed, and with them their memberships. */
  dropped: string[];
  /** Memberships added, in the order their sockets joined. */
  joined: Array<{ socket_id: string; session_id: string; user_id: string }>;
  left: Array<{ socket_id: string; session_id: string }>;
  /** Support agents online from now (their availability is kept). */
  agentsOnline: Array<{ agent_id: string; agent_name: string }>;
  /** Support agents whose last socket went: offline since now, unless already offline. */
  agentsOffline: string[];
}

/** What the presence domain reads and writes, inside one transaction. */
export interface PresenceStore {
  /** Serialises the transactions about one user (two tabs leaving at once: exactly one `user.left`). */
  lockUser(userId: string): Promise<void>;
  /**
   * `lockUser` for every user given, in one statement and one global order, so that two batches
   * with users in common never deadlock.
   */
  lockUsers(userIds: string[]): Promise<void>;
  /** Extends the gateway's lease to `until`; answers whether it held an unexpired lease before. */
  renewLease(gatewayId: string, now: Date, until: Date): Promise<boolean>;
  /** Gateways whose lease ran out before `now`. */
  expiredGateways(now: Date): Promise<string[]>;
  /** Deletes the gateway (and whatever is left of its sockets) if its lease is still expired at `now`, or always without `now`. */
  deleteGateway(gatewayId: string, expiredAt?: Date): Promise<void>;
  socketsOfGateway(gatewayId: string): Promise<Connection[]>;

  /**
   * The sockets of `userIds` and the sockets `socketIds`, each with its sessions, and which of
   * `gatewayIds` hold a lease past `now` (read without locking them), in one round trip.
   */
  registry(userIds: string[], socketIds: string[], gatewayIds: string[], now: Date): Promise<Registry>;
  /** Writes a batch's changes in one statement. */
  applyChanges(changes: RegistryChanges): Promise<void>;
  getConnection(socketId: string): Promise<Connection | null>;
  isMember(socketId: string, sessionId: string): Promise<boolean>;
  /** Who is in each session now, one entry per user, first joined first (one query for all). */
  participantsOf(sessionIds: string[]): Promise<Map<string, Participant[]>>;
  onlineAgents(): Promise<OnlineAgent[]>;
  setAvailability(agentId: string, agentName: string, status: Availability): Promise<void>;
  /** Every support agent connected now or seen before, with availability (default `available`). */
  agentStates(): Promise<AgentState[]>;

  /** Records events in the outbox; they are published after the commit. */
  record(events: EventEnvelope[]): Promise<void>;
}

/**
 * What a transaction's work answers when the statements its value needs are asked and not awaited:
 * the COMMIT goes with them (one round trip fewer), and the value is taken once they are back.
 */
export class AtCommit<T> {
  constructor(readonly value: Promise<T>) {}
}

export interface PresenceRepository {
  /**
   * Runs `work` in one transaction; the events it records are published once it commits. A
   * transaction that deadlocked or lost a race (another user registered the same socket id, the
   * gateway was released meanwhile) is rolled back and `work` runs again: it has no other effects.
   */
  transaction<T>(work: (store: PresenceStore) => Promise<T | AtCommit<T>>): Promise<T>;
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
  /** A typist is announced again at most this often (Typing from gateways of the previous version). */
  typingThrottleMs: number;
}
