import { createEvent, routingKeys, type Availability, type ChatSession, type Identity, type Participant } from '@parley/contracts';
import type { EventBus } from '@parley/bus';
import { AppError, permissionDenied } from '@parley/errors';
import type { Caller, PresenceApi } from '../domain/gateway.ports';

interface FakeSocket {
  gatewayId: string;
  identity: Identity;
  sessions: Set<string>;
}

/**
 * A hand-built stand-in for the presence service: sockets and their sessions in memory, the same
 * events on the bus (user.joined when a user's first socket enters, user.left when the last goes),
 * no leases or expiry. `calls` records what reached it.
 */
export class FakePresence {
  readonly sockets = new Map<string, FakeSocket>();
  readonly calls: string[] = [];
  readonly availability = new Map<string, Availability>();
  renewals = 0;
  /** What renewLease answers. */
  leaseKnown = true;
  /** While true, every call fails as an unreachable service would. */
  down = false;
  /** While true, joins, leaves and disconnects are refused as a service past its bound refuses them. */
  busy = false;

  constructor(
    private readonly bus: EventBus,
    private readonly visible: (caller: Caller, sessionId: string) => ChatSession,
  ) {}

  private usersIn(sessionId: string): Participant[] {
    const users = new Map<string, Participant>();
    for (const s of this.sockets.values()) {
      if (s.sessions.has(sessionId)) users.set(s.identity.userId, { user_id: s.identity.userId, role: s.identity.role, name: s.identity.name });
    }
    return [...users.values()];
  }

  private async leaveOne(socketId: string, sessionId: string): Promise<void> {
    const socket = this.sockets.get(socketId);
    if (!socket?.sessions.delete(sessionId)) return;
    const { userId, role } = socket.identity;
    if (this.usersIn(sessionId).some((p) => p.user_id === userId)) return;
    await this.bus.publish(createEvent('user.left', routingKeys.session(sessionId, 'user.left'), { session_id: sessionId, user_id: userId, role }));
  }

  private failIfDown(): void {
    if (this.down) throw new AppError('UNAVAILABLE', 'The presence service is unavailable, try again shortly');
  }

  private refuseIfBusy(): void {
    if (this.busy) throw new AppError('RESOURCE_EXHAUSTED', 'The presence service is busy registering sockets; try again shortly');
  }

  private member(caller: Caller, socketId: string, sessionId: string): void {
    const socket = this.sockets.get(socketId);
    if (!socket || socket.identity.userId !== caller.identity.userId || !socket.sessions.has(sessionId)) {
      throw permissionDenied('Only participants of the session may type in it: join it first');
    }
  }

  readonly api: PresenceApi = {
    connect: async (caller, ref) => {
      this.calls.push('presence.connect');
      this.failIfDown();
      this.sockets.set(ref.socketId, { gatewayId: ref.gatewayId, identity: caller.identity, sessions: new Set() });
    },
    disconnect: async (_caller, ref) => {
      this.calls.push('presence.disconnect');
      this.failIfDown();
      this.refuseIfBusy();
      for (const sessionId of this.sockets.get(ref.socketId)?.sessions ?? []) await this.leaveOne(ref.socketId, sessionId);
      this.sockets.delete(ref.socketId);
    },
    join: async (caller, ref, sessionId) => {
      this.calls.push('presence.join');
      this.failIfDown();
      this.refuseIfBusy();
      const session = this.visible(caller, sessionId);
      const socket = this.sockets.get(ref.socketId) ?? { gatewayId: ref.gatewayId, identity: caller.identity, sessions: new Set<string>() };
      this.sockets.set(ref.socketId, socket);
      const present = this.usersIn(session.id).some((p) => p.user_id === caller.identity.userId);
      socket.sessions.add(session.id);
      if (!present) {
        const { userId, role, name } = caller.identity;
        await this.bus.publish(createEvent('user.joined', routingKeys.session(session.id, 'user.joined'), { session_id: session.id, user: { user_id: userId, role, name } }));
      }
      return this.usersIn(session.id);
    },
    leave: async (_caller, ref, sessionId) => {
      this.calls.push('presence.leave');
      this.failIfDown();
      this.refuseIfBusy();
      await this.leaveOne(ref.socketId, sessionId);
    },
    renewLease: async () => {
      this.failIfDown();
      this.renewals += 1;
      return this.leaseKnown;
    },
    releaseGateway: async (_caller, gatewayId) => {
      for (const [id, socket] of this.sockets) if (socket.gatewayId === gatewayId) await this.api.disconnect(_caller, { gatewayId, socketId: id });
    },
    onlineAgents: async (caller) => {
      if (caller.identity.role !== 'support' && caller.identity.role !== 'admin') throw permissionDenied('Only support agents and admins see who is online');
      return [];
    },
    setAvailability: async (caller, status) => {
      this.calls.push('presence.setAvailability');
      this.failIfDown();
      if (caller.identity.role !== 'support') throw permissionDenied('Only support agents set an availability');
      this.availability.set(caller.identity.userId, status);
      const changed = { agent_id: caller.identity.userId, agent_name: caller.identity.name, status };
      await this.bus.publish(createEvent('agent.availability_changed', routingKeys.agents('agent.availability_changed'), changed));
      return changed;
    },
  };
}
