import { LOAD_GENERATOR, systemCpuUs } from './process-monitor';

describe('systemCpuUs', () => {
  it('adds up every process of the system, the shared servers included, and leaves out the load generator', () => {
    const processes = {
      'gateway-a': { rssMb: 90, peakRssMb: 95, cpuUsPerMessage: 120 },
      message: { rssMb: 80, peakRssMb: 85, cpuUsPerMessage: 200 },
      'postgres (whole server)': { rssMb: 300, peakRssMb: 310, cpuUsPerMessage: 150 },
      'rabbitmq (whole broker)': { rssMb: 120, peakRssMb: 125, cpuUsPerMessage: 60 },
      'redis (whole server)': { rssMb: 10, peakRssMb: 10, cpuUsPerMessage: 5 },
      [LOAD_GENERATOR]: { rssMb: 200, peakRssMb: 210, cpuUsPerMessage: 400 },
    };
    expect(systemCpuUs(processes)).toBe(535);
  });

  it('has no figure when a process has none (no message in the window)', () => {
    expect(systemCpuUs({ relay: { rssMb: 50, peakRssMb: 50 } })).toBeUndefined();
    expect(systemCpuUs({ [LOAD_GENERATOR]: { rssMb: 50, peakRssMb: 50, cpuUsPerMessage: 3 } })).toBeUndefined();
  });
});
