// @ts-check
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { onBundleWritten } = require('./bundle-written');

/** The module that serves the web app, and the app `nx run web:build` makes. */
const WEB_APP_ROUTES = 'services/gateway/src/http/web-app.routes.ts';
const WEB_APP_DIR = 'services/web/dist';

/**
 * A bundle that serves the web app (the gateway's, the all-in-one's) gets a copy of it beside
 * itself, in web/, where web-app.routes.ts looks first. Their build targets depend on web:build.
 * @returns {import('esbuild').Plugin}
 */
function webAppPlugin() {
  return {
    name: 'parley-web-app',
    setup(build) {
      onBundleWritten(build, (outfile, root) => {
        if (!fs.readFileSync(outfile, 'utf8').includes(`\n// ${WEB_APP_ROUTES}\n`)) return;
        const app = path.join(root, WEB_APP_DIR);
        if (!fs.existsSync(path.join(app, 'index.html'))) throw new Error(`${WEB_APP_DIR} has no build: the build of a bundle that serves the web app depends on web:build`);
        fs.cpSync(app, path.join(path.dirname(outfile), 'web'), { recursive: true });
      });
    },
  };
}

module.exports = { webAppPlugin };
