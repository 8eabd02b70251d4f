// The interactive docs page at /docs: Swagger UI served from node_modules, so it works offline
// (no CDN) and under helmet's default Content-Security-Policy (no inline script).
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';

const assets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>talent-lifecycle API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

const init = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  persistAuthorization: true,
});
`;

const USED = /^\/(swagger-ui\.css|swagger-ui-bundle\.js|swagger-ui-standalone-preset\.js|favicon-(16x16|32x32)\.png)$/;

export function docsRouter(document: () => object): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document());
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(init);
  });
  // Only the files the page uses; the package's own index.html points at the Petstore demo.
  const serve = express.static(assets, { index: false, fallthrough: false, maxAge: '1d' });
  router.use('/docs/assets', (req, res, next) => (USED.test(req.path) ? serve(req, res, next) : next()));
  return router;
}
