import { unary, unbounded, type CallAdmission, type PresenceServiceHandlers } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import type { AgentAvailabilityService } from '../domain/agent-availability.service';
import type { PresenceService } from '../domain/presence.service';
import type { TypingService } from '../domain/typing.service';

export function createPresenceGrpcHandlers(
  presence: PresenceService,
  typing: TypingService,
  agents: AgentAvailabilityService,
  logger: Logger,
  /**
   * Bounds the joins, leaves and disconnects running at once (a reconnect storm); past it they are
   * refused. A staff socket's Connect is not: the gateway does not retry it.
   */
  registrations: CallAdmission = unbounded(),
): PresenceServiceHandlers {
  return {
    Connect: unary(logger, async (request, { identity }) => (await presence.connect(identity, request), {})),
    Disconnect: unary(logger, async (request, { identity }) => (await registrations.run(() => presence.disconnect(identity, request)), {})),
    Join: unary(logger, async (request, { identity }) => ({ participants: await registrations.run(() => presence.join(identity, request)) })),
    Leave: unary(logger, async (request, { identity }) => (await registrations.run(() => presence.leave(identity, request)), {})),
    Typing: unary(logger, async (request, { identity }) => (await typing.typing(identity, request), {})),
    StopTyping: unary(logger, async (request, { identity }) => (await typing.stopTyping(identity, request), {})),
    RenewLease: unary(logger, async (request, { identity }) => ({ known: await presence.renewLease(identity, request) })),
    ReleaseGateway: unary(logger, async (request, { identity }) => (await presence.releaseGateway(identity, request), {})),
    ListOnlineAgents: unary(logger, async (_request, { identity }) => ({ agents: await presence.onlineAgents(identity) })),
    SetAvailability: unary(logger, (request, { identity }) => agents.setAvailability(identity, request)),
    ListAgentStates: unary(logger, async (_request, { identity }) => ({
      agents: (await agents.agentStates(identity)).map((a) => ({ ...a, offline_since: a.offline_since ?? '' })),
    })),
  };
}
