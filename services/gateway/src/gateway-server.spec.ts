import { execFileSync } from 'node:child_process';
import { startTestGateway, type TestGateway } from './testing/test-gateway';

/** The accept queue the kernel keeps for a listening port (`ss`: Send-Q of a listening socket). */
function listenBacklog(port: number): number {
  const line = execFileSync('ss', ['-Htln', `sport = :${port}`], { encoding: 'utf8' }).trim();
  return Number(line.split(/\s+/)[2]);
}

describe('the gateway listening', () => {
  let gateway: TestGateway;

  afterEach(() => gateway?.close());

  it('asks the kernel for the backlog it is given, so a reconnect storm is queued, not dropped', async () => {
    gateway = await startTestGateway(undefined, undefined, {}, { listenBacklog: 1000 });
    expect(listenBacklog(Number(new URL(gateway.url).port))).toBe(1000);
  });

  it("keeps node's default without one", async () => {
    gateway = await startTestGateway();
    expect(listenBacklog(Number(new URL(gateway.url).port))).toBe(511);
  });
});
