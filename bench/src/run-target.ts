import type { BenchArgs, ScenarioName } from './args';
import { liveFleetPids } from './fleet/fleet';
import { outboxBacklog } from './measure/backlog';
import { LOAD_GENERATOR, ProcessMonitor } from './measure/process-monitor';
import { findProcesses } from './measure/process-stats';
import type { TargetResults } from './report/results';
import { ChatLoadRun } from './scenarios/chat-load.scenario';
import type { ScenarioContext } from './scenarios/context';
import { longHistory } from './scenarios/history.scenario';
import { idleConnections } from './scenarios/idle.scenario';
import { singleClientJoins } from './scenarios/join.scenario';
import { reconnectStorm } from './scenarios/reconnect.scenario';
import { soak } from './scenarios/soak.scenario';
import type { Target } from './targets/target';

/**
 * What the target leans on besides its own processes: PostgreSQL, RabbitMQ and Redis are the
 * machine's whole servers (other clients' work counts too: measure on a quiet machine), and the
 * load generator, reported beside them and never counted in the system's CPU.
 */
function sharedProcesses(target: Target): Array<{ name: string; pids: number[] }> {
  const shared = target.databaseUrl ? [{ name: 'postgres (whole server)', pids: findProcesses('postgres') }] : [];
  if (target.exchange) shared.push({ name: 'rabbitmq (whole broker)', pids: findProcesses('beam.smp') });
  if (target.usesRedis) shared.push({ name: 'redis (whole server)', pids: findProcesses('redis-server') });
  shared.push({ name: LOAD_GENERATOR, pids: [...liveFleetPids] });
  return shared;
}

/** Waits (up to a minute) until the target's outboxes are published, so an overload does not spill into the next scenario. */
async function drained(target: Target, step: (what: string) => void): Promise<void> {
  if (!target.databaseUrl) return;
  step(`${target.name}: waiting for the outbox to drain`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const backlog = await outboxBacklog(target.databaseUrl).catch(() => ({}));
    if (Object.values(backlog).every((n) => n === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const CHAT: ScenarioName[] = ['low', 'steady', 'burst', 'max', 'soak'];

/** Runs the chosen scenarios on one started target; a scenario that fails is recorded and the next one runs. */
/** Fills `results` as each scenario ends, so an interrupted run still reports what it measured. */
export async function runTarget(target: Target, args: BenchArgs, scenarios: ScenarioName[], results: TargetResults, step: (what: string) => void, done: () => void): Promise<void> {
  const monitor = new ProcessMonitor(() => [...target.processes(), ...sharedProcesses(target)]);
  monitor.start();
  const context: ScenarioContext = { target, profile: args.profile, monitor, step };
  const seconds: Record<string, number> = {};
  results.seconds = seconds;
  const attempt = async (name: ScenarioName, run: () => Promise<void>) => {
    const started = Date.now();
    try {
      await run();
    } catch (error) {
      results.failures[name] = (error as Error).message;
    }
    seconds[name] = Math.round((Date.now() - started) / 1000);
    done();
  };
  try {
    // Single-client joins first, with nothing else running (not even idle chat sessions).
    if (scenarios.includes('join')) await attempt('join', async () => void (results.join = await singleClientJoins(context)));
    const chatScenarios = scenarios.filter((s) => CHAT.includes(s));
    if (chatScenarios.length > 0) {
      let chat: ChatLoadRun | undefined;
      try {
        const started = Date.now();
        chat = await ChatLoadRun.open(context);
        results.setup = chat.setup;
        seconds.setup = Math.round((Date.now() - started) / 1000);
      } catch (error) {
        for (const s of chatScenarios) {
          results.failures[s] = `setup: ${(error as Error).message}`;
          done();
        }
      }
      if (chat) {
        const open = chat;
        // The low load and the search for the maximum first, on a system nothing has overloaded yet.
        if (chatScenarios.includes('low')) await attempt('low', async () => void (results.low = await open.low()));
        if (chatScenarios.includes('max')) await attempt('max', async () => void (results.max = await open.max()));
        if (chatScenarios.includes('steady')) await attempt('steady', async () => void (results.steady = await open.steady()));
        if (chatScenarios.includes('burst')) await attempt('burst', async () => void (results.burst = await open.burst()));
        if (chatScenarios.includes('soak')) await attempt('soak', async () => void (results.soak = await soak(context, open)));
        await open.close();
        await drained(target, step);
      }
    }
    if (scenarios.includes('reconnect')) await attempt('reconnect', async () => void (results.reconnect = await reconnectStorm(context)));
    if (scenarios.includes('idle')) await attempt('idle', async () => void (results.idle = await idleConnections(context)));
    if (scenarios.includes('history')) {
      if (target.databaseUrl) await attempt('history', async () => void (results.history = await longHistory(context)));
      else done();
    }
  } finally {
    monitor.stop();
  }
}
