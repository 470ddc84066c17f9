import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildInfo } from './build-info';

const ROOT = path.resolve(__dirname, '../../..');

describe('build info, run from sources', () => {
  it("reports the repository's version and the working tree's commit marked -dev (dev outside a git checkout)", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    let commit = 'dev';
    try {
      commit = `${execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}-dev`;
    } catch {
      // not a git checkout
    }
    expect(buildInfo()).toEqual({ version, commit });
  });
});
