import { isStaff, validate, type Identity, type OnlineAgent, type Participant } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';
import { dropConnection, leaveSession, userJoined } from './presence.events';
import { gatewayRefSchema, sessionSocketRefSchema, socketRefSchema } from './presence.inputs';
import type { Connection, PresenceRepository, PresenceStore, PresenceTimings, SessionDirectory } from './presence.ports';

export interface PresenceServiceDeps {
  presence: PresenceRepository;
  sessions: SessionDirectory;
  timings: PresenceTimings;
  now?: () => Date;
}

/**
 * The connection registry: gateways report their sockets and the sessions those sockets join,
 * and renew a lease; a user is in a session while at least one of their sockets is.
 */
export function createPresenceService({ presence, sessions, timings, now = () => new Date() }: PresenceServiceDeps) {
  const leaseUntil = (at: Date) => new Date(at.getTime() + timings.leaseTtlMs);

  function asUser(identity: Identity): void {
    if (identity.role === 'service') throw permissionDenied('Only users have connections');
  }
  function asGateway(identity: Identity): void {
    if (identity.role !== 'service') throw permissionDenied('Only a gateway may manage its lease');
  }

  /** The caller's own socket; it is (re)registered if presence does not know it yet. */
  async function ownSocket(store: PresenceStore, identity: Identity, ref: { gateway_id: string; socket_id: string }): Promise<Connection> {
    const at = now();
    const { connection: existing, leaseLive } = await store.socketAndLease(ref.socket_id, ref.gateway_id, at);
    if (existing) {
      if (existing.user_id !== identity.userId) throw permissionDenied('The socket belongs to another user');
      return existing;
    }
    // A live lease is left alone: renewing it would lock the gateway's row until this transaction
    // ends, and every socket of that gateway registering at once (a reconnect storm) would queue on it.
    if (!leaseLive) await store.renewLease(ref.gateway_id, at, leaseUntil(at));
    const connection: Connection = { socket_id: ref.socket_id, gateway_id: ref.gateway_id, user_id: identity.userId, user_role: identity.role, user_name: identity.name };
    await store.saveConnection(connection);
    if (identity.role === 'support') await store.agentOnline(identity.userId, identity.name);
    return connection;
  }

  return {
    async connect(identity: Identity, input: unknown): Promise<void> {
      asUser(identity);
      const ref = validate(socketRefSchema, input);
      await presence.transaction(async (store) => {
        await store.lockUser(identity.userId);
        await ownSocket(store, identity, ref);
      });
    },

    async disconnect(identity: Identity, input: unknown): Promise<void> {
      asUser(identity);
      const ref = validate(socketRefSchema, input);
      await presence.transaction(async (store) => {
        await store.lockUser(identity.userId);
        const connection = await store.getConnection(ref.socket_id);
        if (!connection) return;
        if (connection.user_id !== identity.userId) throw permissionDenied('The socket belongs to another user');
        await store.record(await dropConnection(store, connection));
      });
    },

    /** Enters a session the caller may see; answers who is in it now (the caller included). */
    async join(identity: Identity, input: unknown): Promise<Participant[]> {
      asUser(identity);
      const ref = validate(sessionSocketRefSchema, input);
      const session = await sessions.get(identity, ref.session_id);
      return presence.transaction(async (store) => {
        await store.lockUser(identity.userId);
        const connection = await ownSocket(store, identity, ref);
        const { firstOfUser } = await store.addMembership(connection.socket_id, session.id, identity.userId);
        if (firstOfUser) {
          await store.record([userJoined(session.id, { user_id: identity.userId, role: identity.role, name: identity.name })]);
        }
        return store.participants(session.id);
      });
    },

    /** Leaving a session the socket is not in changes nothing. */
    async leave(identity: Identity, input: unknown): Promise<void> {
      asUser(identity);
      const ref = validate(sessionSocketRefSchema, input);
      await presence.transaction(async (store) => {
        await store.lockUser(identity.userId);
        const connection = await store.getConnection(ref.socket_id);
        if (!connection) return;
        if (connection.user_id !== identity.userId) throw permissionDenied('The socket belongs to another user');
        await store.record(await leaveSession(store, connection, ref.session_id.toLowerCase()));
      });
    },

    /** Answers false when the lease had run out (or never existed): the gateway then reports its sockets again. */
    async renewLease(identity: Identity, input: unknown): Promise<boolean> {
      asGateway(identity);
      const { gateway_id } = validate(gatewayRefSchema, input);
      const at = now();
      return presence.transaction((store) => store.renewLease(gateway_id, at, leaseUntil(at)));
    },

    /** Drops every socket of a gateway (it starts afresh, or stops): their users leave their sessions. */
    async releaseGateway(identity: Identity, input: unknown): Promise<void> {
      asGateway(identity);
      const { gateway_id } = validate(gatewayRefSchema, input);
      await reapGateway(gateway_id);
    },

    /** Reaps every gateway whose lease ran out; answers how many sockets went. */
    async reapExpired(): Promise<number> {
      let reaped = 0;
      const at = now();
      for (const gatewayId of await presence.transaction((store) => store.expiredGateways(at))) reaped += await reapGateway(gatewayId, at);
      return reaped;
    },

    async onlineAgents(identity: Identity): Promise<OnlineAgent[]> {
      if (!isStaff(identity.role)) throw permissionDenied('Only support agents and admins see who is online');
      return presence.transaction((store) => store.onlineAgents());
    },
  };

  /** One transaction per socket, each with its user locked, then the gateway itself. */
  async function reapGateway(gatewayId: string, expiredAt?: Date): Promise<number> {
    const sockets = await presence.transaction((store) => store.socketsOfGateway(gatewayId));
    for (const socket of sockets) {
      await presence.transaction(async (store) => {
        await store.lockUser(socket.user_id);
        const connection = await store.getConnection(socket.socket_id);
        if (connection) await store.record(await dropConnection(store, connection));
      });
    }
    await presence.transaction((store) => store.deleteGateway(gatewayId, expiredAt));
    return sockets.length;
  }
}

export type PresenceService = ReturnType<typeof createPresenceService>;
