import pino from 'pino';
import type { EventEnvelope, Identity } from '@parley/contracts';
import { answerEach, assertBatchCaller, GrpcServer, SessionClient, sessionProto, sessionToProto, unary, type SessionServiceHandlers } from '@parley/grpc';
import { FakeSessionDirectory, type SessionChange } from './fake-session.directory';
import { TEST_INTERNAL_GRPC_TOKEN } from './tokens';

/** The session service as another service's tests meet it: over gRPC, on its real proto. */
export interface FakeSessionService {
  /** host:port to give the service under test as SESSION_SERVICE_ADDR. */
  address: string;
  /** Its sessions and rules: a test may add sessions straight away. */
  directory: FakeSessionDirectory;
  /** A client, as the test's own caller (create, accept, close chats). */
  client: SessionClient;
  /** Stops serving (the service under test then finds the session service unreachable). */
  stop(): Promise<void>;
}

/** Where the fake publishes its events: an event bus (`@parley/bus`), as the real service's outbox would. */
export interface EventPublisher {
  publish(event: EventEnvelope): Promise<void>;
}

/** Proto strings are '' when absent. */
const given = (value: string): string | undefined => (value === '' ? undefined : value);

/**
 * Serves FakeSessionDirectory (the shared fake's rules) as the session service on 127.0.0.1:0, with
 * the test token, and publishes each step's events on `bus` as the session service's outbox would.
 * A service's tests use it instead of starting the session service; flows across real services are
 * the end-to-end tests'.
 */
export async function startFakeSessionService({ bus, directory = new FakeSessionDirectory() }: { bus?: EventPublisher; directory?: FakeSessionDirectory } = {}): Promise<FakeSessionService> {
  const logger = pino({ level: 'silent' });
  const published = async ({ session, events }: SessionChange) => {
    for (const event of events) await bus?.publish(event);
    return sessionToProto(session);
  };
  const agent = (identity: Identity, id: string, name: string) => (id ? { id, name: name || id } : { id: identity.userId, name: identity.name });
  const handlers: SessionServiceHandlers = {
    CreateSession: unary(logger, async (request, { identity }) =>
      published(directory.create(identity, { subject: request.subject, category: given(request.category), priority: given(request.priority), initial_message: given(request.initial_message) })),
    ),
    GetSession: unary(logger, async (request, { identity }) => sessionToProto(await directory.get(identity, request.session_id))),
    GetSessions: unary(logger, async (request, context) => {
      assertBatchCaller(context);
      const answers = await answerEach(request.items, async (identity, item) => directory.get(identity, item.request?.session_id ?? ''), sessionToProto, logger, 'GetSessions');
      return { outcomes: answers.map((a) => ('value' in a ? { session: a.value } : { error: a.error })) };
    }),
    ListSessions: unary(logger, async (request, { identity }) => ({ sessions: directory.list(identity, given(request.status)).map(sessionToProto) })),
    FindSessions: unary(logger, async (request, { identity }) => ({ sessions: directory.list(identity).filter((s) => request.session_ids.includes(s.id)).map(sessionToProto) })),
    AcceptSession: unary(logger, async (request, { identity }) => published(directory.accept(identity, request.session_id))),
    AssignSession: unary(logger, async (request, { identity }) => published(directory.assign(identity, request.session_id, agent(identity, request.agent_id, request.agent_name)))),
    TransferSession: unary(logger, async (request, { identity }) => published(directory.transfer(identity, request.session_id, agent(identity, request.agent_id, request.agent_name)))),
    UpdateStatus: unary(logger, async (request, { identity }) => published(directory.updateStatus(identity, request.session_id, request.status))),
  };
  const server = new GrpcServer(logger, TEST_INTERNAL_GRPC_TOKEN);
  server.addService(sessionProto().SessionService.service, handlers, 'parley.session.v1.SessionService');
  const address = `127.0.0.1:${await server.listen('127.0.0.1', 0)}`;
  const client = new SessionClient(address, TEST_INTERNAL_GRPC_TOKEN);
  let stopped = false;
  return {
    address,
    directory,
    client,
    async stop() {
      if (stopped) return;
      stopped = true;
      client.close();
      await server.stop();
    },
  };
}
