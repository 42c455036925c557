import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { REPO_ROOT } from '../paths';

/** One example operation of docs/queries/, opened as a GraphiQL tab. */
export interface ExampleOperation {
  /** The operation's name (the tab's title). */
  name: string;
  file: string;
  query: string;
}

/** The question the foundation was built to answer: the first tab. */
const FIRST_EXAMPLE = 'ai-surveillance-firms.graphql';
const QUERIES_DIR = path.join(REPO_ROOT, 'docs/queries');

/** The operations of docs/queries/ (one source for docs, tests, codegen and GraphiQL): the AI question first, then by file name. */
export function loadExamples(dir: string = QUERIES_DIR): ExampleOperation[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => Number(b === FIRST_EXAMPLE) - Number(a === FIRST_EXAMPLE) || a.localeCompare(b));
  return files.map((file) => {
    const query = fs.readFileSync(path.join(dir, file), 'utf8');
    const name = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/m.exec(query)?.[1] ?? file.replace(/\.graphql$/, '');
    return { name, file, query };
  });
}

export const EXAMPLES = loadExamples();

/** The query of the first tab. */
export const DEFAULT_QUERY = EXAMPLES[0].query;

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function page(endpoint: string): string {
  const examples = EXAMPLES.map(({ name, query }) => ({ name, query }));
  // Saved tabs live under a key that changes with the examples, so edited examples show up as new tabs.
  const storagePrefix = `policy-kb:${createHash('sha256').update(JSON.stringify(examples)).digest('hex').slice(0, 12)}:`;
  // Everything loads from this server (no CDN), so GraphiQL works with the network cut off.
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>policy-kb GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <link rel="stylesheet" href="/assets/graphiql/graphiql.min.css" />
  <link rel="stylesheet" href="/assets/graphiql-plugin-explorer/style.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/assets/react/umd/react.production.min.js"></script>
  <script src="/assets/react-dom/umd/react-dom.production.min.js"></script>
  <script src="/assets/graphiql/graphiql.min.js"></script>
  <script src="/assets/graphiql-plugin-explorer/index.umd.js"></script>
  <script>
    const endpoint = ${scriptJson(endpoint)};
    const examples = ${scriptJson(examples)};
    const prefix = ${scriptJson(storagePrefix)};

    // localStorage under our own prefix (or memory, where storage is blocked).
    const storage = (() => {
      const memory = new Map();
      let local = null;
      try { local = window.localStorage; local.getItem(prefix); } catch { local = null; }
      const keys = () => local ? Object.keys(local).filter((k) => k.startsWith(prefix)) : [...memory.keys()];
      return {
        getItem: (k) => local ? local.getItem(prefix + k) : (memory.has(prefix + k) ? memory.get(prefix + k) : null),
        setItem: (k, v) => local ? local.setItem(prefix + k, v) : memory.set(prefix + k, String(v)),
        removeItem: (k) => local ? local.removeItem(prefix + k) : memory.delete(prefix + k),
        get length() { return keys().length; },
        clear: () => keys().forEach((k) => local ? local.removeItem(k) : memory.delete(k)),
      };
    })();
    // The docs pane is open on the first visit; after that GraphiQL remembers the reader's choice.
    if (storage.getItem('graphiql:visiblePlugin') === null) storage.setItem('graphiql:visiblePlugin', 'Documentation Explorer');

    // Global ids are opaque: NetworkAroundEntity gets Hikvision's, looked up through the API.
    const variables = {};
    const lookUp = fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(slug: "cn-hikvision") { id } }' }),
      signal: AbortSignal.timeout(3000),
    })
      .then((r) => r.json())
      .then((r) => { if (r.data && r.data.entity) variables.NetworkAroundEntity = { rootIds: [r.data.entity.id] }; })
      .catch(() => undefined)
      .then(() => {
        variables.NetworkAroundEntity = variables.NetworkAroundEntity || { rootIds: ['look it up: { entity(slug: "cn-hikvision") { id } }'] };
      });

    lookUp.then(() => {
      const fetcher = GraphiQL.createFetcher({ url: endpoint });
      const explorer = GraphiQLPluginExplorer.explorerPlugin({ showAttribution: false });
      const defaultTabs = examples.map((e) => ({
        query: e.query,
        variables: variables[e.name] ? JSON.stringify(variables[e.name], null, 2) : undefined,
      }));
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, {
          fetcher,
          defaultTabs,
          defaultQuery: defaultTabs[0].query,
          plugins: [explorer],
          storage,
          defaultEditorToolsVisibility: true,
        })
      );
    });
  </script>
</body>
</html>`;
}

/** Serves GraphiQL to browsers at GET /graphql (and /), from the bundled npm packages. */
export function graphiqlRouter(endpoint: string): Router {
  const router = Router();
  const staticOptions = { immutable: true, maxAge: '7d', index: false } as const;
  router.use('/assets/graphiql', express.static(packageDir('graphiql'), staticOptions));
  router.use('/assets/graphiql-plugin-explorer', express.static(path.join(packageDir('@graphiql/plugin-explorer'), 'dist'), staticOptions));
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
