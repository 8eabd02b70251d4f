// The web pages (web/, built by Vite into web/dist): their files as they are, and index.html for
// any other GET that is not the API's, so a page reloaded at /cases/<id> still opens. Served only
// when the build exists; the API answers the same either way.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/** Paths that are the API's own: never answered with the page. */
const API_PATHS = /^\/(api|docs|openapi\.json|healthz)(\/|$)/;

export function webRouter(dist: string | undefined): Router {
  const router = Router();
  const index = dist && join(dist, 'index.html');
  if (!dist || !index || !existsSync(index)) return router;
  // Vite names its bundles by content: they may be cached for long; index.html never.
  router.use('/assets', express.static(join(dist, 'assets'), { index: false, immutable: true, maxAge: '1y', fallthrough: false }));
  router.use(express.static(dist, { index: false, maxAge: 0 }));
  router.get(/.*/, (req, res, next) => {
    if (API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
