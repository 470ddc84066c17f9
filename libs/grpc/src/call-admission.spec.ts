import { succeeded } from '@parley/batching';
import { CallAdmission } from './call-admission';

const gate = () => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('CallAdmission', () => {
  it('runs up to maxInFlight at once and refuses one more with RESOURCE_EXHAUSTED, without running it', async () => {
    const admission = new CallAdmission(2);
    const { opened, open } = gate();
    const ran: string[] = [];
    const first = admission.run(async () => (await opened, ran.push('a')));
    const second = admission.run(async () => (await opened, ran.push('b')));
    await expect(admission.run(async () => ran.push('c'))).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: 'The service is busy; try again shortly' });
    open();
    await Promise.all([first, second]);
    expect(ran).toEqual(['a', 'b']);
  });

  it('frees a place when a call answers or fails', async () => {
    const admission = new CallAdmission(1);
    await expect(admission.run(async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(admission.running).toBe(0);
    await expect(admission.run(async () => 'stored')).resolves.toBe('stored');
    expect(admission.running).toBe(0);
  });

  it('tells the refused caller what is busy', async () => {
    const admission = new CallAdmission(1, 'Presence is busy registering sockets; try again shortly');
    const { opened, open } = gate();
    const first = admission.run(() => opened);
    await expect(admission.run(async () => 'joined')).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: 'Presence is busy registering sockets; try again shortly' });
    open();
    await first;
  });

  it("admits a batch's items while there is room, refuses the rest without running them, and frees the places when the batch ends", async () => {
    const admission = new CallAdmission(3, 'Presence is busy registering sockets; try again shortly');
    const { opened, open } = gate();
    const single = admission.run(() => opened);
    const ran: string[][] = [];
    const batch = admission.runEach(['a', 'b', 'c', 'd'], async (admitted) => {
      ran.push(admitted);
      expect(admission.running).toBe(3);
      return admitted.map((item) => succeeded(item.toUpperCase()));
    });
    const outcomes = await batch;
    expect(ran).toEqual([['a', 'b']]);
    expect(outcomes.slice(0, 2)).toEqual([succeeded('A'), succeeded('B')]);
    expect(outcomes.slice(2).map((o) => (o.ok ? o.value : (o.error as { code: string; message: string })))).toEqual([
      expect.objectContaining({ code: 'RESOURCE_EXHAUSTED', message: 'Presence is busy registering sockets; try again shortly' }),
      expect.objectContaining({ code: 'RESOURCE_EXHAUSTED' }),
    ]);
    expect(admission.running).toBe(1);
    open();
    await single;
    // Full: nothing of the batch runs.
    const full = new CallAdmission(0);
    expect((await full.runEach(['x'], async () => Promise.reject(new Error('ran')))).map((o) => o.ok)).toEqual([false]);
    // A batch that fails frees its places too.
    await expect(admission.runEach(['y'], async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(admission.running).toBe(0);
  });
});
