import type { Identity } from '@parley/contracts';
import { SessionClient } from '@parley/grpc';
import { renderMetrics } from '@parley/metrics';
import { startFakeSessionService, TEST_INTERNAL_GRPC_TOKEN, type FakeSessionService } from '@parley/testing';
import { createSessionDirectory } from './session-directory';

const cleo: Identity = { userId: 'customer-1', role: 'customer', name: 'Cleo' };
const dan: Identity = { userId: 'customer-2', role: 'customer', name: 'Dan' };
const ana: Identity = { userId: 'agent-1', role: 'support', name: 'Ana' };

/** How many batches the hop has sent so far (its /metrics count). */
const batchesOf = async (hop: string) => Number((await renderMetrics()).match(new RegExp(`parley_batch_items_count\\{hop="${hop}"\\} (\\d+)`))?.[1] ?? 0);

describe('createSessionDirectory', () => {
  let service: FakeSessionService;
  let client: SessionClient;
  beforeAll(async () => {
    service = await startFakeSessionService();
    client = new SessionClient(service.address, TEST_INTERNAL_GRPC_TOKEN);
  });
  afterAll(async () => {
    client.close();
    await service.stop();
  });

  it('asks about what arrives together in one call, each look-up for its own caller and answered on its own', async () => {
    const directory = createSessionDirectory(client, 'spec');
    const [first, second] = [service.directory.add(), service.directory.add({ customer_id: dan.userId, customer_name: dan.name })];
    const before = await batchesOf('spec.get-session');
    const answers = await Promise.allSettled([directory.get(cleo, first.id), directory.get(ana, second.id), directory.get(cleo, second.id), directory.get(dan, second.id)]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value.id : (a.reason as { code: string }).code))).toEqual([first.id, second.id, 'PERMISSION_DENIED', second.id]);
    expect((await batchesOf('spec.get-session')) - before).toBe(1);
    expect(service.directory.asked.map((a) => a.identity.userId).slice(-4)).toEqual([cleo.userId, ana.userId, cleo.userId, dan.userId]);
  });
});
