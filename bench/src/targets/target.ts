/** A system under test: where clients connect and which processes to measure. */
export interface Target {
  /** `relay`, `all-in-one` or `stack`. */
  name: string;
  /** Gateway URLs; a session's customer uses the first, its agent and observer the last. */
  urls: string[];
  /** Named processes to measure (service roots; a tsx launcher's child is measured with it). */
  processes(): Array<{ name: string; pids: number[] }>;
  /** The PostgreSQL database, where the target has one (history seeding, outbox backlog). */
  databaseUrl?: string;
  /** Whether the target's gateways share their rate limits through the machine's Redis. */
  usesRedis?: boolean;
  /** The RabbitMQ exchange, where the target uses one. */
  exchange?: string;
  /** Names of the gateways' queues, for the soak's queue depths. */
  queuePrefix?: string;
  stop(): Promise<void>;
}
