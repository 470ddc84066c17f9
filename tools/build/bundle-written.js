// @ts-check
'use strict';
const path = require('node:path');

/**
 * Runs `written` once esbuild has written a bundle without errors, with the bundle's absolute path
 * and the build's working directory: the step every plugin here takes after the build (a build
 * without an `outfile` has no bundle to work on). What `written` throws fails the build.
 * @param {import('esbuild').PluginBuild} build
 * @param {(outfile: string, root: string) => void} written
 */
function onBundleWritten(build, written) {
  const root = build.initialOptions.absWorkingDir ?? process.cwd();
  build.onEnd((result) => {
    if (result.errors.length > 0 || !build.initialOptions.outfile) return;
    written(path.resolve(root, build.initialOptions.outfile), root);
  });
}

module.exports = { onBundleWritten };
