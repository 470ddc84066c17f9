import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { parseBenchArgs, type BenchArgs, type Mode, type ScenarioName } from './args';
import { checkTargets, type TargetResults } from './report/results';
import { renderSoak } from './report/soak-report';
import { comparisonRows } from './report/summary';
import { renderMarkdown, renderTable } from './report/table';
import { runTarget } from './run-target';
import { startAllInOne } from './targets/all-in-one.target';
import { startRelay } from './targets/relay.target';
import { REPO_ROOT } from '@parley/testing';
import { startStackTarget } from './targets/stack.target';
import type { Target } from './targets/target';

/** The relay has no storage and no services: history and soak do not apply to it. */
const RELAY_SCENARIOS: ScenarioName[] = ['join', 'low', 'steady', 'burst', 'max', 'reconnect', 'idle'];
const IDLE_GOAL = 20_000;

function openFilesLimit(): number | undefined {
  const line = fs.readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  return line ? Number(line.split(/\s+/)[3]) : undefined;
}

function machine() {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version, kernel: os.release(), openFilesLimit: openFilesLimit() };
}

/** Prints the tables and writes the JSON report (also for an interrupted run). */
function report(args: BenchArgs, startedAt: Date, started: number, results: Record<string, TargetResults>): void {
  const json = { startedAt: startedAt.toISOString(), seconds: Math.round((Date.now() - started) / 1000), machine: machine(), quick: args.quick, profile: args.profile, results, targets: {} as Record<string, unknown>, tables: {} as Record<string, string> };
  for (const mode of args.modes) {
    const parley = results[mode];
    if (!parley) continue;
    const rows = comparisonRows(parley, results.relay);
    console.log(`\n${mode} against the bare relay (same run)\n${renderTable(rows)}`);
    const checks = checkTargets(parley, results.relay, IDLE_GOAL);
    const checkRows = [['target', 'goal', 'measured', 'met'], ...checks.map((c) => [c.name, c.goal, c.measured, c.met === undefined ? 'not run' : c.met ? 'yes' : 'NO'])];
    console.log(`\n${mode}: the issue's targets\n${renderTable(checkRows)}`);
    json.targets[mode] = checks;
    json.tables[mode] = `${renderMarkdown(rows)}\n\n${renderMarkdown(checkRows)}`;
    if (parley.soak) console.log(`\n${mode}: ${renderSoak(parley.soak)}`);
  }
  const out = path.resolve(REPO_ROOT, args.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\n${json.seconds} s; results in ${path.relative(REPO_ROOT, out)}; service logs in test-artifacts/bench and test-artifacts/e2e`);
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const startedAt = new Date();
  const logDir = path.join(REPO_ROOT, 'test-artifacts', 'bench', startedAt.toISOString().replace(/[:.]/g, '-'));
  const relayScenarios = args.scenarios.filter((s) => RELAY_SCENARIOS.includes(s));
  const total = relayScenarios.length + args.modes.length * args.scenarios.length;
  const bar = new SingleBar({ format: '{bar} {percentage}% | {value}/{total} scenarios | {elapsed} s | {step}', hideCursor: true, etaBuffer: 5, noTTYOutput: true, notTTYSchedule: 15_000 }, Presets.shades_classic);
  bar.start(total, 0, { step: 'starting', elapsed: 0 });
  const started = Date.now();
  const ticker = setInterval(() => bar.update({ elapsed: Math.round((Date.now() - started) / 1000) }), 1000);
  const step = (what: string) => bar.update({ step: what, elapsed: Math.round((Date.now() - started) / 1000) });
  const done = () => bar.increment();

  const results: Record<string, TargetResults> = {};
  let current: Target | undefined;
  process.once('SIGINT', () => {
    bar.stop();
    console.error('\ninterrupted: stopping the processes under test; the report holds what was measured');
    report(args, startedAt, started, results);
    void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  const run = async (name: string, start: () => Promise<Target>, scenarios: ScenarioName[]) => {
    if (scenarios.length === 0) return;
    step(`starting ${name}`);
    let target: Target | undefined;
    try {
      results[name] = { target: name, failures: {} };
      target = await start();
      current = target;
      await runTarget(target, args, scenarios, results[name], step, done);
    } catch (error) {
      results[name].failures.start = (error as Error).message;
    } finally {
      step(`stopping ${name}`);
      await target?.stop().catch((error: Error) => (results[name].failures.stop = error.message));
    }
  };
  const starters: Record<Mode, () => Promise<Target>> = { stack: () => startStackTarget(), 'all-in-one': () => startAllInOne(logDir) };
  try {
    await run('relay', () => startRelay(logDir), relayScenarios);
    for (const mode of args.modes) await run(mode, starters[mode], args.scenarios);
  } finally {
    clearInterval(ticker);
    bar.stop();
  }

  report(args, startedAt, started, results);
  const failures = Object.entries(results).flatMap(([name, r]) => Object.entries(r.failures).map(([s, e]) => `${name} ${s}: ${e.split('\n')[0]}`));
  if (failures.length > 0) {
    console.error(`\nfailed:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
