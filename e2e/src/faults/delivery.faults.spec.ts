import { connectClient, eventually, request, TcpProxy, testUser } from '@parley/testing';
import type { ChatMessage, SessionJoinedEvent } from '@parley/contracts';
import { LIMITS } from '@parley/contracts';
import { describeReport, expectNothingLost, Ledger, settle } from '../support/ledger';
import { acrossGateways, Clients, openRoom, openRooms, startLoad } from '../support/load';
import { sleep } from '../support/processes';
import { startStack, type Stack } from '../support/stack';

jest.setTimeout(120_000);

/**
 * Promises 2, 3, 4 and 7 of docs/reliability.md on one stack whose services reach RabbitMQ
 * through a TcpProxy the tests reset, slow down and hold.
 */
describe('delivery under faults', () => {
  let stack: Stack;
  let amqp: TcpProxy;
  const clients = new Clients();

  beforeAll(async () => {
    amqp = new TcpProxy('127.0.0.1', 5672);
    const port = await amqp.start();
    stack = await startStack({
      label: 'faults-delivery',
      amqpUrl: `amqp://guest:guest@127.0.0.1:${port}`,
      presenceEnv: { PRESENCE_LEASE_TTL_MS: '3000', PRESENCE_REAP_INTERVAL_MS: '500' },
      gatewayEnv: { PRESENCE_RENEW_INTERVAL_MS: '500' },
    });
  }, 120_000);
  afterEach(() => clients.disconnectAll());
  afterAll(async () => {
    // The stack deletes its exchange and queues through the proxy before the proxy goes.
    await stack?.stop();
    await amqp?.stop();
  });

  it('2: one temp_id sent many times, over both gateways and across a reconnect, is one message and every ack names it', async () => {
    const ledger = new Ledger();
    const room = await openRoom(clients, ledger, 'idem', { customerUrl: stack.gatewayA, agentUrl: stack.gatewayB });
    const secondTab = await clients.connect(stack.gatewayB, room.customerToken);
    const attempts = [room.customer, secondTab, room.customer, secondTab, room.customer].map((c) => ledger.send('idem/customer', c, room.sessionId, 'same-temp-id'));
    // The transport drops before the answers come: the SDK sends the same temp_id again.
    (room.customer as unknown as { socket: { io: { engine: { close(): void } } } }).socket.io.engine.close();
    attempts.push(ledger.send('idem/customer', room.customer, room.sessionId, 'same-temp-id'));
    const acks = await Promise.all(attempts);
    expect(new Set(acks.map((a) => a?.message_id)).size).toBe(1);

    const report = await settle(ledger, stack.db.knex, 15_000);
    console.info(describeReport('same temp_id', report));
    expectNothingLost(report);
    expect((await stack.db.knex('chat_messages').where({ session_id: room.sessionId, temp_id: 'same-temp-id' })).length).toBe(1);
  });

  it('3: a client that missed more than one catch-up holds reloads the rest: every message once, in order, none skipped', async () => {
    const ledger = new Ledger();
    const room = await openRoom(clients, ledger, 'gap', { customerUrl: stack.gatewayA, agentUrl: stack.gatewayB });
    room.agent.disconnect();
    room.customer.disconnect();
    // More than join_session answers at once (LIMITS.catchUpMaxMessages), written as the message service would.
    const missed = LIMITS.catchUpMaxMessages + 150;
    await stack.db.knex.transaction(async (trx) => {
      const counter = await trx('message_session_counters')
        .where({ session_id: room.sessionId })
        .forUpdate()
        .first<{ last_seq: string; requesters_so_far: string; staff_so_far: string }>('last_seq', 'requesters_so_far', 'staff_so_far');
      const [base, requesters, staff] = [Number(counter.last_seq), Number(counter.requesters_so_far), Number(counter.staff_so_far)];
      // Each message counts in its side's running total (unread counts are made of them).
      await trx.raw(
        `insert into chat_messages (session_id, seq, sender_id, sender_role, sender_name, content, message_type, temp_id, requesters_so_far, staff_so_far)
         select ?, ? + n, 'backfill', 'customer', 'Backfill', 'missed ' || n, 'text', 'gap-missed-' || n, ? + n, ? from generate_series(1, ?) as n`,
        [room.sessionId, base, requesters, staff, missed],
      );
      await trx('message_session_counters').where({ session_id: room.sessionId }).update({ last_seq: base + missed, requesters_so_far: requesters + missed });
    });
    // The server says it could not send everything at once.
    const probe = await connectClient(stack.gatewayA, testUser('support', 'gap agent').token);
    const answer = await request<SessionJoinedEvent>(probe, 'join_session', { session_id: room.sessionId, last_seq: 1 });
    probe.close();
    expect(answer.data).toMatchObject({ has_more: true });
    expect(answer.data?.messages).toHaveLength(LIMITS.catchUpMaxMessages);

    const shown: ChatMessage[] = [];
    room.agent.on('message', (m) => shown.push(m));
    await room.agent.connect();
    await room.customer.connect();
    // No message follows: what the clients show comes from their catch-up alone.
    const report = await settle(ledger, stack.db.knex, 30_000);
    console.info(describeReport('catch-up beyond the limit', report));
    expectNothingLost(report);
    expect(shown.filter((m) => m.content.startsWith('missed '))).toHaveLength(missed);
  });

  it("4: kill -9 of a gateway under load: its clients reconnect to the other one and lose nothing; presence reaps its sockets", async () => {
    const ledger = new Ledger();
    // Clients reach the gateways through a failover balancer: A while it lives, then B.
    const balancer = new TcpProxy('127.0.0.1', stack.ports['gateway-a'], [{ host: '127.0.0.1', port: stack.ports['gateway-b'] }]);
    const url = `http://127.0.0.1:${await balancer.start()}`;
    try {
      const rooms = await openRooms(clients, ledger, 'gw', 3, (i) => ({ customerUrl: url, agentUrl: i === 0 ? stack.gatewayB : url }));
      const gatewaysOf = async () => (await stack.db.knex('presence_connections').distinct('gateway_id')).map((r: { gateway_id: string }) => r.gateway_id);
      const before = await gatewaysOf();
      const load = startLoad(ledger, rooms, 'gw');
      await sleep(2000);
      await stack.kill('gateway-a');
      await sleep(4000);
      await load.stop();
      const report = await settle(ledger, stack.db.knex, 20_000);
      console.info(describeReport('gateway kill -9', report));
      expectNothingLost(report);
      expect(report.acknowledged).toBe(report.sent);
      // The killed gateway's sockets are gone from presence; the reconnected ones are on B.
      await eventually(async () => expect((await gatewaysOf()).length).toBe(1), 10_000, 250);
      expect(before.length).toBe(2);
    } finally {
      await balancer.stop();
      await stack.restart('gateway-a');
    }
  });

  it('7: connections to RabbitMQ reset, slowed and held under load: nothing lost or shown twice; rows wait for the confirm', async () => {
    const ledger = new Ledger();
    const rooms = await openRooms(clients, ledger, 'amqp', 3, acrossGateways(stack));
    const pending = async () => Number((await stack.db.knex('message_outbox').count<{ count: string }[]>('* as count'))[0].count);
    const load = startLoad(ledger, rooms, 'amqp');
    for (let i = 0; i < 3; i++) {
      await sleep(1500);
      amqp.reset();
    }
    amqp.setLatency(300);
    await sleep(3000);
    amqp.setLatency(0);
    // The broker stops answering: no confirm comes, so the sent messages' outbox rows stay unpublished.
    amqp.hold();
    try {
      const sentBefore = load.sent;
      await sleep(7000);
      expect(load.sent).toBeGreaterThan(sentBefore);
      expect(await pending()).toBeGreaterThan(0);
    } finally {
      amqp.release();
    }
    await load.stop();
    const report = await settle(ledger, stack.db.knex, 30_000);
    console.info(describeReport('RabbitMQ connection reset/slow/held', report));
    expectNothingLost(report);
    expect(report.acknowledged).toBe(report.sent);
    await eventually(async () => expect(await pending()).toBe(0), 15_000, 250);
  });

  it('no service process crashed', () => {
    expect(stack.crashes()).toEqual([]);
  });
});
