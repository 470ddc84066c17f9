import type { DeliveryCounts } from '../measure/delivery-ledger';

/** Commands the benchmark sends a fleet process over IPC, and what it answers. */
export interface SetupCommand {
  cmd: 'setup';
  urls: string[];
  sessions: number;
  /** Sockets the customer of each session holds (devices); the reconnect storm reconnects them. */
  customerSockets: number;
  /** Every n-th session has a third party, an admin watching (0: none). */
  observerEvery: number;
  /** Sessions each agent accepts (1: an agent per session). Every agent hears every queue change, so a big set-up needs a pool. */
  sessionsPerAgent?: number;
}
export interface LoadCommand {
  cmd: 'load';
  /** Messages per second this process sends, across its sessions. */
  rate: number;
  durationMs: number;
  drainMs: number;
}
/** Every customer socket drops; each session's agent sends `missed` messages meanwhile. */
export interface StormAwayCommand {
  cmd: 'storm-away';
  missed: number;
}
/** Then every customer socket reconnects at once and catches up. */
export interface StormCommand {
  cmd: 'storm';
  timeoutMs: number;
}
export interface IdleCommand {
  cmd: 'idle';
  url: string;
  count: number;
}
/** One client alone: one session, then `count` join_session calls one after another, each catching up a few messages. */
export interface JoinsCommand {
  cmd: 'joins';
  urls: string[];
  count: number;
}
export type FleetCommand = SetupCommand | LoadCommand | StormAwayCommand | StormCommand | IdleCommand | JoinsCommand | { cmd: 'close' };

export interface SetupResult {
  sessions: number;
  sockets: number;
  elapsedMs: number;
}

export interface LoadResult extends DeliveryCounts {
  acked: number;
  errors: number;
  errorSamples: string[];
  /** The sending window (what the scheduler managed to send in it is `sent`). */
  windowMs: number;
  /** From the window's end until every message was acknowledged and delivered (or the drain gave up). */
  settledMs: number;
  /** How busy this process's event loop was over the sending window (0 to 1): near 1, the load generator itself is the bound. */
  eventLoopUtilization: number;
  /** Deliveries that arrived within the window plus the drain. */
  e2e: string;
  ack: string;
}

export interface StormResult {
  clients: number;
  caughtUp: number;
  errors: number;
  errorSamples: string[];
  /** Time from the storm's start until the last client held everything it missed. */
  allCaughtUpMs: number;
  /** Per client: storm start to a join_session answer holding every missed message (µs, encoded). */
  catchUp: string;
  /** Per client: storm start to its socket connected, before its join (µs, encoded). */
  connected: string;
}

export interface IdleResult {
  connected: number;
  failed: number;
  errorSamples: string[];
  elapsedMs: number;
}

export interface JoinsResult {
  joins: number;
  /** Per join_session: emit to answer (µs, encoded). */
  latency: string;
}

export type FleetReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
