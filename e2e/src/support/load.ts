import { ParleyClient } from '@parley/client';
import { testUser } from '@parley/testing';
import type { Ledger } from './ledger';

/**
 * Load for the fault suite: pairs of SDK clients (a customer and the agent who accepted the chat)
 * in sessions of their own, each customer sending on an interval while a fault happens.
 */

export interface Room {
  name: string;
  sessionId: string;
  customer: ParleyClient;
  agent: ParleyClient;
  /** The customer's token, for a second connection of the same user. */
  customerToken: string;
}

export interface RoomOptions {
  /** Gateway the customer connects to, and the agent's (the other one, so events cross gateways). */
  customerUrl: string;
  agentUrl: string;
  ackTimeoutMs?: number;
}

const activeLoads = new Set<NodeJS.Timeout>();

export class Clients {
  private readonly all: ParleyClient[] = [];

  async connect(url: string, token: string, ackTimeoutMs = 3000): Promise<ParleyClient> {
    const client = new ParleyClient({ url, token, transports: ['websocket'], reconnectionDelayMs: 200, reconnectionDelayMaxMs: 1000, ackTimeoutMs });
    this.all.push(client);
    await client.connect();
    return client;
  }

  /** Stops every load still sending (a failed test leaves one running) and disconnects every client. */
  disconnectAll(): void {
    for (const timer of activeLoads) clearInterval(timer);
    activeLoads.clear();
    this.all.splice(0).forEach((c) => c.disconnect());
  }
}

/** A customer's session accepted by an agent, both joined and both watched by the ledger. */
export async function openRoom(clients: Clients, ledger: Ledger, name: string, options: RoomOptions): Promise<Room> {
  const customerUser = testUser('customer', `${name} customer`);
  const agentUser = testUser('support', `${name} agent`);
  const customer = await clients.connect(options.customerUrl, customerUser.token, options.ackTimeoutMs);
  const agent = await clients.connect(options.agentUrl, agentUser.token, options.ackTimeoutMs);
  const session = await customer.rest.openSession({ subject: `Fault ${name}`, initial_message: `hello from ${name}` });
  // Each party is watched from its own join on: the chat's lines written meanwhile (the initial
  // message, "accepted") reach the customer live while the agent is still joining.
  const customerWatch = ledger.watch(`${name}/customer`, customer, session.id);
  customerWatch.joinedAt((await customer.join(session.id)).last_seq);
  const agentWatch = ledger.watch(`${name}/agent`, agent, session.id);
  await agent.acceptChat(session.id);
  agentWatch.joinedAt((await agent.join(session.id)).last_seq);
  return { name, sessionId: session.id, customer, agent, customerToken: customerUser.token };
}

/** Room i's customer on gateway A and agent on B, or the other way round: events cross gateways both ways. */
export function acrossGateways(stack: { gatewayA: string; gatewayB: string }): (i: number) => RoomOptions {
  return (i) => (i % 2 ? { customerUrl: stack.gatewayB, agentUrl: stack.gatewayA } : { customerUrl: stack.gatewayA, agentUrl: stack.gatewayB });
}

export async function openRooms(clients: Clients, ledger: Ledger, prefix: string, count: number, options: (i: number) => RoomOptions): Promise<Room[]> {
  const rooms: Room[] = [];
  for (let i = 0; i < count; i++) rooms.push(await openRoom(clients, ledger, `${prefix}-${i}`, options(i)));
  return rooms;
}

export interface Load {
  /** Sends made so far. */
  readonly sent: number;
  /** Stops sending and waits until every send has its ack or its error. */
  stop(): Promise<void>;
}

/**
 * Each room's customer sends a message every `intervalMs` (and, every third one, the agent
 * answers), without waiting for acks: the SDK queues while offline and retries with the same temp_id.
 */
export function startLoad(ledger: Ledger, rooms: Room[], label: string, intervalMs = 100): Load {
  const pending: Promise<unknown>[] = [];
  let n = 0;
  const timer = setInterval(() => {
    n++;
    for (const room of rooms) {
      pending.push(ledger.send(`${room.name}/customer`, room.customer, room.sessionId, `${label}-${room.name}-c${n}`));
      if (n % 3 === 0) pending.push(ledger.send(`${room.name}/agent`, room.agent, room.sessionId, `${label}-${room.name}-a${n}`));
    }
  }, intervalMs);
  activeLoads.add(timer);
  return {
    get sent() {
      return pending.length;
    },
    async stop() {
      clearInterval(timer);
      activeLoads.delete(timer);
      await Promise.all(pending);
    },
  };
}
