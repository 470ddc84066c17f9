/**
 * True for an error that says a dependency (PostgreSQL) cannot be reached right now, not that the
 * request was wrong: refused or dropped connections, a server shutting down or starting, or no
 * pooled connection within knex's timeout. The caller gets UNAVAILABLE and may try again.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // PostgreSQL SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now).
    if (/^08/.test(code) || /^57P0[123]$/.test(code)) return true;
  }
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES = [
  /Knex: Timeout acquiring a connection/,
  /Connection terminated/i,
  /connection is closed/i,
  /encountered a connection error and is not queryable/,
  // A query still waiting for a connection when the pool is destroyed (the service is stopping): tarn aborts it.
  /^aborted$/,
];

/** What a caller reads when a dependency cannot be reached. */
export const DEPENDENCY_UNAVAILABLE = 'A dependency of the service is unavailable, try again shortly';
