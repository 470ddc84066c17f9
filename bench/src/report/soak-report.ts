import type { SoakFigures } from '../scenarios/soak.scenario';
import { renderTable } from './table';

/** The soak's headline and its verdict per series. */
export function renderSoak(soak: SoakFigures): string {
  const verdicts = Object.entries(soak.verdicts).map(([n, v]) => [n, v.flat ? 'flat' : 'GROWS', String(v.projectedGrowth), String(v.allowed)]);
  const headline = `soak ${soak.seconds} s (${soak.wallSeconds} s on the clock) at ${soak.rate} msg/s, ${soak.sent} sent, ${soak.lost} lost, ${soak.duplicated} duplicated: ${soak.flat ? 'FLAT' : 'NOT FLAT'}`;
  return `${headline}\n${renderTable([['series', 'verdict', 'projected growth', 'allowed'], ...verdicts])}`;
}
