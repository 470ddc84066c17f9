import { Router } from 'express';

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Parley</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .25rem}</style></head>
<body>
<main>
<h1>Parley is running</h1>
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

/** GET /: what a person opening the gateway in a browser needs to find their way. */
export function homeRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => void res.type('html').send(PAGE));
  return router;
}
