import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('runs every scenario but the soak on both modes at full size by default', () => {
    const args = parseBenchArgs([]);
    expect(args.modes).toEqual(['stack', 'all-in-one']);
    expect(args.scenarios).toEqual(['join', 'low', 'steady', 'burst', 'max', 'reconnect', 'idle', 'history']);
    expect(args.profile).toEqual(expect.objectContaining({ rate: 2000, lowRate: 100, historyMessages: 100_000, stormSessions: 1000, stormDevices: 5 }));
    expect(args.profile.maxRates.filter((rate) => rate > 3000).length).toBeGreaterThan(4);
  });

  it('shrinks everything with --quick and takes the scenario, mode, rate and duration given', () => {
    const args = parseBenchArgs(['--quick', '--scenario', 'soak', '--mode', 'stack', '--duration', '3600', '--rate', '500']);
    expect(args).toEqual(expect.objectContaining({ quick: true, modes: ['stack'], scenarios: ['soak'] }));
    expect(args.profile).toEqual(expect.objectContaining({ soakSeconds: 3600, steadySeconds: 3600, rate: 500, historyMessages: 5_000 }));
    expect(parseBenchArgs(['--quick']).modes).toEqual(['all-in-one']);
  });

  it('sizes the reconnect storm by its clients: --storm-clients 20000 is 4,000 sessions of 5 devices', () => {
    expect(parseBenchArgs(['--storm-clients', '20000']).profile).toEqual(expect.objectContaining({ stormSessions: 4000, stormDevices: 5 }));
    expect(() => parseBenchArgs(['--storm-clients', '0'])).toThrow('--storm-clients must be a positive number, got "0"');
    expect(parseBenchArgs([]).profile.stormSessionsPerAgent).toBe(1);
    expect(parseBenchArgs(['--storm-sessions-per-agent', '20']).profile.stormSessionsPerAgent).toBe(20);
    expect(() => parseBenchArgs(['--storm-sessions-per-agent', 'many'])).toThrow('--storm-sessions-per-agent must be a positive number, got "many"');
  });

  it('refuses an unknown scenario, mode or option and a rate that is not a positive number', () => {
    expect(() => parseBenchArgs(['--scenario', 'steady,fast'])).toThrow('unknown scenario "fast" (one of: join, low, steady, burst, max, reconnect, idle, history, soak)');
    expect(() => parseBenchArgs(['--mode', 'docker'])).toThrow('unknown mode "docker"');
    expect(() => parseBenchArgs(['--rate', 'lots'])).toThrow('--rate must be a positive number, got "lots"');
    expect(() => parseBenchArgs(['--turbo'])).toThrow(/turbo/);
  });
});
