import { routingKeys, type EventEnvelope, type Identity, type Workload } from '@parley/contracts';
import { RatingClient, SessionReportClient } from '@parley/grpc';
import { renderMetrics } from '@parley/metrics';
import { TEST_INTERNAL_GRPC_TOKEN } from '@parley/testing';
import { ana, cleo, root } from '../testing/identities';
import { startSessionHarness, type SessionHarness } from '../testing/session-harness';

jest.setTimeout(30_000);
const as = (identity: Identity) => ({ identity });
const bo: Identity = { userId: 'agent-2', role: 'support', name: 'Bo' };
const day = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' };
const at = (time: string) => new Date(`2026-12-01T${time}:00Z`);

describe('reports and the live workload over gRPC, on PostgreSQL', () => {
  let harness: SessionHarness;
  let reports: SessionReportClient;
  let ratings: RatingClient;
  const workloads: Workload[] = [];

  /** A chat taken through the real lifecycle, then dated as if it had happened at these times. */
  async function chat(times: { opened: Date; accepted?: Date; resolved?: Date }, agent?: Identity, score?: number) {
    const session = await harness.client.createSession({ subject: 'Dated' }, as(cleo));
    if (agent) await harness.client.acceptSession(session.id, as(agent));
    if (agent && times.resolved) await harness.client.updateStatus({ session_id: session.id, status: 'resolved' }, as(agent));
    if (score) await ratings.rate({ session_id: session.id, score, comment: '' }, as(cleo));
    await harness.db.knex('chat_sessions').where({ id: session.id }).update({ created_at: times.opened, accepted_at: times.accepted ?? null, resolved_at: times.resolved ?? null });
    if (score) await harness.db.knex('chat_session_ratings').where({ session_id: session.id }).update({ created_at: times.resolved });
    return session;
  }

  beforeAll(async () => {
    harness = await startSessionHarness();
    reports = new SessionReportClient(harness.address, TEST_INTERNAL_GRPC_TOKEN);
    ratings = new RatingClient(harness.address, TEST_INTERNAL_GRPC_TOKEN);
    await harness.bus.subscribe({ queue: 'admins-feed', exclusive: true, patterns: [routingKeys.adminsPattern()] }, (e: EventEnvelope) => void workloads.push(e.data as Workload));
    await chat({ opened: at('00:10'), accepted: at('00:12'), resolved: at('00:40') }, ana, 5);
    await chat({ opened: at('01:05'), accepted: at('01:20'), resolved: at('03:05') }, bo, 3);
    await chat({ opened: at('01:30') });
    await chat({ opened: new Date('2026-11-30T02:00:00Z'), accepted: new Date('2026-11-30T02:01:00Z'), resolved: at('02:00') }, ana);
    await chat({ opened: at('05:00'), accepted: at('05:01') }, ana);
  });
  afterAll(async () => {
    reports.close();
    ratings.close();
    await harness.stop();
  });

  it("gives an admin the team's totals, percentiles, each agent and the day hour by hour", async () => {
    const report = await reports.report(day, as(root));
    expect(report.has_totals).toBe(true);
    expect(report.totals).toEqual({
      opened: 4,
      waiting: 1,
      resolved: 3,
      resolution: { count: 3, p50_seconds: 7200, p90_seconds: 70560 },
      rating: { count: 2, average: 4 },
    });
    expect(report.agents).toEqual([
      { agent_id: ana.userId, agent_name: 'Ana', assigned: 2, resolved: 2, resolution: { count: 2, p50_seconds: 44100, p90_seconds: 77940 }, rating: { count: 1, average: 5 } },
      { agent_id: bo.userId, agent_name: 'Bo', assigned: 1, resolved: 1, resolution: { count: 1, p50_seconds: 7200, p90_seconds: 7200 }, rating: { count: 1, average: 3 } },
    ]);
    expect(report.timeline).toHaveLength(24);
    const busy = report.timeline.filter((b) => b.opened + b.resolved > 0).map((b) => [b.start.slice(11, 16), b.opened, b.resolved, b.taken ? b.average_wait_seconds : null]);
    expect(busy).toEqual([
      ['00:00', 1, 1, 120],
      ['01:00', 2, 0, 900],
      ['02:00', 0, 1, null],
      ['03:00', 0, 1, null],
      ['05:00', 1, 0, 60],
    ]);
  });

  it('gives a support agent their own row only, and refuses customers and bad periods', async () => {
    const own = await reports.report(day, as(bo));
    expect(own).toMatchObject({ has_totals: false, timeline: [] });
    expect(own.agents.map((a) => [a.agent_id, a.assigned, a.resolved])).toEqual([[bo.userId, 1, 1]]);
    const newcomer = await reports.report(day, as({ userId: 'agent-new', role: 'support', name: 'Nia' }));
    expect(newcomer.agents).toEqual([expect.objectContaining({ agent_id: 'agent-new', agent_name: 'Nia', assigned: 0, resolution: { count: 0, p50_seconds: 0, p90_seconds: 0 } })]);
    await expect(reports.report(day, as(cleo))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(reports.report({ from: day.to, to: day.from }, as(root))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'from must be before to' });
    await expect(reports.report({ from: '2026-10-01T00:00:00Z', to: day.to }, as(root))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(reports.report({ from: 'yesterday', to: '' }, as(root))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('answers the queue and the loads now, announces them on every change, and exports them to Prometheus', async () => {
    const workload = await reports.workload(as(root));
    const waiting = await harness.db.knex('chat_sessions').where({ status: 'waiting' }).first('created_at');
    expect(workload).toMatchObject({ waiting: 1, oldest_waiting_since: waiting.created_at.toISOString(), agents: [{ agent_id: ana.userId, agent_name: 'Ana', active_chats: 1 }] });
    await expect(reports.workload(as(cleo))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });

    const session = await harness.client.createSession({ subject: 'Live' }, as(cleo));
    await harness.client.acceptSession(session.id, as(bo));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [created, accepted] = workloads.slice(-2);
    expect(created).toMatchObject({ waiting: 2 });
    expect(accepted).toMatchObject({ waiting: 1, agents: [{ agent_id: ana.userId, active_chats: 1 }, { agent_id: bo.userId, active_chats: 1 }] });
    expect(accepted.version).toBeGreaterThan(created.version);

    const text = await renderMetrics();
    expect(text).toMatch(/^parley_queue_waiting 1$/m);
    expect(text).toMatch(new RegExp(`^parley_agent_active_chats\\{agent_id="${bo.userId}"\\} 1$`, 'm'));
    const longest = Number(/^parley_queue_longest_wait_seconds (\S+)$/m.exec(text)?.[1]);
    expect(longest).toBeGreaterThan(0);
  });
});
