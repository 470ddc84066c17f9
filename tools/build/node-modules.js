// @ts-check
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { onBundleWritten } = require('./bundle-written');

/**
 * Copies installed packages and everything they depend on from the workspace's node_modules into
 * `<destination>/node_modules`, at the versions installed (the lock file's), keeping their places
 * (hoisted or nested), so Node resolves them there as it does in the workspace. Optional
 * dependencies that are not installed (other platforms' binaries) are left out.
 *
 *   node tools/build/node-modules.js <destination> <package>...
 */
function copyPackages(workspaceRoot, names, destination) {
  const copied = new Set();
  const visit = (name, fromDir, optional) => {
    const found = locate(workspaceRoot, name, fromDir);
    if (!found) {
      if (optional) return;
      throw new Error(`${name} (needed from ${path.relative(workspaceRoot, fromDir) || '.'}) is not installed: run npm ci`);
    }
    const relative = path.relative(workspaceRoot, found);
    if (copied.has(relative)) return;
    copied.add(relative);
    fs.cpSync(found, path.join(destination, relative), { recursive: true, verbatimSymlinks: true, filter: (source) => path.relative(found, source).split(path.sep)[0] !== 'node_modules' });
    const manifest = JSON.parse(fs.readFileSync(path.join(found, 'package.json'), 'utf8'));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, found, false);
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) visit(dependency, found, true);
  };
  for (const name of names) visit(name, workspaceRoot, false);
  return [...copied].sort();
}

/** Where Node would find `name` from a package folder: its own node_modules, then each folder above, up to the workspace root. */
function locate(workspaceRoot, name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.relative(workspaceRoot, dir) === '' || dir === path.dirname(dir)) return undefined;
  }
}

/**
 * Copies a bundle's own external packages (the build target's `external` option: native modules
 * like sharp) into node_modules next to it, and writes its package.json: the project's name, the
 * repository's version, the bundle as `main`, those packages at their versions. `sharedExternals`,
 * marked external for every bundle, are not copied.
 * @param {string[]} sharedExternals
 * @returns {import('esbuild').Plugin}
 */
function nodeModulesPlugin(sharedExternals) {
  return {
    name: 'parley-node-modules',
    setup(build) {
      const own = (build.initialOptions.external ?? []).filter((name) => !sharedExternals.includes(name));
      onBundleWritten(build, (outfile, root) => {
        const outdir = path.dirname(outfile);
        copyPackages(root, own, outdir);
        // The executor copies the project's package.json (sources as main) beside the bundle: made the bundle's here.
        const manifestPath = path.join(outdir, 'package.json');
        const project = fs.existsSync(manifestPath) ? JSON.parse(fs.readFileSync(manifestPath, 'utf8')) : {};
        const versionOf = (name) => JSON.parse(fs.readFileSync(path.join(outdir, 'node_modules', name, 'package.json'), 'utf8')).version;
        const manifest = {
          name: project.name,
          version: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version,
          private: true,
          main: path.basename(outfile),
          dependencies: Object.fromEntries(own.map((name) => [name, versionOf(name)])),
        };
        fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      });
    },
  };
}

if (require.main === module) {
  const [destination, ...names] = process.argv.slice(2);
  if (!destination || names.length === 0) {
    console.error('usage: node tools/build/node-modules.js <destination> <package>...');
    process.exit(2);
  }
  const copied = copyPackages(path.resolve(__dirname, '../..'), names, path.resolve(destination));
  console.log(`copied into ${destination}: ${copied.join(', ')}`);
}

module.exports = { copyPackages, nodeModulesPlugin };
