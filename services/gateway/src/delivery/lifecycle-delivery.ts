import { routingKeys, type EventEnvelope, type ServerToClientEvents } from '@parley/contracts';
import type { Subscription } from '@parley/bus';
import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import { SESSION_ROOM_PREFIX, sessionRoom, type GatewayServer } from '../socket/socket.types';

/** Every support agent and admin connected to this gateway: the live queue's audience. */
export const AGENTS_ROOM = 'agents';
/** Every admin connected to this gateway: the supervisors' live figures' audience. */
export const ADMINS_ROOM = 'admins';

type QueueChanged = EventEnvelope<'queue.changed'>['data'];

/**
 * Lifecycle and queue events to sockets: to the session's room and to every agent at once (one
 * emit to both rooms, so an agent in both gets it once). While this gateway has agents connected
 * it binds every session's lifecycle events; queue events it always binds, for waiting customers;
 * the supervisors' live figures while it has admins connected.
 *
 * A queue change is shown at the end of the turn it arrived in, and only the newest of those that
 * arrived together: each is the whole queue, and showing one means an emit to every agent and one
 * to every waiting customer here, so a burst of n changes (n chats opened at once) would cost n
 * times that. Any other event shows the queue it waits for first, so the order of what a socket
 * hears stays the order of the events.
 */
export class LifecycleDelivery {
  private queueVersion = 0;
  private workloadVersion = 0;
  /** The newest queue change not shown yet. */
  private pendingQueue: QueueChanged | null = null;

  constructor(
    private readonly io: GatewayServer,
    private readonly subscription: Subscription,
    private readonly logger: Logger,
  ) {
    const adapter = io.of('/').adapter;
    const patterns: Record<string, string> = { [AGENTS_ROOM]: routingKeys.lifecyclePattern(), [ADMINS_ROOM]: routingKeys.adminsPattern() };
    adapter.on('create-room', (room: string) => {
      if (patterns[room]) void subscription.bind(patterns[room]);
    });
    adapter.on('delete-room', (room: string) => {
      if (patterns[room]) void subscription.unbind(patterns[room]);
    });
  }

  start(): Promise<void> {
    return this.subscription.bind(routingKeys.agentsPattern());
  }

  handle(event: EventEnvelope): void {
    if (event.type !== 'queue.changed') this.showQueue();
    switch (event.type) {
      case 'session.created': {
        const { session } = (event as EventEnvelope<'session.created'>).data;
        this.emitTo(AGENTS_ROOM, 'session_queued', { session });
        return;
      }
      case 'session.accepted': {
        const { session, agent_id, agent_name } = (event as EventEnvelope<'session.accepted'>).data;
        this.toSessionAndAgents(session.id, 'chat_accepted', { session, agent_id, agent_name });
        this.toSessionAndAgents(session.id, 'session_status_changed', { session_id: session.id, status: session.status, agent_id });
        return;
      }
      case 'session.transferred': {
        const { session, from_agent_id, to_agent_id, to_agent_name } = (event as EventEnvelope<'session.transferred'>).data;
        this.toSessionAndAgents(session.id, 'chat_transferred', { session, from_agent_id, to_agent_id, to_agent_name });
        this.toSessionAndAgents(session.id, 'session_status_changed', { session_id: session.id, status: session.status, agent_id: to_agent_id });
        return;
      }
      case 'session.status_changed': {
        const { session, by } = (event as EventEnvelope<'session.status_changed'>).data;
        this.toSessionAndAgents(session.id, 'session_status_changed', { session_id: session.id, status: session.status, agent_id: session.agent_id });
        if (session.status === 'closed') this.toSessionAndAgents(session.id, 'chat_closed', { session, closed_by: by.user_id });
        return;
      }
      case 'session.requeued': {
        const { session, from_agent_id, reason } = (event as EventEnvelope<'session.requeued'>).data;
        this.toSessionAndAgents(session.id, 'chat_requeued', { session, from_agent_id, reason });
        this.toSessionAndAgents(session.id, 'session_status_changed', { session_id: session.id, status: session.status, agent_id: null });
        return;
      }
      case 'session.rated': {
        const data = (event as EventEnvelope<'session.rated'>).data;
        this.toSessionAndAgents(data.session_id, 'chat_rated', data);
        return;
      }
      case 'workload.changed': {
        const workload = (event as EventEnvelope<'workload.changed'>).data;
        // Like the queue: a late event never shows an older picture.
        if (workload.version <= this.workloadVersion) return;
        this.workloadVersion = workload.version;
        this.emitTo(ADMINS_ROOM, 'workload_updated', workload);
        return;
      }
      case 'agent.roster_changed':
        this.emitTo(ADMINS_ROOM, 'agents_updated', (event as EventEnvelope<'agent.roster_changed'>).data);
        return;
      case 'agent.availability_changed':
        this.emitTo(AGENTS_ROOM, 'availability_changed', (event as EventEnvelope<'agent.availability_changed'>).data);
        return;
      case 'queue.changed':
        this.queueChanged(event as EventEnvelope<'queue.changed'>);
        return;
      default:
        this.logger.debug({ type: event.type }, 'event with no socket audience');
    }
  }

  /** One emit to the session's room and the agents (a socket in both gets it once), counted. */
  private toSessionAndAgents<E extends keyof ServerToClientEvents>(sessionId: string, event: E, data: Parameters<ServerToClientEvents[E]>[0]): void {
    this.emitTo([sessionRoom(sessionId), AGENTS_ROOM], event, data);
  }

  private emitTo<E extends keyof ServerToClientEvents>(rooms: string | string[], event: E, data: Parameters<ServerToClientEvents[E]>[0]): void {
    metrics.socketEventsOut.inc({ event });
    const target = this.io.to(rooms) as unknown as { emit(e: string, d: unknown): boolean };
    target.emit(event, data);
  }

  /** Keeps the newest queue change to show at the end of the turn; older versions are dropped. */
  private queueChanged({ data }: EventEnvelope<'queue.changed'>): void {
    if (data.version <= this.queueVersion) return;
    this.queueVersion = data.version;
    if (this.pendingQueue === null) setImmediate(() => this.showQueue());
    this.pendingQueue = data;
  }

  /** The queue to agents, and to each waiting customer here their place in it. */
  private showQueue(): void {
    const data = this.pendingQueue;
    if (data === null) return;
    this.pendingQueue = null;
    this.emitTo(AGENTS_ROOM, 'queue_updated', { waiting: data.waiting, total: data.total });
    const rooms = this.io.of('/').adapter.rooms;
    data.waiting.forEach((sessionId, index) => {
      if (rooms.has(`${SESSION_ROOM_PREFIX}${sessionId}`)) {
        this.emitTo(sessionRoom(sessionId), 'queue_position', { session_id: sessionId, position: index + 1, waiting: data.total });
      }
    });
  }
}
