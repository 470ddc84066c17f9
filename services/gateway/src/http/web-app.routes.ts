import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Response } from 'express';

/**
 * The web app: next to the gateway's bundle (its build copies it to dist/services/<name>/web), else
 * where `npm run build:web` puts it (services/web/dist, run from sources).
 */
export const DEFAULT_WEB_APP_DIR = [path.join(__dirname, 'web')].find((dir) => fs.existsSync(dir)) ?? path.resolve(__dirname, '../../../web/dist');

/** The pages of the single-page app; each answers its index.html and the app picks the view. */
export const WEB_APP_PATHS = ['/', '/customer', '/agent'];

/**
 * The app's own scripts and styles only; pictures may be blob: URLs made from authenticated
 * downloads; the socket and the REST API are on this origin.
 */
const APP_CSP = "default-src 'self'; img-src 'self' blob: data:; connect-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Parley</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .25rem}</style></head>
<body>
<main>
<h1>Parley is running</h1>
<p><strong>The web app (customer widget and agent console) is not built.</strong> Build it with
<code>npm run build:web</code> (<code>npm start</code> does this for you) and reload this page.</p>
<p>The support chat's gateway: Socket.io and REST on this port.</p>
<ul>
<li><a href="/api/docs">REST API</a> (OpenAPI, try it with a token) and the <a href="/api/docs/asyncapi.json">Socket.io events</a> (AsyncAPI)</li>
<li><a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a> and <a href="/metrics">/metrics</a></li>
</ul>
<p>A token for the development secret: <code>npm run token -- --role customer --name Cleo</code>
(or <code>--role support</code>). Connect with <code>socket.io-client</code> and <code>auth: { token }</code>,
or with the <code>@parley/client</code> SDK of this repository.</p>
</main>
</body>
</html>`;

/** The page's word to the app on whether this gateway mints development tokens (docs/api.md, "The web app"). */
export const DEV_SIGN_IN_META = 'parley-dev-sign-in';

/**
 * The web app at `/` (customer widget at /customer, agent console at /agent) from its built folder,
 * looked up on every request so a build made while the gateway runs is served at once. Without a
 * build, those pages say how to make one instead of answering 404. The page says whether the
 * development sign-in exists (`devSignIn`), so the app never asks and is refused.
 */
export function webAppRoutes(webAppDir: string = DEFAULT_WEB_APP_DIR, { devSignIn = false }: { devSignIn?: boolean } = {}): Router {
  const router = Router();
  const index = path.join(webAppDir, 'index.html');
  const meta = `<meta name="${DEV_SIGN_IN_META}" content="${devSignIn ? 'on' : 'off'}" />`;
  router.get(WEB_APP_PATHS, (_req, res) => {
    if (!fs.existsSync(index)) return void res.type('html').send(NOT_BUILT_PAGE);
    appHeaders(res);
    res.type('html').send(fs.readFileSync(index, 'utf8').replace('</head>', `${meta}</head>`));
  });
  // Vite names assets by their content hash: cache them for good.
  router.use('/assets', express.static(path.join(webAppDir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: true }));
  return router;
}

function appHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Content-Security-Policy', APP_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
}
