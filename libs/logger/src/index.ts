import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs (pino), one line an event, `service` on every line. Message contents
 * and tokens are never logged at info level. The level is the process's LOG_LEVEL setting.
 */
export function createLogger(service: string, level: string): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: ['token', 'authorization', '*.token', '*.authorization', 'content', '*.content'], censor: '[redacted]' },
  });
}
