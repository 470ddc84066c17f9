// @ts-check
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { onBundleWritten } = require('./bundle-written');

/**
 * Bundled packages that read files of their own at run time, and the files they read (paths inside
 * the package). The build copies them next to the bundle, under package-files/<package>/, and
 * points the package's `__dirname` at that copy, the way webpack's `node.__dirname` does, so the
 * package finds them as it does in node_modules.
 */
const PACKAGE_FILES = {
  // Its health.proto, loaded when the module loads (every gRPC server serves grpc.health.v1).
  'grpc-health-check': ['proto/health/v1/health.proto'],
  // The browser client the gateway serves at /socket.io/socket.io.js.
  'socket.io': ['client-dist'],
  // The two files of the gateway's /api/docs page.
  'swagger-ui-dist': ['swagger-ui.css', 'swagger-ui-bundle.js'],
};

/**
 * Bundled modules that name `__dirname` or `__filename` on a path Parley never takes, checked by
 * reading their code: a new one fails the build until it is listed here or in PACKAGE_FILES.
 */
const UNUSED_FILE_READS = [
  'node_modules/@grpc/grpc-js/build/src/channelz.js', // the channelz admin service: never registered
  'node_modules/@grpc/grpc-js/build/src/orca.js', // ORCA load reports: xDS only
  'node_modules/knex/lib/migrations/migrate/MigrationGenerator.js', // `knex migrate:make` templates
  'node_modules/knex/lib/migrations/seed/Seeder.js', // `knex seed:make` templates
  'node_modules/pino/lib/transport.js', // pino.transport() workers: logs go to stdout
  'node_modules/thread-stream/index.js', // the same workers
  'node_modules/ioredis/built/utils/index.js', // its version for CLIENT SETINFO, with a fallback
  'node_modules/ioredis/built/Command.js', // trims its own frames from stack traces
];

/** A file's package and its path inside it, from the last node_modules/ of its path. */
const PACKAGE_PATH = /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/;
const packageOf = (file) => PACKAGE_PATH.exec(file)?.[1] ?? '';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @returns {import('esbuild').Plugin} */
function packageFilesPlugin() {
  const names = Object.keys(PACKAGE_FILES).map(escape).join('|');
  const inPackage = new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/].*\\.js$`);
  return {
    name: 'parley-package-files',
    setup(build) {
      build.onLoad({ filter: inPackage }, async (args) => {
        // The package's own files, not those of a package nested in its node_modules.
        const [, name, within] = PACKAGE_PATH.exec(args.path.split(path.sep).join('/')) ?? [];
        if (!(name in PACKAGE_FILES)) return undefined;
        const source = await fs.promises.readFile(args.path, 'utf8');
        if (!/\b__(dirname|filename)\b/.test(source)) return undefined;
        const dir = `require("path").join(__dirname, ${JSON.stringify(path.posix.join('package-files', name, path.posix.dirname(within)))})`;
        const contents = source.replace(/\b__dirname\b/g, `(${dir})`).replace(/\b__filename\b/g, `require("path").join(${dir}, ${JSON.stringify(path.basename(args.path))})`);
        return { contents, loader: 'js' };
      });
      onBundleWritten(build, (outfile, root) => {
        const bundle = fs.readFileSync(outfile, 'utf8');
        for (const name of Object.keys(PACKAGE_FILES)) {
          if (!bundle.includes(`// node_modules/${name}/`)) continue;
          for (const file of PACKAGE_FILES[name]) {
            fs.cpSync(path.join(root, 'node_modules', name, file), path.join(path.dirname(outfile), 'package-files', name, file), { recursive: true });
          }
        }
        const offenders = filesReadingTheirDirectory(bundle).filter((module) => !UNUSED_FILE_READS.includes(module) && !(packageOf(module) in PACKAGE_FILES));
        if (offenders.length > 0) {
          throw new Error(
            `bundled modules read files next to themselves (__dirname, __filename), files the bundle does not have: ${offenders.join(', ')}. ` +
              'List those files in tools/build/package-files.plugin.js (PACKAGE_FILES), or the module there as unused (UNUSED_FILE_READS), or mark the package external.',
          );
        }
      });
    },
  };
}

/** The node_modules files of a bundle that name __dirname or __filename (esbuild heads each file's code with its path). */
function filesReadingTheirDirectory(bundle) {
  const found = new Set();
  let current = '';
  for (const line of bundle.split('\n')) {
    const heading = /^\/\/ (\S+\.(?:[cm]?js|ts|json))$/.exec(line);
    if (heading) current = heading[1];
    else if (current.startsWith('node_modules/') && /\b__(dirname|filename)\b/.test(line)) found.add(current);
  }
  return [...found];
}

module.exports = { packageFilesPlugin, PACKAGE_FILES };
