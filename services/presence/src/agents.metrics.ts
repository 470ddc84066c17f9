import type { AgentState } from '@parley/contracts';
import { readOncePerScrape, registerLiveGauge } from '@parley/metrics';

/** Support agents online, and online and available, as Prometheus gauges read at each scrape; answers what unregisters them. */
export function exportAgentFigures(readStates: () => Promise<AgentState[]>): () => void {
  const states = readOncePerScrape(readStates);
  const stops = [
    registerLiveGauge({ name: 'parley_agents_online', help: 'Support agents with at least one live socket' }, async () => [{ value: (await states()).filter((a) => a.online).length }]),
    registerLiveGauge({ name: 'parley_agents_available', help: 'Support agents online and available for new chats' }, async () => [
      { value: (await states()).filter((a) => a.online && a.availability === 'available').length },
    ]),
  ];
  return () => stops.forEach((stop) => stop());
}
