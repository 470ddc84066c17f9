import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Written into a bundle by its build (tools/build/esbuild.config.js); not defined when the sources run. */
declare const PARLEY_BUILD_VERSION: string | undefined;
declare const PARLEY_BUILD_COMMIT: string | undefined;

/** What runs in this process: an operator tells the instances of a rolling deploy apart by it. */
export interface BuildInfo {
  /** The version of the repository's package.json. */
  version: string;
  /** The commit a bundle was built from; run from sources, the working tree's commit and `-dev` (`dev` without git). */
  commit: string;
}

let current: BuildInfo | undefined;

export function buildInfo(): BuildInfo {
  current ??=
    typeof PARLEY_BUILD_VERSION === 'string' && typeof PARLEY_BUILD_COMMIT === 'string'
      ? { version: PARLEY_BUILD_VERSION, commit: PARLEY_BUILD_COMMIT }
      : fromSources(path.resolve(__dirname, '../../..'));
  return current;
}

function fromSources(root: string): BuildInfo {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
    return { version, commit: `${head}-dev` };
  } catch {
    return { version, commit: 'dev' };
  }
}
