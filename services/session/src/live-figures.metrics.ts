import type { Workload } from '@parley/contracts';
import { readOncePerScrape, registerLiveGauge } from '@parley/metrics';

/** The queue and the agents' loads as Prometheus gauges, read from the database at each scrape; answers what unregisters them. */
export function exportLiveFigures(readWorkload: () => Promise<Workload>, now: () => number = Date.now): () => void {
  const workload = readOncePerScrape(readWorkload);
  const stops = [
    registerLiveGauge({ name: 'parley_queue_waiting', help: 'Chats waiting in the queue now' }, async () => [{ value: (await workload()).waiting }]),
    registerLiveGauge({ name: 'parley_queue_longest_wait_seconds', help: 'How long the chat waiting longest has waited so far (0 when nobody waits)' }, async () => {
      const since = (await workload()).oldest_waiting_since;
      return [{ value: since ? Math.max(0, (now() - Date.parse(since)) / 1000) : 0 }];
    }),
    registerLiveGauge({ name: 'parley_agent_active_chats', help: 'Active chats of each agent now', labelNames: ['agent_id'] }, async () =>
      (await workload()).agents.map((agent) => ({ labels: { agent_id: agent.agent_id }, value: agent.active_chats })),
    ),
  ];
  return () => stops.forEach((stop) => stop());
}
