import fs from 'node:fs';
import { renderSoak } from './report/soak-report';
import type { SoakFigures } from './scenarios/soak.scenario';
import { judgeSoak } from './scenarios/soak.scenario';

/**
 * Judges the soak recorded in a results file again, with the judge of this checkout:
 * `npx tsx bench/src/judge-soak.ts bench/results/<file>.json`. Exits 1 when it is not flat.
 */
const file = process.argv[2];
if (!file) {
  console.error('usage: tsx bench/src/judge-soak.ts <results.json>');
  process.exit(2);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8')) as { results: Record<string, { soak?: SoakFigures }> };
let flat = true;
for (const [mode, figures] of Object.entries(results.results)) {
  if (!figures.soak) continue;
  const soak = { ...figures.soak, ...judgeSoak(figures.soak.samples, figures.soak.lost, figures.soak.duplicated) };
  console.log(`${mode}: ${renderSoak(soak)}\n`);
  flat &&= soak.flat;
}
process.exit(flat ? 0 : 1);
