import client from 'prom-client';

export interface GaugeReading {
  labels?: Record<string, string>;
  value: number;
}

interface LiveGauge {
  gauge: client.Gauge;
  sources: Set<() => Promise<GaugeReading[]>>;
}

const gauges = new Map<string, LiveGauge>();

/**
 * A gauge whose values the service that owns them reads when Prometheus scrapes (the queue, the
 * agents online). Made at the first registration, so a process exports it only while a service
 * that owns the figure runs in it; the answer unregisters that source (the service stopped).
 */
export function registerLiveGauge(
  definition: { name: string; help: string; labelNames?: string[] },
  read: () => Promise<GaugeReading[]>,
): () => void {
  let live = gauges.get(definition.name);
  if (!live) {
    const sources = new Set<() => Promise<GaugeReading[]>>();
    const gauge = new client.Gauge({
      name: definition.name,
      help: definition.help,
      labelNames: definition.labelNames ?? [],
      async collect() {
        this.reset();
        for (const source of sources) {
          // A figure that cannot be read now is left out rather than shown wrong.
          const readings = await source().catch(() => []);
          for (const { labels, value } of readings) {
            if (labels) this.set(labels, value);
            else this.set(value);
          }
        }
      },
    });
    live = { gauge, sources };
    gauges.set(definition.name, live);
  }
  live.sources.add(read);
  const { sources } = live;
  return () => void sources.delete(read);
}

/** Shares one read among the gauges a scrape collects at once (they all ask within `ttlMs`). */
export function readOncePerScrape<T>(read: () => Promise<T>, ttlMs = 1000): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | null = null;
  return () => {
    if (!last || Date.now() - last.at > ttlMs) last = { at: Date.now(), value: read() };
    return last.value;
  };
}
