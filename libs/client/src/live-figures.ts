import type { AgentRoster, LiveAgent, LiveFigures, Workload } from '@parley/contracts';
import type { ParleyClient } from './parley-client';

/** Sorted by name, with the counts that follow from the agents. */
function withAgents(figures: LiveFigures, agents: LiveAgent[]): LiveFigures {
  const sorted = [...agents].sort((a, b) => a.agent_name.localeCompare(b.agent_name) || a.agent_id.localeCompare(b.agent_id));
  return {
    ...figures,
    agents: sorted,
    agents_online: sorted.filter((a) => a.online).length,
    agents_available: sorted.filter((a) => a.online && a.availability === 'available').length,
  };
}

/** How long the chat waiting longest has waited at `now`, in seconds. */
export function longestWaitSeconds(figures: LiveFigures, now: Date = new Date()): number {
  const since = figures.queue.oldest_waiting_since;
  return since ? Math.max(0, Math.round((now.getTime() - Date.parse(since)) / 1000)) : 0;
}

/** The figures after a `workload_updated`: the queue and every agent's active chats as they are now. */
export function applyWorkload(figures: LiveFigures, workload: Workload, now: Date = new Date()): LiveFigures {
  const loads = new Map(workload.agents.map((a) => [a.agent_id, a]));
  const agents = figures.agents.map((a) => ({ ...a, active_chats: loads.get(a.agent_id)?.active_chats ?? 0 }));
  for (const load of workload.agents) {
    if (!agents.some((a) => a.agent_id === load.agent_id)) agents.push({ ...load, online: false, availability: 'available' });
  }
  const queue = { waiting: workload.waiting, oldest_waiting_since: workload.oldest_waiting_since, longest_wait_seconds: 0 };
  const next = withAgents({ ...figures, at: now.toISOString(), queue }, agents);
  return { ...next, queue: { ...queue, longest_wait_seconds: longestWaitSeconds(next, now) } };
}

/** The figures after an `agents_updated`: every support agent's state, their loads kept. */
export function applyRoster(figures: LiveFigures, roster: AgentRoster, now: Date = new Date()): LiveFigures {
  const loads = new Map(figures.agents.map((a) => [a.agent_id, a.active_chats]));
  const agents: LiveAgent[] = roster.agents.map((a) => ({ agent_id: a.agent_id, agent_name: a.agent_name, online: a.online, availability: a.availability, active_chats: loads.get(a.agent_id) ?? 0 }));
  // An agent with chats whom presence does not know stays, as offline.
  for (const agent of figures.agents) {
    if (agent.active_chats > 0 && !agents.some((a) => a.agent_id === agent.agent_id)) agents.push({ ...agent, online: false });
  }
  return withAgents({ ...figures, at: now.toISOString() }, agents);
}

/**
 * The supervisors' live view, kept current: loaded over REST (again after a reconnect), then
 * changed by `workload_updated` and `agents_updated` (admins receive them). Calls `onChange` with
 * every new picture; answers what stops watching. A workload older than one already applied is
 * dropped.
 */
export function watchLiveFigures(chat: ParleyClient, onChange: (figures: LiveFigures) => void, onError: (error: unknown) => void = () => undefined): () => void {
  let figures: LiveFigures | null = null;
  let version = 0;
  let stopped = false;
  const show = (next: LiveFigures) => {
    figures = next;
    if (!stopped) onChange(next);
  };
  const load = () => chat.rest.liveFigures().then(show, onError);
  const onWorkload = (workload: Workload) => {
    if (workload.version <= version) return;
    version = workload.version;
    if (figures) show(applyWorkload(figures, workload));
  };
  const onRoster = (roster: AgentRoster) => {
    if (figures) show(applyRoster(figures, roster));
  };
  const onConnection = (state: string) => {
    if (state === 'reconnected') void load();
  };
  chat.on('workload_updated', onWorkload);
  chat.on('agents_updated', onRoster);
  chat.on('connection', onConnection);
  void load();
  return () => {
    stopped = true;
    chat.off('workload_updated', onWorkload);
    chat.off('agents_updated', onRoster);
    chat.off('connection', onConnection);
  };
}
