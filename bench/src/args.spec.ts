import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('runs every scenario but the soak on both modes at full size by default', () => {
    const args = parseBenchArgs([]);
    expect(args.modes).toEqual(['stack', 'all-in-one']);
    expect(args.scenarios).toEqual(['steady', 'burst', 'max', 'reconnect', 'idle', 'history']);
    expect(args.profile).toEqual(expect.objectContaining({ rate: 2000, historyMessages: 100_000, stormSessions: 1000, stormDevices: 5 }));
  });

  it('shrinks everything with --quick and takes the scenario, mode, rate and duration given', () => {
    const args = parseBenchArgs(['--quick', '--scenario', 'soak', '--mode', 'stack', '--duration', '3600', '--rate', '500']);
    expect(args).toEqual(expect.objectContaining({ quick: true, modes: ['stack'], scenarios: ['soak'] }));
    expect(args.profile).toEqual(expect.objectContaining({ soakSeconds: 3600, steadySeconds: 3600, rate: 500, historyMessages: 5_000 }));
    expect(parseBenchArgs(['--quick']).modes).toEqual(['all-in-one']);
  });

  it('refuses an unknown scenario, mode or option and a rate that is not a positive number', () => {
    expect(() => parseBenchArgs(['--scenario', 'steady,fast'])).toThrow('unknown scenario "fast" (one of: steady, burst, max, reconnect, idle, history, soak)');
    expect(() => parseBenchArgs(['--mode', 'docker'])).toThrow('unknown mode "docker"');
    expect(() => parseBenchArgs(['--rate', 'lots'])).toThrow('--rate must be a positive number, got "lots"');
    expect(() => parseBenchArgs(['--turbo'])).toThrow(/turbo/);
  });
});
