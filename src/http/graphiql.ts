import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { REPO_ROOT } from '../paths';

/** The question the foundation was built to answer, preloaded in the editor (one source: docs/queries/). */
export const DEFAULT_QUERY = fs.readFileSync(path.join(REPO_ROOT, 'docs/queries/ai-surveillance-firms.graphql'), 'utf8');

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function page(endpoint: string): string {
  // Everything loads from this server (no CDN), so GraphiQL works with the network cut off.
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>policy-kb GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <link rel="stylesheet" href="/assets/graphiql/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/assets/react/umd/react.production.min.js"></script>
  <script src="/assets/react-dom/umd/react-dom.production.min.js"></script>
  <script src="/assets/graphiql/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, defaultEditorToolsVisibility: true })
    );
  </script>
</body>
</html>`;
}

/** Serves GraphiQL to browsers at GET /graphql (and /), from the bundled npm packages. */
export function graphiqlRouter(endpoint: string): Router {
  const router = Router();
  const staticOptions = { immutable: true, maxAge: '7d', index: false } as const;
  router.use('/assets/graphiql', express.static(packageDir('graphiql'), staticOptions));
  router.use('/assets/react/umd', express.static(path.join(packageDir('react'), 'umd'), staticOptions));
  router.use('/assets/react-dom/umd', express.static(path.join(packageDir('react-dom'), 'umd'), staticOptions));
  const html = page(endpoint);
  router.get(['/', endpoint], (req, res, next) => {
    // API clients doing GET /graphql?query=... still reach Apollo; browsers get the IDE.
    if (req.path === endpoint && (req.query.query !== undefined || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html')) {
      next();
      return;
    }
    res.type('html').send(html);
  });
  return router;
}
