// @ts-check
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * Every service's main.ts starts the service when Node runs it (`if (require.main === module)`).
 * A bundle puts the modules it imports into one scope where `module` is the bundle's own, so in
 * the all-in-one bundle that test would hold for each service it imports, and each would start a
 * second time, on its own. This plugin makes it false in every file but the bundle's entry point.
 */
/** @returns {import('esbuild').Plugin} */
function entryPointPlugin() {
  return {
    name: 'parley-entry-point',
    setup(build) {
      const root = build.initialOptions.absWorkingDir ?? process.cwd();
      const entries = new Set(
        (Array.isArray(build.initialOptions.entryPoints) ? build.initialOptions.entryPoints : [])
          .map((entry) => path.resolve(root, typeof entry === 'string' ? entry : entry.in)),
      );
      build.onLoad({ filter: /[\\/](services|libs)[\\/].*\.ts$/ }, async (args) => {
        if (entries.has(args.path) || args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await fs.promises.readFile(args.path, 'utf8');
        if (!source.includes('require.main')) return undefined;
        const contents = source.replace(/require\.main\s*===\s*module\b/g, 'false');
        if (contents.includes('require.main')) {
          return { errors: [{ text: `${path.relative(root, args.path)} tests require.main in a way the build cannot tell from its entry point: write it as \`require.main === module\`` }] };
        }
        return { contents, loader: 'ts' };
      });
    },
  };
}

module.exports = { entryPointPlugin };
