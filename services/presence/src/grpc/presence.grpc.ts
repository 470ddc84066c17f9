import { failed, type Outcome } from '@parley/batching';
import { assertBatchCaller, callerFromProto, itemErrorToProto, unary, unbounded, type CallAdmission, type Caller__Output, type PresenceServiceHandlers } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import type { AgentAvailabilityService } from '../domain/agent-availability.service';
import type { PresenceService, RegistrationRequest } from '../domain/presence.service';
import type { TypingService } from '../domain/typing.service';

interface WireItem {
  caller: Caller__Output | null;
  socket: object | null;
}

/**
 * A batch's items as the domain takes them: an item without a valid caller fails alone
 * (UNAUTHENTICATED); the others are admitted one by one (`admission`: past the bound, an item is
 * refused with RESOURCE_EXHAUSTED) and registered together. One outcome per item, in order.
 */
async function settleItems<O>(items: WireItem[], admission: CallAdmission, register: (requests: RegistrationRequest[]) => Promise<Outcome<O>[]>): Promise<Outcome<O>[]> {
  const outcomes: Outcome<O>[] = new Array(items.length);
  const decoded: Array<{ index: number; request: RegistrationRequest }> = [];
  items.forEach((item, index) => {
    try {
      // An item without a socket is refused by the domain's validation like any empty one.
      decoded.push({ index, request: { identity: callerFromProto(item.caller).identity, input: item.socket ?? {} } });
    } catch (error) {
      outcomes[index] = failed(error);
    }
  });
  const answers = await admission.runEach(decoded, (admitted) => register(admitted.map((d) => d.request)));
  decoded.forEach((d, i) => (outcomes[d.index] = answers[i]));
  return outcomes;
}

export function createPresenceGrpcHandlers(
  presence: PresenceService,
  typing: TypingService,
  agents: AgentAvailabilityService,
  logger: Logger,
  /**
   * Bounds the joins, leaves and disconnects running at once (a reconnect storm), counted per
   * socket, in batches too; past it they are refused. A socket's connect is not: the gateway does
   * not retry it (only staff sockets are reported on connect).
   */
  registrations: CallAdmission = unbounded(),
): PresenceServiceHandlers {
  const connects = unbounded();
  /** A batch RPC whose items answer nothing but their error. */
  const batchOf =
    (method: string, admission: CallAdmission, register: (requests: RegistrationRequest[]) => Promise<Outcome<void>[]>) =>
    unary<{ items: WireItem[] }, { outcomes: Array<{ error?: ReturnType<typeof itemErrorToProto> }> }>(logger, async (request, context) => {
      assertBatchCaller(context);
      const outcomes = await settleItems(request.items, admission, register);
      return { outcomes: outcomes.map((o, i) => (o.ok ? {} : { error: itemErrorToProto(o.error, logger, method, request.items[i].caller?.request_id) })) };
    });

  return {
    Connect: unary(logger, async (request, { identity }) => (await presence.connect(identity, request), {})),
    Disconnect: unary(logger, async (request, { identity }) => (await registrations.run(() => presence.disconnect(identity, request)), {})),
    Join: unary(logger, async (request, { identity }) => ({ participants: await registrations.run(() => presence.join(identity, request)) })),
    Leave: unary(logger, async (request, { identity }) => (await registrations.run(() => presence.leave(identity, request)), {})),
    ConnectMany: batchOf('ConnectMany', connects, presence.connectMany),
    DisconnectMany: batchOf('DisconnectMany', registrations, presence.disconnectMany),
    LeaveMany: batchOf('LeaveMany', registrations, presence.leaveMany),
    JoinMany: unary(logger, async (request, context) => {
      assertBatchCaller(context);
      const outcomes = await settleItems(request.items, registrations, presence.joinMany);
      return {
        outcomes: outcomes.map((o, i) =>
          o.ok ? { joined: { participants: o.value } } : { error: itemErrorToProto(o.error, logger, 'JoinMany', request.items[i].caller?.request_id) },
        ),
      };
    }),
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
