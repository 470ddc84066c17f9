import { ConfigError } from '@parley/config';
import { createLogger, type Logger } from '@parley/logger';
import { loadSourceMaps } from './source-maps';

/** Runs `stop` once on SIGTERM or SIGINT, then exits; a second signal exits at once. */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

/**
 * Starts a service's main when its file is run directly (its source maps loaded first); a bad
 * config prints its message and exits 1.
 */
export function runMain(start: () => Promise<unknown>): void {
  loadSourceMaps();
  start().catch((error: unknown) => {
    console.error(error instanceof Error && error.name === 'ConfigError' ? error.message : error);
    process.exit(1);
  });
}

/**
 * A service's main when its file is run on its own: its settings checked first (run alone it needs
 * RabbitMQ), then started, then stopped on SIGTERM or SIGINT.
 */
export function runService<C extends { AMQP_URL?: string; LOG_LEVEL: string }>(name: string, load: () => C, start: (config: C) => Promise<{ stop(): Promise<void> }>): void {
  runMain(async () => {
    const config = load();
    if (!config.AMQP_URL) throw new ConfigError('Invalid configuration:\n  AMQP_URL: required when the service runs on its own');
    const running = await start(config);
    stopOnSignals(createLogger(name, config.LOG_LEVEL), running.stop);
  });
}
