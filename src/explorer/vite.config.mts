import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

/**
 * The explorer front-end. `npm run build:explorer` writes dist/explorer/, which the server
 * serves at /explore (src/http/explorer.ts). `npm run dev:explorer` serves it with hot reload
 * at http://127.0.0.1:5173/explore/ and passes /graphql on to the API at 127.0.0.1:4000
 * (EXPLORER_API to change it).
 */
export default defineConfig({
  root: here,
  base: '/explore/',
  publicDir: false,
  build: {
    outDir: path.join(repoRoot, 'dist/explorer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // echarts and cytoscape are big libraries: let each view load its own chunk.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/graphql': process.env.EXPLORER_API ?? 'http://127.0.0.1:4000' },
  },
});
