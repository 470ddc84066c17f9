import type { Logger } from '@parley/logger';
import type { Caller, PresenceApi, SocketRef } from '../domain/gateway.ports';
import type { GatewayServer } from '../socket/socket.types';

export interface PresenceLeaseDeps {
  io: GatewayServer;
  presence: PresenceApi;
  gatewayId: string;
  intervalMs: number;
  logger: Logger;
}

/**
 * Keeps this gateway's lease at the presence service. At start it releases whatever a previous
 * life of the same GATEWAY_ID left registered; if a renewal finds the lease gone (the presence
 * service reaped this gateway, say after a network partition), it reports its sockets again.
 */
export interface PresenceLease {
  /** A disconnect the presence service did not take (it was unreachable): retried with each renewal. */
  disconnectLater(caller: Caller, socket: SocketRef): void;
  stop(): Promise<void>;
}

export function startPresenceLease({ io, presence, gatewayId, intervalMs, logger }: PresenceLeaseDeps): PresenceLease {
  const self: Caller = { identity: { userId: `gateway:${gatewayId}`, role: 'service', name: 'gateway' } };
  const pendingDisconnects = new Map<string, { caller: Caller; socket: SocketRef }>();
  /** Set when the lease was found gone; cleared once every socket was reported again. */
  let reportDue = false;
  let renewing: Promise<void> = presence.releaseGateway(self, gatewayId).catch((error: Error) => {
    logger.warn({ err: error.message }, 'could not release this gateway at the presence service; renewing its lease will');
  });

  async function reportSockets(): Promise<void> {
    logger.warn('the presence service had reaped this gateway; reporting its sockets again');
    for (const socket of io.of('/').sockets.values()) {
      if (!socket.data.presenceKnown) continue;
      const caller: Caller = { identity: socket.data.identity };
      await presence.connect(caller, socket.data.ref);
      for (const sessionId of socket.data.sessions.keys()) await presence.join(caller, socket.data.ref, sessionId);
    }
  }

  const renew = async () => {
    for (const [socketId, { caller, socket }] of pendingDisconnects) {
      await presence.disconnect(caller, socket).then(
        () => pendingDisconnects.delete(socketId),
        () => undefined,
      );
    }
    try {
      // A lease that was not known with sockets connected: they were reaped (or never reported).
      if (!(await presence.renewLease(self, gatewayId)) && io.of('/').sockets.size > 0) reportDue = true;
      if (reportDue) {
        await reportSockets();
        reportDue = false;
      }
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'could not renew the presence lease; trying again');
    }
  };
  const timer = setInterval(() => {
    renewing = renewing.then(renew);
  }, intervalMs);
  timer.unref();

  return {
    disconnectLater(caller, socket) {
      pendingDisconnects.set(socket.socketId, { caller, socket });
    },
    async stop() {
      clearInterval(timer);
      await renewing;
      // Gone on purpose: this gateway's users leave their sessions now, not when the lease runs out.
      await presence.releaseGateway(self, gatewayId).catch((error: Error) => logger.warn({ err: error.message }, 'could not release this gateway at the presence service'));
    },
  };
}
