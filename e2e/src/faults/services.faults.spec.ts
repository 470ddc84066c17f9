import { api, connectClient, eventually, request, testUser } from '@parley/testing';
import { describeReport, expectNothingLost, Ledger, settle } from '../support/ledger';
import { acrossGateways, Clients, openRooms, startLoad, type Room } from '../support/load';
import { sleep } from '../support/processes';
import { startStack, type ServiceName, type Stack } from '../support/stack';

jest.setTimeout(120_000);

/**
 * Promise 5 of docs/reliability.md: kill -9 of a backend service under load gives callers a clear
 * UNAVAILABLE while it is down, the SDK retries, and nothing acknowledged is lost once it is back.
 * Also a SIGTERM rolling restart of a gateway under load.
 */
describe('backend services crashing and restarting under load', () => {
  let stack: Stack;
  const clients = new Clients();
  const agent = testUser('support', 'Probe agent');

  beforeAll(async () => {
    stack = await startStack({ label: 'faults-services' });
  }, 120_000);
  afterEach(() => clients.disconnectAll());
  afterAll(() => stack?.stop());

  const rooms = (ledger: Ledger, prefix: string) =>
    openRooms(clients, ledger, prefix, 2, acrossGateways(stack));

  /** What a caller gets from the gateway while the service is down: the error code it answers with. */
  const probes: Record<string, (room: Room) => Promise<string | undefined>> = {
    message: async (room) => {
      const socket = await connectClient(stack.gatewayA, room.customerToken);
      try {
        return (await request(socket, 'send_message', { session_id: room.sessionId, content: 'probe', temp_id: `probe-${Date.now()}` }, 8000)).error?.code;
      } finally {
        socket.close();
      }
    },
    session: async (room) => {
      const answer = await api(stack.gatewayB, 'GET', `/api/v1/chat/sessions/${room.sessionId}`, { token: room.customerToken });
      return answer.status === 503 ? answer.body.error.code : `HTTP ${answer.status}`;
    },
    presence: async () => {
      const answer = await api(stack.gatewayA, 'GET', '/api/v1/chat/agents/online', { token: agent.token });
      return answer.status === 503 ? answer.body.error.code : `HTTP ${answer.status}`;
    },
    attachment: async (room) => {
      const form = new FormData();
      form.append('attachments', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'probe.pdf');
      const response = await fetch(`${stack.gatewayA}/api/v1/chat/upload`, { method: 'POST', headers: { authorization: `Bearer ${room.customerToken}` }, body: form });
      const body = (await response.json()) as { error?: { code: string } };
      return response.status === 503 ? body.error?.code : `HTTP ${response.status}`;
    },
  };

  it.each<[ServiceName]>([['message'], ['session'], ['presence'], ['attachment']])('kill -9 of the %s service', async (name) => {
    const ledger = new Ledger();
    const open = await rooms(ledger, name);
    const load = startLoad(ledger, open, name, 150);
    await sleep(1500);
    await stack.kill(name, 'SIGKILL');
    try {
      await eventually(async () => expect(await probes[name](open[0])).toBe('UNAVAILABLE'), 10_000, 200);
      await sleep(1000);
    } finally {
      await stack.restart(name);
    }
    await sleep(1500);
    await load.stop();
    const report = await settle(ledger, stack.db.knex, 30_000);
    console.info(describeReport(`kill -9 ${name}`, report));
    expectNothingLost(report);
    expect(report.acknowledged).toBe(report.sent);
    // And the service answers again.
    await eventually(async () => expect(await probes[name](open[0])).not.toBe('UNAVAILABLE'), 10_000, 200);
  });

  // The message service's restart is the kill -9 above; a gateway's SIGTERM drains its sockets.
  it.each<[ServiceName]>([['gateway-a']])('SIGTERM rolling restart of %s', async (name) => {
    const ledger = new Ledger();
    const open = await rooms(ledger, `rolling-${name}`);
    const load = startLoad(ledger, open, `rolling-${name}`, 150);
    await sleep(1500);
    await stack.restart(name);
    await sleep(1500);
    await load.stop();
    const report = await settle(ledger, stack.db.knex, 30_000);
    console.info(describeReport(`rolling restart ${name}`, report));
    expectNothingLost(report);
    expect(report.acknowledged).toBe(report.sent);
  });

  it('no service process crashed that the test did not kill', () => {
    expect(stack.crashes()).toEqual([]);
  });
});
