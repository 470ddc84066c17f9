import { LOAD_GENERATOR, type ProcessFigures } from './process-monitor';
import { waitUntilQuiet } from './quiet';

/** A monitor whose windows read the given shares of a core, one list per window. */
const monitorReading = (windows: Array<Record<string, number>>) => {
  let window = 0;
  return {
    sample: () => new Map(),
    lastSampleAt: 0,
    figures: (): Record<string, ProcessFigures> => {
      const cores = windows[Math.min(window++, windows.length - 1)];
      return Object.fromEntries(Object.entries(cores).map(([name, c]) => [name, { rssMb: 1, peakRssMb: 1, cpuCores: c }]));
    },
  };
};
const noSleep = () => Promise.resolve();

describe('waitUntilQuiet', () => {
  it('waits while the system is busy and stops at the first quiet window, the load generator not counted', async () => {
    const monitor = monitorReading([
      { 'gateway-b': 0.8, message: 0.1 },
      { 'gateway-b': 0.3, message: 0.1 },
      { 'gateway-b': 0.05, message: 0.05, [LOAD_GENERATOR]: 0.9 },
    ]);
    await expect(waitUntilQuiet(monitor, { maxCores: 0.2, timeoutMs: 60_000, sleep: noSleep })).resolves.toEqual({ quiet: true, waitedMs: 3000, cores: 0.1 });
  });

  it('gives up after the timeout and says it never went quiet', async () => {
    const monitor = monitorReading([{ 'gateway-b': 0.9 }]);
    await expect(waitUntilQuiet(monitor, { maxCores: 0.2, timeoutMs: 5000, sleep: noSleep })).resolves.toEqual({ quiet: false, waitedMs: 5000, cores: 0.9 });
  });
});
