import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, configLoaderOf } from './support/compose-config';

/** .env.example documents every variable every service reads. */
describe('.env.example', () => {
  it('lists every variable of every service', () => {
    const documented = fs.readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8');
    const missing: string[] = [];
    for (const folder of ['session', 'message', 'presence', 'attachment', 'gateway', 'all-in-one']) {
      for (const key of configLoaderOf(folder).keys) {
        if (!new RegExp(`^#?\\s*${key}=`, 'm').test(documented)) missing.push(`${folder}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
