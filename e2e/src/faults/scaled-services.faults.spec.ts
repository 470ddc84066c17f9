import { connectClient, request } from '@parley/testing';
import { describeReport, expectNothingLost, Ledger, settle } from '../support/ledger';
import { acrossGateways, Clients, openRooms, startLoad, type Room } from '../support/load';
import { sleep } from '../support/processes';
import { startStack, type ServiceName, type Stack } from '../support/stack';

jest.setTimeout(120_000);

/**
 * Two instances of every service: kill -9 of one of them under load loses nothing and duplicates
 * nothing (sends it was storing are retried on the other by temp_id, events it committed but had
 * not published go out through the survivor's outbox sweeper), and the survivor carries on alone:
 * callers never see UNAVAILABLE.
 */
describe('one of two instances killed under load', () => {
  let stack: Stack;
  const clients = new Clients();

  beforeAll(async () => {
    stack = await startStack({ label: 'faults-scaled', instances: 2 });
  }, 120_000);
  afterEach(() => clients.disconnectAll());
  afterAll(() => stack?.stop());

  /** What a caller gets from the gateways with one instance gone: an answer, never UNAVAILABLE. */
  const probes: Record<string, (room: Room) => Promise<string>> = {
    message: async (room) => {
      const socket = await connectClient(stack.gatewayA, room.customerToken);
      try {
        const answer = await request(socket, 'send_message', { session_id: room.sessionId, content: 'probe', temp_id: `probe-${Date.now()}-${Math.random()}` }, 8000);
        return answer.error?.code ?? 'OK';
      } finally {
        socket.close();
      }
    },
    presence: async (room) => {
      // A join registers the socket and answers who is in the session: the presence service's work.
      const socket = await connectClient(stack.gatewayB, room.customerToken);
      try {
        const answer = await request(socket, 'join_session', { session_id: room.sessionId }, 8000);
        return answer.error?.code ?? 'OK';
      } finally {
        socket.close();
      }
    },
  };

  it.each<[ServiceName]>([['message'], ['presence']])('kill -9 of one %s service: nothing lost, nothing twice, the other carries on', async (name) => {
    const ledger = new Ledger();
    const open = await openRooms(clients, ledger, `scaled-${name}`, 4, acrossGateways(stack));
    const load = startLoad(ledger, open, `scaled-${name}`, 100);
    await sleep(1500);
    await stack.kill(name, 'SIGKILL');
    try {
      // The survivor answers at once and keeps answering while the other stays down.
      for (let i = 0; i < 10; i++) {
        expect(await probes[name](open[i % open.length])).toBe('OK');
        await sleep(150);
      }
      await sleep(1500);
      await load.stop();
    } finally {
      await stack.restart(name);
    }
    const report = await settle(ledger, stack.db.knex, 30_000);
    console.info(describeReport(`kill -9 one of two ${name}`, report));
    expectNothingLost(report);
    expect(report.acknowledged).toBe(report.sent);
  });

  it('no service process crashed that the test did not kill', () => {
    expect(stack.crashes()).toEqual([]);
  });
});
