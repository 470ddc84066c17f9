import type { TestDatabase } from '@parley/db';
import type { TestS3Server } from '@parley/testing';

/** The services behind the gateways; with several instances the first keeps the plain name, the others are `message-2`, …. */
export type BackendName = 'session' | 'message' | 'presence' | 'attachment';
export const BACKEND_NAMES: readonly BackendName[] = ['session', 'message', 'presence', 'attachment'];
export type ServiceName = BackendName | `${BackendName}-${number}` | 'gateway-a' | 'gateway-b';
/** The processes of a stack with one instance of each service. */
export const SERVICE_NAMES: readonly ServiceName[] = ['session', 'message', 'presence', 'attachment', 'gateway-a', 'gateway-b'];

export interface Crash {
  name: ServiceName;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The process's last log lines when it died: a failed "nothing crashed" check shows why. */
  lastLines: string[];
}

export interface StackOptions {
  /** Names the run's log folder and the database (e.g. the spec's name). */
  label?: string;
  /** How long to wait for every process to become ready. */
  readyTimeoutMs?: number;
  /** Extra environment for the presence service (lease and typing timings) and the gateways. */
  presenceEnv?: Record<string, string>;
  /** Settings of the session service (AUTO_ASSIGN and the assigner's timings). */
  sessionEnv?: Record<string, string>;
  gatewayEnv?: Record<string, string>;
  /** LOG_LEVEL of every process (default: the E2E_LOG_LEVEL test setting). */
  logLevel?: string;
  /** The RabbitMQ the services use (through a TcpProxy, or a node of the test's own); the machine's by default. */
  amqpUrl?: string;
  /**
   * How many instances of each service behind the gateways (the gateways are two whatever this
   * says); callers reach them by an address list. Default: E2E_INSTANCES, else 1.
   */
  instances?: number;
  /** The PostgreSQL server the stack's database is created on (e.g. a dedicated one a test restarts). */
  databaseServerUrl?: string;
}

export interface Stack {
  /** Base URLs of the two gateways. */
  gatewayA: string;
  gatewayB: string;
  db: TestDatabase;
  /** The S3 server the attachment service stores files in. */
  s3: TestS3Server;
  exchange: string;
  logDir: string;
  /** Every process's port, the extra instances' too. */
  ports: Record<ServiceName, number>;
  /** The processes running one service: `['message', 'message-2']` with two instances. */
  instancesOf(service: BackendName): ServiceName[];
  /** Kills one process (SIGKILL by default: a crash) and waits until it is gone. */
  kill(name: ServiceName, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a process that was killed (or stops it first), on the same port, and waits until it is ready. */
  restart(name: ServiceName): Promise<void>;
  /** Waits until one process (or every running one) answers its readiness check. */
  waitReady(name?: ServiceName, timeoutMs?: number): Promise<void>;
  /** Processes that exited without the stack asking them to. */
  crashes(): Crash[];
  /** The last lines a process logged (for failure messages). */
  logTail(name: ServiceName, lines?: number): string;
  /** SIGTERM to every process (SIGKILL after 5 s), then drops the database and deletes the exchange. */
  stop(): Promise<void>;
}
