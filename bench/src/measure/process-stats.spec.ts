import { spawnSync } from 'node:child_process';
import { sampleTree } from './process-stats';

describe('sampleTree', () => {
  it("keeps the CPU of a child that has ended in its parent's figure (PostgreSQL's backends come and go)", () => {
    const before = sampleTree([process.pid]).cpuMs;
    const child = spawnSync(process.execPath, ['-e', 'let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; if (x < 0) console.log(x);']);
    expect(child.status).toBe(0);
    const after = sampleTree([process.pid]).cpuMs;
    expect(after - before).toBeGreaterThanOrEqual(100);
  });
});
