/** A request the server refused (its `code` is one of Parley's error codes), or one that timed out. */
export class ParleyError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly event?: string,
    /** With RESOURCE_EXHAUSTED: how long the server asked to wait before trying again. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ParleyError';
  }
}
