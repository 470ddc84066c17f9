import client from 'prom-client';
import { EVENT_LOOP_SAMPLE_MS } from './metrics';

/** The value of a gauge of the default registry, as a scrape reads it. */
async function scraped(name: string): Promise<number> {
  const line = (await client.register.metrics()).split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`${name} is not exported`);
  return Number(line.slice(name.length + 1));
}

/** Keeps the event loop busy, as a long synchronous task would. */
function stallLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // the loop can run nothing else meanwhile
  }
}

describe('event-loop delay metrics', () => {
  it('still show a stall of the loop when sampled less often than prom-client would', async () => {
    const stallMs = EVENT_LOOP_SAMPLE_MS * 3;
    await new Promise((resolve) => setTimeout(resolve, EVENT_LOOP_SAMPLE_MS * 2));
    stallLoop(stallMs);
    // The sample due during the stall ran late by at least the part of the stall after it.
    await new Promise((resolve) => setTimeout(resolve, EVENT_LOOP_SAMPLE_MS * 2));
    expect(await scraped('parley_nodejs_eventloop_lag_max_seconds')).toBeGreaterThanOrEqual((stallMs - EVENT_LOOP_SAMPLE_MS) / 1000);
  });
});
