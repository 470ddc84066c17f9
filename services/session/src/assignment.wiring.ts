import type { Knex } from 'knex';
import type { EventBus, Subscription } from '@parley/bus';
import { routingKeys } from '@parley/contracts';
import { MessageClient, PresenceClient } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import { createAgentDirectory } from './clients/agent-directory';
import { createAnswerLedger } from './clients/answer-ledger';
import type { SessionConfig } from './config';
import { startAssignerJob } from './domain/assigner.jobs';
import { createAssigner } from './domain/assigner.service';
import type { SessionRepository } from './domain/session.ports';
import { createAssignmentRepository } from './repository/assignment.repository';

/** The chats whose agent may never answer and the chats nobody took: nothing to run when all of it is off. */
export const assignmentEnabled = (c: SessionConfig) => c.AUTO_ASSIGN !== 'off' || c.AGENT_OFFLINE_GRACE_MS > 0 || c.AGENT_REPLY_TIMEOUT_MS > 0;

/**
 * The assigner with its clients, on an interval and woken by every queue or availability change
 * (its own exclusive queue on the agents' events).
 */
export async function startAssignment(config: SessionConfig, deps: { knex: Knex; sessions: SessionRepository; bus: EventBus; logger: Logger }) {
  const presence = new PresenceClient(config.PRESENCE_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN);
  const messages = new MessageClient(config.MESSAGE_SERVICE_ADDR, config.INTERNAL_GRPC_TOKEN);
  const assigner = createAssigner({
    sessions: deps.sessions,
    assignments: createAssignmentRepository(deps.knex),
    agents: createAgentDirectory(presence),
    answers: createAnswerLedger(messages),
    settings: {
      strategy: config.AUTO_ASSIGN,
      maxChatsPerAgent: config.AGENT_MAX_CHATS,
      offlineGraceMs: config.AGENT_OFFLINE_GRACE_MS,
      replyTimeoutMs: config.AGENT_REPLY_TIMEOUT_MS,
      batchSize: 200,
    },
  });
  const job = startAssignerJob(assigner, {
    intervalMs: config.ASSIGN_INTERVAL_MS,
    onPass: ({ assigned, requeued }) => {
      metrics.chatsAutoAssigned.inc(assigned.length);
      requeued.forEach((r) => metrics.chatsRequeued.inc({ reason: r.reason }));
      if (assigned.length + requeued.length > 0) deps.logger.info({ assigned, requeued }, 'assigner pass');
    },
    onError: (error) => deps.logger.warn({ err: error }, 'assigner pass failed; it runs again on its next interval'),
  });
  let wake: Subscription | null = null;
  if (config.AUTO_ASSIGN !== 'off') {
    wake = await deps.bus.subscribe({ queue: `${config.EVENTS_EXCHANGE}.session.assigner.${process.pid}.${Date.now()}`, exclusive: true, patterns: [routingKeys.agentsPattern()] }, () => {
      job.kick();
    });
  }
  job.kick();
  return {
    async stop(): Promise<void> {
      await wake?.close();
      await job.stop();
      presence.close();
      messages.close();
    },
  };
}
