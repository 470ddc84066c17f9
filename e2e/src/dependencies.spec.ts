import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '@parley/testing';

/**
 * Every installed copy of these packages is at least the version that fixed its known advisories
 * (socket.io DoS, engine.io and socket.io-parser crashes, ws header DoS, jsonwebtoken key
 * confusion, multer crashes). Offline: it reads the installed tree, not the advisory database.
 */
const MINIMUMS: Record<string, string> = {
  'socket.io': '4.6.2',
  'engine.io': '6.4.2',
  'socket.io-parser': '4.2.3',
  ws: '8.17.1',
  jsonwebtoken: '9.0.0',
  multer: '2.0.2',
};

interface Tree {
  version?: string;
  dependencies?: Record<string, Tree>;
}

function installedVersions(tree: Tree, found: Record<string, Set<string>> = {}): Record<string, Set<string>> {
  for (const [name, child] of Object.entries(tree.dependencies ?? {})) {
    if (name in MINIMUMS && child.version) (found[name] ??= new Set()).add(child.version);
    installedVersions(child, found);
  }
  return found;
}

const atLeast = (version: string, minimum: string) => {
  const [a, b] = [version, minimum].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
};

describe('dependency minimum versions', () => {
  const tree = JSON.parse(execFileSync('npm', ['ls', '--all', '--json', ...Object.keys(MINIMUMS)], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Tree;
  const versions = installedVersions(tree);

  it.each(Object.entries(MINIMUMS))('every installed %s is at least %s', (name, minimum) => {
    const installed = [...(versions[name] ?? [])];
    expect(installed.length).toBeGreaterThan(0);
    expect(installed.filter((v) => !atLeast(v, minimum))).toEqual([]);
  });
});
