import type { AgentState } from '@parley/contracts';
import { judgeAssignments } from './unanswered-chats';

const T0 = Date.parse('2026-11-25T12:00:00.000Z');
const at = (offsetMs: number) => new Date(T0 + offsetMs).toISOString();
const chat = (session_id: string, agent_id: string, sinceOffset = 0) => ({ session_id, agent_id, agent_name: agent_id, since: at(sinceOffset) });
const state = (agent_id: string, online: boolean, offlineOffset?: number): AgentState => ({
  agent_id,
  agent_name: agent_id,
  online,
  availability: 'available',
  offline_since: offlineOffset === undefined ? null : at(offlineOffset),
});

describe('chats left unanswered', () => {
  const rules = { offlineGraceMs: 60_000, replyTimeoutMs: 0 };

  it('gives back the chats of an agent offline past the grace period, not of one offline for less', () => {
    const chats = [chat('s1', 'gone'), chat('s2', 'brief'), chat('s3', 'here')];
    const agents = [state('gone', false, 10_000), state('brief', false, 30_000), state('here', true)];
    const { offline } = judgeAssignments(chats, agents, rules, T0 + 75_000);
    expect(offline.map((v) => [v.assignment.session_id, v.reason])).toEqual([['s1', 'agent_offline']]);
  });

  it('counts the grace from when the agent got the chat when they were offline already (an admin assigned it)', () => {
    const { offline } = judgeAssignments([chat('s1', 'gone', 50_000)], [state('gone', false, 0)], rules, T0 + 100_000);
    expect(offline).toEqual([]);
    expect(judgeAssignments([chat('s1', 'gone', 50_000)], [state('gone', false, 0)], rules, T0 + 110_000).offline).toHaveLength(1);
  });

  it('takes an agent presence never saw for offline since they got the chat', () => {
    expect(judgeAssignments([chat('s1', 'stranger')], [], rules, T0 + 59_000).offline).toEqual([]);
    expect(judgeAssignments([chat('s1', 'stranger')], [], rules, T0 + 60_000).offline).toHaveLength(1);
  });

  it('names the chats whose reply time is up for checking, and none when the timeout is off', () => {
    const chats = [chat('old', 'ana', 0), chat('new', 'ana', 50_000)];
    const { overdue } = judgeAssignments(chats, [state('ana', true)], { offlineGraceMs: 0, replyTimeoutMs: 30_000 }, T0 + 60_000);
    expect(overdue.map((a) => a.session_id)).toEqual(['old']);
    expect(judgeAssignments(chats, [state('ana', true)], { offlineGraceMs: 0, replyTimeoutMs: 0 }, T0 + 600_000).overdue).toEqual([]);
  });

  it('with the grace off, an offline agent keeps their chats', () => {
    expect(judgeAssignments([chat('s1', 'gone')], [state('gone', false, 0)], { offlineGraceMs: 0, replyTimeoutMs: 0 }, T0 + 10 ** 9).offline).toEqual([]);
  });
});
