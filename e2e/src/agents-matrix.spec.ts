import { randomUUID } from 'node:crypto';
import { api, request, testUser, type ClientSocket, type TestUser } from '@parley/testing';
import { SocketPool, history, openSession, refused, type AckError } from './support/chat-client';
import { startStack, type Stack } from './support/stack';

/**
 * Who may do what to a chat, against the real stack (requesters on gateway A, staff on gateway B):
 * the role × action matrix as one table, and the bad inputs of the agents' events and endpoints.
 */
jest.setTimeout(60_000);

type Role = 'customer (owner)' | 'customer (other)' | 'restaurant (other)' | 'support (assigned)' | 'support (other)' | 'admin';
type State = 'waiting' | 'active' | 'resolved';
type Outcome = string; // 'ok' or an error code

const ROLES: Role[] = ['customer (owner)', 'customer (other)', 'restaurant (other)', 'support (assigned)', 'support (other)', 'admin'];
const HTTP: Record<string, number> = { INVALID_ARGUMENT: 400, FAILED_PRECONDITION: 400, PERMISSION_DENIED: 403, NOT_FOUND: 404, ABORTED: 409 };

const OK = 'ok';
const NO = 'PERMISSION_DENIED';

interface Action {
  name: string;
  /** The state of the fresh session the cell acts on. */
  state: State;
  act(user: TestUser, socket: ClientSocket, sessionId: string): Promise<Outcome>;
  /** What the session looks like after the action succeeded. */
  effect(user: TestUser, before: Snapshot): Partial<Snapshot>;
}

interface Snapshot {
  status: string;
  agent_id: string | null;
  /** Messages people wrote (system messages arrive asynchronously after each step, so they are left out). */
  texts: number;
}

function row(...outcomes: Outcome[]): Record<string, Outcome> {
  return Object.fromEntries(ACTIONS.map((a, i) => [a.name, outcomes[i]]));
}

let stack: Stack;
const target = testUser('support', 'Tara Target');

async function viaSocket(socket: ClientSocket, event: string, payload: unknown): Promise<Outcome> {
  const answer = await request(socket, event, payload, 15_000);
  return answer.ok ? OK : (answer.error as AckError).code;
}

async function viaRest(user: TestUser, method: string, path: string, body: unknown): Promise<Outcome> {
  const response = await api(stack.gatewayB, method, `/api/v1/chat/sessions/${path}`, { token: user.token, body });
  if (response.status === 200 || response.status === 201) return response.body?.success === true ? OK : `ok without the envelope: ${JSON.stringify(response.body)}`;
  const code = response.body?.error?.code as string;
  return HTTP[code] === response.status ? code : `${code} (HTTP ${response.status})`;
}

const status = (value: string) => (user: TestUser, id: string) => viaRest(user, 'PATCH', `${id}/status`, { status: value });

const ACTIONS: Action[] = [
  { name: 'accept_chat', state: 'waiting', act: (_u, s, id) => viaSocket(s, 'accept_chat', { session_id: id }), effect: (u) => ({ status: 'active', agent_id: u.id }) },
  { name: 'POST /assign (self)', state: 'waiting', act: (u, _s, id) => viaRest(u, 'POST', `${id}/assign`, {}), effect: (u) => ({ status: 'active', agent_id: u.id }) },
  {
    name: 'POST /assign (another agent)',
    state: 'waiting',
    act: (u, _s, id) => viaRest(u, 'POST', `${id}/assign`, { agent_id: target.id, agent_name: target.name }),
    effect: () => ({ status: 'active', agent_id: target.id }),
  },
  {
    name: 'POST /transfer',
    state: 'active',
    act: (u, _s, id) => viaRest(u, 'POST', `${id}/transfer`, { agent_id: target.id, agent_name: target.name }),
    effect: () => ({ status: 'active', agent_id: target.id }),
  },
  { name: 'PATCH resolved (active)', state: 'active', act: (u, _s, id) => status('resolved')(u, id), effect: () => ({ status: 'resolved' }) },
  { name: 'PATCH closed (resolved)', state: 'resolved', act: (u, _s, id) => status('closed')(u, id), effect: () => ({ status: 'closed' }) },
  { name: 'close_chat (waiting)', state: 'waiting', act: (_u, s, id) => viaSocket(s, 'close_chat', { session_id: id }), effect: () => ({ status: 'closed' }) },
  { name: 'PATCH active (reopen resolved)', state: 'resolved', act: (u, _s, id) => status('active')(u, id), effect: () => ({ status: 'active' }) },
  {
    name: 'send_message (active)',
    state: 'active',
    act: (_u, s, id) => viaSocket(s, 'send_message', { session_id: id, content: 'hello', temp_id: randomUUID() }),
    effect: (_u, before) => ({ texts: before.texts + 1 }),
  },
];

/**
 * The expected table, from session-lifecycle.ts (TRANSITIONS, ALLOWED_BY), the lifecycle service
 * (accept: support only; assign: support for themself, an admin may name another agent; transfer:
 * the assigned agent or an admin) and assertMayReply. A stranger to the session (another customer
 * or restaurant) is refused before any rule, since they may not see it. On a waiting chat
 * "support (assigned)" is the agent the chat will go to: nobody is assigned yet, so they are just
 * an agent there.
 */
const EXPECTED: Record<Role, Record<string, Outcome>> = {
  'customer (owner)':   row(NO, NO, NO, NO, NO, OK, OK, OK, OK),
  'customer (other)':   row(NO, NO, NO, NO, NO, NO, NO, NO, NO),
  'restaurant (other)': row(NO, NO, NO, NO, NO, NO, NO, NO, NO),
  'support (assigned)': row(OK, OK, NO, OK, OK, OK, OK, OK, OK),
  'support (other)':    row(OK, OK, NO, NO, NO, NO, OK, NO, NO),
  admin:                row(NO, OK, OK, OK, OK, OK, OK, OK, OK),
};

describe('who may do what to a chat', () => {
  const sockets = new SocketPool();
  const users: Record<Role, TestUser> = {
    'customer (owner)': testUser('customer', 'Olive Owner'),
    'customer (other)': testUser('customer', 'Otto Other'),
    'restaurant (other)': testUser('restaurant', 'Rosa Restaurant'),
    'support (assigned)': testUser('support', 'Asa Assigned'),
    'support (other)': testUser('support', 'Ola Other'),
    admin: testUser('admin', 'Ada Admin'),
  };
  const owner = users['customer (owner)'];
  const assigned = users['support (assigned)'];
  const socketOf = {} as Record<Role, ClientSocket>;

  beforeAll(async () => {
    stack = await startStack({ label: 'agents-matrix' });
    for (const role of ROLES) {
      const staff = role.startsWith('support') || role === 'admin';
      socketOf[role] = await sockets.connect(staff ? stack.gatewayB : stack.gatewayA, users[role]);
    }
  }, 120_000);

  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 60_000);

  const rest = (user: TestUser, method: string, path: string, body?: unknown) =>
    api(stack.gatewayB, method, `/api/v1/chat/sessions/${path}`, { token: user.token, body });

  /** A fresh chat of the owner's in `state`, taken by the assigned agent once active. */
  async function chatIn(state: State): Promise<string> {
    const { id } = await openSession(stack.gatewayA, owner);
    if (state === 'waiting') return id;
    const taken = await rest(assigned, 'POST', `${id}/assign`, {});
    if (taken.status !== 200) throw new Error(`assign answered ${taken.status}: ${JSON.stringify(taken.body)}`);
    if (state === 'active') return id;
    const resolved = await rest(assigned, 'PATCH', `${id}/status`, { status: 'resolved' });
    if (resolved.status !== 200) throw new Error(`resolve answered ${resolved.status}: ${JSON.stringify(resolved.body)}`);
    return id;
  }

  async function snapshot(id: string): Promise<Snapshot> {
    const detail = await rest(users.admin, 'GET', id);
    const { messages } = await history(stack.gatewayB, users.admin, id, '?after_seq=0&limit=200');
    return { status: detail.body.data.status, agent_id: detail.body.data.agent_id, texts: messages.filter((m) => m.message_type !== 'system').length };
  }

  /** One cell: the outcome, checked against what the session looks like afterwards. */
  async function cell(role: Role, action: Action): Promise<Outcome> {
    const id = await chatIn(action.state);
    const before = await snapshot(id);
    const outcome = await action.act(users[role], socketOf[role], id);
    const after = await snapshot(id);
    const wanted = outcome === OK ? { ...before, ...action.effect(users[role], before) } : before;
    if (JSON.stringify(after) === JSON.stringify(wanted)) return outcome;
    return `${outcome}, but the chat went from ${JSON.stringify(before)} to ${JSON.stringify(after)}`;
  }

  it('role × action: each cell on a fresh chat; a refusal changes nothing', async () => {
    const actual = {} as Record<Role, Record<string, Outcome>>;
    for (const role of ROLES) actual[role] = {};
    // One action at a time; its six cells at once (each on its own chat).
    for (const action of ACTIONS) {
      const outcomes = await Promise.all(ROLES.map((role) => cell(role, action)));
      ROLES.forEach((role, i) => (actual[role][action.name] = outcomes[i]));
    }
    expect(actual).toEqual(EXPECTED);
  }, 180_000);

  describe('bad input to the agents’ events and endpoints: refused, nothing changed', () => {
    const unknownId = randomUUID();
    let waiting: string;
    let active: string;
    const both = async () => ({ waiting: await snapshot(waiting), active: await snapshot(active) });

    beforeAll(async () => {
      waiting = await chatIn('waiting');
      active = await chatIn('active');
    });

    const shapes = (id: () => string): Array<[string, () => unknown, string]> => [
      ['no session_id', () => ({}), 'INVALID_ARGUMENT'],
      ['a malformed session_id', () => ({ session_id: 'not-a-uuid' }), 'INVALID_ARGUMENT'],
      ['a session_id that is a number', () => ({ session_id: 42 }), 'INVALID_ARGUMENT'],
      ['an unknown field', () => ({ session_id: id(), agent_id: target.id }), 'INVALID_ARGUMENT'],
      ['a string payload', () => id(), 'INVALID_ARGUMENT'],
      ['an unknown session', () => ({ session_id: unknownId }), 'NOT_FOUND'],
    ];
    const transferTo = (extra: Record<string, unknown>) => () => ({ session_id: active, ...extra });
    const socketCases: Array<[string, string, () => unknown, string]> = [
      ...shapes(() => waiting).map(([name, payload, code]): [string, string, () => unknown, string] => ['accept_chat', name, payload, code]),
      ...shapes(() => waiting).map(([name, payload, code]): [string, string, () => unknown, string] => ['close_chat', name, payload, code]),
      ['transfer_chat', 'no agent', transferTo({}), 'INVALID_ARGUMENT'],
      ['transfer_chat', 'no agent_name', transferTo({ agent_id: target.id }), 'INVALID_ARGUMENT'],
      ['transfer_chat', 'a blank agent_name', transferTo({ agent_id: target.id, agent_name: '  ' }), 'INVALID_ARGUMENT'],
      ['transfer_chat', 'an agent_id that is a number', transferTo({ agent_id: 42, agent_name: 'X' }), 'INVALID_ARGUMENT'],
      ['transfer_chat', 'an unknown field', transferTo({ agent_id: target.id, agent_name: target.name, status: 'closed' }), 'INVALID_ARGUMENT'],
      ['transfer_chat', 'a malformed session_id', () => ({ session_id: 'nope', agent_id: target.id, agent_name: target.name }), 'INVALID_ARGUMENT'],
      ['transfer_chat', 'an unknown session', () => ({ session_id: unknownId, agent_id: target.id, agent_name: target.name }), 'NOT_FOUND'],
    ];

    it.each(socketCases)('%s with %s → error event and ack', async (event, _name, payload, code) => {
      const before = await both();
      const { ack, error } = await refused(socketOf['support (assigned)'], event, payload());
      expect(ack).toEqual({ ok: false, error: { code, message: expect.any(String), event } });
      expect(error).toEqual(ack.error);
      expect(await both()).toEqual(before);
    });

    const restCases: Array<[string, Role, string, string, () => string, unknown, number, string]> = [
      ['assign: a malformed session id', 'admin', 'POST', 'assign', () => 'not-a-uuid', {}, 400, 'INVALID_ARGUMENT'],
      ['assign: an unknown session', 'admin', 'POST', 'assign', () => unknownId, {}, 404, 'NOT_FOUND'],
      ['assign: an unknown field', 'admin', 'POST', 'assign', () => waiting, { priority: 'urgent' }, 400, 'INVALID_ARGUMENT'],
      ['assign: another agent without agent_name', 'admin', 'POST', 'assign', () => waiting, { agent_id: target.id }, 400, 'INVALID_ARGUMENT'],
      ['assign: an agent_id that is a number', 'admin', 'POST', 'assign', () => waiting, { agent_id: 7, agent_name: 'Seven' }, 400, 'INVALID_ARGUMENT'],
      ['transfer: no body fields', 'support (assigned)', 'POST', 'transfer', () => active, {}, 400, 'INVALID_ARGUMENT'],
      ['transfer: no agent_name', 'support (assigned)', 'POST', 'transfer', () => active, { agent_id: target.id }, 400, 'INVALID_ARGUMENT'],
      ['transfer: an unknown field', 'support (assigned)', 'POST', 'transfer', () => active, { agent_id: target.id, agent_name: 'T', note: 'x' }, 400, 'INVALID_ARGUMENT'],
      ['transfer: a malformed session id', 'support (assigned)', 'POST', 'transfer', () => 'not-a-uuid', { agent_id: target.id, agent_name: 'T' }, 400, 'INVALID_ARGUMENT'],
      ['transfer: to the agent it already has', 'support (assigned)', 'POST', 'transfer', () => active, { agent_id: assigned.id, agent_name: assigned.name }, 400, 'FAILED_PRECONDITION'],
      ['transfer: a waiting chat', 'admin', 'POST', 'transfer', () => waiting, { agent_id: target.id, agent_name: 'T' }, 400, 'FAILED_PRECONDITION'],
      ['status: an unknown status', 'support (assigned)', 'PATCH', 'status', () => active, { status: 'bogus' }, 400, 'INVALID_ARGUMENT'],
      ['status: an upper-case status', 'support (assigned)', 'PATCH', 'status', () => active, { status: 'RESOLVED' }, 400, 'INVALID_ARGUMENT'],
      ['status: no status', 'support (assigned)', 'PATCH', 'status', () => active, {}, 400, 'INVALID_ARGUMENT'],
      ['status: an unknown field', 'support (assigned)', 'PATCH', 'status', () => active, { status: 'resolved', agent_id: target.id }, 400, 'INVALID_ARGUMENT'],
      ['status: a malformed session id', 'support (assigned)', 'PATCH', 'status', () => 'not-a-uuid', { status: 'resolved' }, 400, 'INVALID_ARGUMENT'],
      ['status: an unknown session', 'support (assigned)', 'PATCH', 'status', () => unknownId, { status: 'resolved' }, 404, 'NOT_FOUND'],
      ['status: active → closed (resolve first)', 'support (assigned)', 'PATCH', 'status', () => active, { status: 'closed' }, 400, 'FAILED_PRECONDITION'],
      ['status: active → waiting', 'admin', 'PATCH', 'status', () => active, { status: 'waiting' }, 400, 'FAILED_PRECONDITION'],
      ['status: active → active', 'support (assigned)', 'PATCH', 'status', () => active, { status: 'active' }, 400, 'FAILED_PRECONDITION'],
      ['status: waiting → resolved', 'admin', 'PATCH', 'status', () => waiting, { status: 'resolved' }, 400, 'FAILED_PRECONDITION'],
    ];

    it.each(restCases)('%s → the error envelope', async (_name, role, method, route, id, body, httpStatus, code) => {
      const before = await both();
      const response = await rest(users[role], method, `${id()}/${route}`, body);
      expect({ status: response.status, body: response.body }).toEqual({ status: httpStatus, body: { success: false, error: { code, message: expect.any(String) } } });
      expect(await both()).toEqual(before);
    });

    it('a body that is not JSON → 400, nothing changed', async () => {
      const before = await both();
      const response = await api(stack.gatewayB, 'PATCH', `/api/v1/chat/sessions/${active}/status`, { token: assigned.token, rawBody: '{"status": ' });
      expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status: 400, code: 'INVALID_ARGUMENT' });
      expect(await both()).toEqual(before);
    });
  });

  it('no service process crashed during the run', () => {
    expect(stack.crashes()).toEqual([]);
  });
});
