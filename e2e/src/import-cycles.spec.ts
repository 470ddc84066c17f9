import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@parley/testing';

const ROOTS = ['libs', 'services', 'e2e', 'bench'];
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', 'generated'].includes(entry.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Where `@parley/<name>` points: its package's main file. */
function workspacePackages(): Map<string, string> {
  const packages = new Map<string, string>();
  for (const root of ['libs', 'services']) {
    for (const name of fs.readdirSync(path.join(REPO_ROOT, root))) {
      const manifest = path.join(REPO_ROOT, root, name, 'package.json');
      if (!fs.existsSync(manifest)) continue;
      const { name: packageName, main } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string; main?: string };
      if (main) packages.set(packageName, path.join(REPO_ROOT, root, name, main));
    }
  }
  return packages;
}

function resolveImport(from: string, specifier: string, packages: Map<string, string>): string | undefined {
  if (packages.has(specifier)) return packages.get(specifier);
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return ['', ...EXTENSIONS].map((ext) => base + ext).find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

/** Every cycle of imports (type-only ones too) between the repository's own files, each once. */
function importCycles(): string[][] {
  const packages = workspacePackages();
  const files = ROOTS.flatMap((root) => sourceFiles(path.join(REPO_ROOT, root)));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const specifiers = [...fs.readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(([, specifier]) => specifier);
    edges.set(file, specifiers.map((s) => resolveImport(file, s, packages)).filter((target): target is string => target !== undefined));
  }
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next)).map((f) => path.relative(REPO_ROOT, f));
        cycles.set([...cycle].sort().join(' '), cycle);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return [...cycles.values()];
}

describe('imports', () => {
  it('form no cycle: a module that needs another never is needed by it, however indirectly', () => {
    expect(importCycles()).toEqual([]);
  });
});
