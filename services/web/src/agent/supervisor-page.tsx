import { useEffect, useState } from 'preact/hooks';
import { longestWaitSeconds, watchLiveFigures, type ParleyClient } from '@parley/client';
import type { DurationFigures, LiveFigures, ReportSummary } from '@parley/contracts';
import { reasonOf } from '../api';
import { listen } from '../chat/listen';
import { Alert } from '../ui';
import { DayChart } from './day-chart';

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
const duration = (seconds: number | null) => (seconds === null ? '–' : seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`);
const percentiles = (d: DurationFigures) => (d.count === 0 ? '–' : `${duration(d.p50_seconds)} / ${duration(d.p90_seconds)}`);
const startOfToday = () => {
  const day = new Date();
  day.setHours(0, 0, 0, 0);
  return day.toISOString();
};

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div class="figure">
      <span class="value">{value}</span>
      <span class="muted">{label}</span>
    </div>
  );
}

/** A table of figures, one row per agent. */
function Table({ label, columns, rows }: { label: string; columns: string[]; rows: Array<{ key: string; cells: Array<string | number> }> }) {
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Today's report since local midnight, again when chats change (at most every 2 s) and every minute. */
function useTodaysReport(chat: ParleyClient): [ReportSummary | null, string | null] {
  const [report, setReport] = useState<ReportSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () => chat.rest.reportSummary({ from: startOfToday() }).then(setReport, (error) => setProblem(reasonOf(error)));
    const soon = () => {
      timer ??= setTimeout(() => {
        timer = null;
        void load();
      }, 2000);
    };
    void load();
    const every = setInterval(load, 60_000);
    const unlisten = listen(chat, { session_queued: soon, chat_accepted: soon, session_status_changed: soon, chat_rated: soon, message: soon });
    return () => {
      unlisten();
      clearInterval(every);
      if (timer) clearTimeout(timer);
    };
  }, [chat]);
  return [report, problem];
}

/** For admins: the queue and the agents now (pushed live), and today's figures with their chart. */
export function SupervisorPage({ chat }: { chat: ParleyClient }) {
  const [live, setLive] = useState<LiveFigures | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  const [report, reportProblem] = useTodaysReport(chat);
  useEffect(() => watchLiveFigures(chat, setLive, (error) => setProblem(reasonOf(error))), [chat]);
  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(tick);
  }, []);

  return (
    <section class="supervisor" aria-label="Supervisor">
      <Alert message={problem ?? reportProblem} />
      <h2>Now</h2>
      {live && (
        <>
          <div class="figures" aria-label="Live figures">
            <Figure label="waiting" value={live.queue.waiting} />
            <Figure label="longest wait" value={clock(longestWaitSeconds(live, now))} />
            <Figure label="agents online" value={live.agents_online} />
            <Figure label="available" value={live.agents_available} />
          </div>
          <Table
            label="Agents now"
            columns={['Agent', 'Online', 'Availability', 'Active chats']}
            rows={live.agents.map((a) => ({ key: a.agent_id, cells: [a.agent_name, a.online ? 'online' : 'offline', a.availability, a.active_chats] }))}
          />
        </>
      )}
      <h2>Today</h2>
      {report?.totals && (
        <>
          <div class="figures" aria-label="Today's figures">
            <Figure label="opened" value={report.totals.opened} />
            <Figure label="resolved" value={report.totals.resolved} />
            <Figure label="still waiting" value={report.totals.waiting} />
            <Figure label="first response (median / 90 %)" value={percentiles(report.totals.first_response)} />
            <Figure label="resolution (median / 90 %)" value={percentiles(report.totals.resolution)} />
            <Figure label={`average rating (${report.totals.rating.count})`} value={report.totals.rating.average === null ? '–' : `${report.totals.rating.average.toFixed(1)} ★`} />
          </div>
          <DayChart timeline={report.timeline} />
          <Table
            label="Agents today"
            columns={['Agent', 'Chats', 'Resolved', 'First response', 'Resolution', 'Rating']}
            rows={report.agents.map((a) => ({
              key: a.agent_id,
              cells: [a.agent_name, a.assigned, a.resolved, percentiles(a.first_response), percentiles(a.resolution), a.rating.average === null ? '–' : `${a.rating.average.toFixed(1)} (${a.rating.count})`],
            }))}
          />
        </>
      )}
    </section>
  );
}
