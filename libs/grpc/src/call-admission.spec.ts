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
});
