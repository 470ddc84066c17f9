import express, { Router } from 'express';
// The path alone: the package's index also loads Swagger UI's browser bundle (3 MB) into the gateway.
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path';
import { asyncApiDocument, openApiDocument } from './api-docs';

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Parley API</title><link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body>
<p style="font-family:sans-serif;margin:1em">REST below; Socket.io events: <a href="/api/docs/asyncapi.json">asyncapi.json</a></p>
<div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

/** /api/docs: Swagger UI over the OpenAPI document, and both documents as JSON. */
export function docsRoutes(): Router {
  const router = Router();
  const openApi = openApiDocument();
  const asyncApi = asyncApiDocument();
  router.get('/', (_req, res) => void res.type('html').send(PAGE));
  router.get('/init.js', (_req, res) => void res.type('js').send("SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#ui' });"));
  router.get('/openapi.json', (_req, res) => void res.json(openApi));
  router.get('/asyncapi.json', (_req, res) => void res.json(asyncApi));
  router.use('/assets', express.static(getAbsoluteFSPath(), { index: false }));
  return router;
}
