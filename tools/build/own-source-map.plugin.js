// @ts-check
'use strict';
const fs = require('node:fs');
const { onBundleWritten } = require('./bundle-written');
const { decode, encode } = require('@jridgewell/sourcemap-codec');

const isPackage = (source) => /(^|[\\/])node_modules[\\/]/.test(source);

/**
 * A bundle's source map reduced to the project's own sources. esbuild maps every line of the
 * bundle, the npm packages' too, and those are 96 % of the map (the gateway's: 693,000 segments,
 * 29,000 of them its own code). Node (--enable-source-maps) parses the whole map the first time a
 * process formats an error's stack: 0.5 to 1.2 s with the event loop held, and 74 MB of heap that
 * every major GC then marks. Package code keeps one unmapped segment where each of its runs
 * begins, so a stack frame there shows its place in main.js, as without a map, and is never taken
 * for the project's line before it (Node maps a position to the nearest segment before it).
 *
 * @param {{ version: number, sources: string[], names: string[], mappings: string, [key: string]: unknown }} map
 */
function ownSourceMap(map) {
  const sources = [];
  const sourceIndex = new Map();
  const names = [];
  const nameIndex = new Map();
  const keep = (list, index, value) => {
    let at = index.get(value);
    if (at === undefined) {
      at = list.length;
      list.push(value);
      index.set(value, at);
    }
    return at;
  };
  let inPackage = false;
  const lines = decode(map.mappings).map((segments) =>
    segments.flatMap((segment) => {
      if (segment.length === 1) return [segment];
      const source = map.sources[segment[1]];
      if (isPackage(source)) {
        if (inPackage) return [];
        inPackage = true;
        return [[segment[0]]];
      }
      inPackage = false;
      const own = [segment[0], keep(sources, sourceIndex, source), segment[2], segment[3]];
      if (segment.length === 5) own.push(keep(names, nameIndex, map.names[segment[4]]));
      return [own];
    }),
  );
  return { ...map, sources, names, mappings: encode(/** @type {any} */ (lines)) };
}

/**
 * Rewrites the bundle's map (`<outfile>.map`) with `ownSourceMap` once esbuild has written it.
 * @returns {import('esbuild').Plugin}
 */
function ownSourceMapPlugin() {
  return {
    name: 'parley-own-source-map',
    setup(build) {
      onBundleWritten(build, (outfile) => {
        const mapFile = `${outfile}.map`;
        if (!build.initialOptions.sourcemap || !fs.existsSync(mapFile)) return;
        fs.writeFileSync(mapFile, JSON.stringify(ownSourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')))));
      });
    },
  };
}

module.exports = { ownSourceMapPlugin };
