import { failed, succeeded, type Outcome } from '@parley/batching';
import { isStaff, validate, type ChatSession, type Identity, type OnlineAgent, type Participant } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';
import { gatewayRefSchema, sessionSocketRefSchema, socketRefSchema } from './presence.inputs';
import type { PresenceRepository, PresenceTimings, SessionDirectory } from './presence.ports';
import { createRegistrar, dropConnection, SocketOrder, type RegistrationAnswer } from './registration.batch';
import type { Registration } from './registration.plan';

export interface PresenceServiceDeps {
  presence: PresenceRepository;
  sessions: SessionDirectory;
  timings: PresenceTimings;
  now?: () => Date;
}

/** One item of a batch of registrations: whom it is for, and what it reports (a socket reference). */
export interface RegistrationRequest {
  identity: Identity;
  input: unknown;
}

/** The socket an input names, for ordering only (before it is validated). */
const socketNamed = ({ input }: RegistrationRequest): string[] => {
  const socketId = (input as { socket_id?: unknown } | null)?.socket_id;
  return typeof socketId === 'string' ? [socketId] : [];
};

const answered = <T>(outcome: Outcome<T>): T => {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
};

/**
 * The connection registry: gateways report their sockets and the sessions those sockets join,
 * and renew a lease; a user is in a session while at least one of their sockets is. Reports come
 * in batches (one item per socket, each for its own user, each answered on its own) and are
 * registered in batches (`registration.batch.ts`); a single report is a batch of one.
 */
export function createPresenceService({ presence, sessions, timings, now = () => new Date() }: PresenceServiceDeps) {
  const leaseUntil = (at: Date) => new Date(at.getTime() + timings.leaseTtlMs);
  const registrar = createRegistrar(presence, () => {
    const at = now();
    return { now: at, until: leaseUntil(at) };
  });
  const order = new SocketOrder();

  function asUser(identity: Identity): void {
    if (identity.role === 'service') throw permissionDenied('Only users have connections');
  }
  function asGateway(identity: Identity): void {
    if (identity.role !== 'service') throw permissionDenied('Only a gateway may manage its lease');
  }

  /** An item validated; a join's session checked (once per caller and session in a call). */
  async function check(kind: Registration['kind'], { identity, input }: RegistrationRequest, session: (identity: Identity, id: string) => Promise<ChatSession>): Promise<Registration> {
    asUser(identity);
    if (kind === 'connect' || kind === 'disconnect') return { kind, identity, socket: validate(socketRefSchema, input) };
    const { session_id, ...socket } = validate(sessionSocketRefSchema, input);
    const sessionId = kind === 'join' ? (await session(identity, session_id)).id : session_id.toLowerCase();
    return { kind, identity, socket, sessionId };
  }

  /**
   * A call's items: checked at once (a bad item or a session its caller may not see fails alone
   * and writes nothing), then registered together, in the order calls about a socket arrived.
   */
  function registerMany(kind: Registration['kind'], requests: RegistrationRequest[]): Promise<Outcome<RegistrationAnswer>[]> {
    const asked = new Map<string, Promise<ChatSession>>();
    const session = (identity: Identity, id: string) => {
      const key = `${identity.role}:${identity.userId}:${id.toLowerCase()}`;
      const answer = asked.get(key) ?? sessions.get(identity, id);
      asked.set(key, answer);
      return answer;
    };
    const checked = Promise.all(requests.map((request) => check(kind, request, session).then(succeeded, (error: unknown) => failed<Registration>(error))));
    return order.run(requests.flatMap(socketNamed), checked, (outcomes) => {
      const valid = outcomes.flatMap((outcome, index) => (outcome.ok ? [{ index, item: outcome.value }] : []));
      const registered = valid.length > 0 ? registrar.register(valid.map((v) => v.item)) : Promise.resolve([]);
      return registered.then((answers) => {
        const merged: Outcome<RegistrationAnswer>[] = outcomes.map((outcome) => (outcome.ok ? succeeded(null) : outcome));
        valid.forEach((v, i) => (merged[v.index] = answers[i]));
        return merged;
      });
    });
  }
  const one = async (kind: Registration['kind'], identity: Identity, input: unknown) => answered((await registerMany(kind, [{ identity, input }]))[0]);
  const done = (outcomes: Outcome<RegistrationAnswer>[]): Outcome<void>[] => outcomes.map((o) => (o.ok ? succeeded(undefined) : o));

  return {
    /** Registers sockets (an unknown one is added; a support agent's first makes them online). */
    connectMany: async (requests: RegistrationRequest[]) => done(await registerMany('connect', requests)),
    /** Removes sockets: each leaves every session it was in. An unknown socket changes nothing. */
    disconnectMany: async (requests: RegistrationRequest[]) => done(await registerMany('disconnect', requests)),
    /** Puts sockets in sessions their callers may see; each answers who is in its session now. */
    joinMany: async (requests: RegistrationRequest[]): Promise<Outcome<Participant[]>[]> =>
      (await registerMany('join', requests)).map((o) => (o.ok ? succeeded(o.value ?? []) : o)),
    /** Takes sockets out of sessions; leaving a session the socket is not in changes nothing. */
    leaveMany: async (requests: RegistrationRequest[]) => done(await registerMany('leave', requests)),

    connect: async (identity: Identity, input: unknown): Promise<void> => void (await one('connect', identity, input)),
    disconnect: async (identity: Identity, input: unknown): Promise<void> => void (await one('disconnect', identity, input)),
    /** Enters a session the caller may see; answers who is in it now (the caller included). */
    join: async (identity: Identity, input: unknown): Promise<Participant[]> => (await one('join', identity, input)) ?? [],
    leave: async (identity: Identity, input: unknown): Promise<void> => void (await one('leave', identity, input)),

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
