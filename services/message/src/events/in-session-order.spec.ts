import { inSessionOrder } from './in-session-order';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inSessionOrder', () => {
  it('finishes the tasks of one session in the order they came, even when the first is slower', async () => {
    const run = inSessionOrder();
    const done: string[] = [];
    await Promise.all([run('s1', () => later(30).then(() => done.push('resolved'))), run('s1', () => later(1).then(() => done.push('closed')))]);
    expect(done).toEqual(['resolved', 'closed']);
  });

  it('lets another session go ahead, and a failed task neither blocks nor fails the next', async () => {
    const run = inSessionOrder();
    const done: string[] = [];
    const slow = run('s1', () => later(30).then(() => Promise.reject(new Error('database down'))));
    const next = run('s1', async () => void done.push('s1 next'));
    const other = run('s2', async () => void done.push('s2'));
    await expect(slow).rejects.toThrow('database down');
    await Promise.all([next, other]);
    expect(done).toEqual(['s2', 's1 next']);
  });
});
