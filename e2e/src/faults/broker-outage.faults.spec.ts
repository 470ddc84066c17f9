import { describeReport, expectNothingLost, Ledger, settle } from '../support/ledger';
import { acrossGateways, Clients, openRooms, startLoad } from '../support/load';
import { startDedicatedRabbitMq, type DedicatedRabbitMq } from '../support/dedicated-rabbitmq';
import { sleep } from '../support/processes';
import { startStack, type Stack } from '../support/stack';

jest.setTimeout(180_000);

/** How long RabbitMQ stays stopped (promise 1 of docs/reliability.md). */
const OUTAGE_MS = 60_000;
/** Every message acknowledged during the outage reaches every online participant this soon after the broker is back. */
const DELIVERED_WITHIN_MS = 10_000;

/**
 * Promise 1: a message acknowledged with `message_sent` is committed with its event; with RabbitMQ
 * stopped for 60 s, every acknowledged message reaches every online participant within 10 s of the
 * broker's return, once. The stack runs on a RabbitMQ node of this test's own (never the machine's),
 * which the test stops and starts again.
 */
describe('a 60 s RabbitMQ outage under load', () => {
  let broker: DedicatedRabbitMq;
  let stack: Stack;
  const clients = new Clients();

  beforeAll(async () => {
    broker = await startDedicatedRabbitMq();
    stack = await startStack({ label: 'faults-broker', amqpUrl: broker.amqpUrl });
  }, 180_000);
  afterAll(async () => {
    clients.disconnectAll();
    // The stack deletes its exchange and queues on the node before the node goes.
    await broker?.start();
    await stack?.stop();
    await broker?.destroy();
  }, 120_000);

  it('acknowledges sends while RabbitMQ is down and delivers each once, within 10 s of its return', async () => {
    const ledger = new Ledger();
    const rooms = await openRooms(clients, ledger, 'broker', 3, acrossGateways(stack));
    const load = startLoad(ledger, rooms, 'broker', 500);
    await sleep(1500);
    let ackedDuringOutage = new Map<string, string>();
    let returnedAt = 0;
    try {
      await broker.stop();
      await sleep(OUTAGE_MS);
      ackedDuringOutage = ledger.acknowledged();
    } finally {
      // The broker is back once it takes AMQP connections again; the 10 s count from then.
      await broker.start();
      returnedAt = Date.now();
    }
    // Sends were acknowledged while the broker was down: the events wait in the outbox.
    expect(ackedDuringOutage.size).toBeGreaterThan(100);
    await ledger.untilShown([...ackedDuringOutage.values()], DELIVERED_WITHIN_MS * 3);
    const deliveredAfterMs = Date.now() - returnedAt;
    await sleep(1500);
    await load.stop();
    const report = await settle(ledger, stack.db.knex, 30_000);
    console.info(`${describeReport('RabbitMQ stopped 60 s', report)}; acknowledged during the outage delivered ${deliveredAfterMs} ms after it was back`);
    expectNothingLost(report);
    expect(report.acknowledged).toBe(report.sent);
    expect(deliveredAfterMs).toBeLessThanOrEqual(DELIVERED_WITHIN_MS);
    await stack.waitReady(undefined, 30_000);
    expect(stack.crashes()).toEqual([]);
  });
});
