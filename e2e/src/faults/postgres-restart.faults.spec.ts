import { connectClient, request } from '@parley/testing';
import { describeReport, expectNothingLost, Ledger, settle } from '../support/ledger';
import { acrossGateways, Clients, openRooms, startLoad } from '../support/load';
import { startDedicatedPostgres, type DedicatedPostgres } from '../support/dedicated-postgres';
import { sleep } from '../support/processes';
import { startStack, type Stack } from '../support/stack';

jest.setTimeout(120_000);

/**
 * Promise 6 of docs/reliability.md: PostgreSQL restarted under load. The stack runs on a
 * PostgreSQL of this test's own (never the machine's), which the test stops and starts again.
 */
describe('a PostgreSQL restart under load', () => {
  let postgres: DedicatedPostgres;
  let stack: Stack;
  const clients = new Clients();

  beforeAll(async () => {
    postgres = await startDedicatedPostgres();
    stack = await startStack({ label: 'faults-postgres', databaseServerUrl: postgres.serverUrl });
  }, 120_000);
  afterAll(async () => {
    clients.disconnectAll();
    await postgres?.start();
    await stack?.stop();
    await postgres?.destroy();
  });

  it('sends fail clearly while it is down (never a false ack); the services reconnect by themselves and nothing is lost', async () => {
    const ledger = new Ledger();
    const rooms = await openRooms(clients, ledger, 'pg', 2, acrossGateways(stack));
    const load = startLoad(ledger, rooms, 'pg', 150);
    await sleep(1500);
    const probe = await connectClient(stack.gatewayA, rooms[0].customerToken);
    const refusals: string[] = [];
    try {
      await postgres.stop();
      for (let i = 0; i < 3; i++) {
        const answer = await request(probe, 'send_message', { session_id: rooms[0].sessionId, content: `probe ${i}`, temp_id: `pg-probe-${i}` }, 10_000);
        refusals.push(answer.ok ? 'acknowledged' : (answer.error?.code ?? 'no code'));
      }
      await sleep(1000);
    } finally {
      await postgres.start();
      probe.close();
    }
    expect(refusals).toEqual(['UNAVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE']);
    await sleep(2000);
    await load.stop();
    const report = await settle(ledger, stack.db.knex, 30_000);
    console.info(describeReport('PostgreSQL restart', report));
    expectNothingLost(report);
    expect(report.acknowledged).toBe(report.sent);
    // None of the refused probes was stored.
    expect(await stack.db.knex('chat_messages').where('temp_id', 'like', 'pg-probe-%')).toEqual([]);
    await stack.waitReady(undefined, 30_000);
    expect(stack.crashes()).toEqual([]);
  });
});
