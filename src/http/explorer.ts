import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { REPO_ROOT } from '../paths';

/** Where `npm run build:explorer` (part of `npm run build`) writes the explorer front-end. */
export const EXPLORER_DIR = path.join(REPO_ROOT, 'dist/explorer');

/**
 * Serves the explorer (src/explorer, built by Vite) at /explore: hashed assets with a long
 * cache life, and index.html for every other path under /explore, where the front-end's
 * router takes over (/explore/entity/cn-hikvision, /explore/network?slug=...).
 */
export function explorerRouter(dir: string = EXPLORER_DIR): Router {
  const router = Router();
  router.use('/explore/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  router.get(['/explore', '/explore/*rest'], (_req, res) => {
    const index = path.join(dir, 'index.html');
    if (!fs.existsSync(index)) {
      res.status(503).type('text').send('The explorer is not built: run "npm run build:explorer" (npm run build and npm start build it too).\n');
      return;
    }
    res.set('cache-control', 'no-cache').sendFile(index);
  });
  return router;
}
