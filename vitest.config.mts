import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CommonJS (main) and ESM (module) builds without an exports map: Node picks
    // the CommonJS one for type-graphql, Vite would pick the ESM one for our code, and two
    // copies of graphql break instanceof checks. Pin both to the CommonJS build.
    alias: [{ find: /^graphql$/, replacement: path.resolve('node_modules/graphql/index.js') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each test file gets its own database, cloned from a migrated and seeded template.
    pool: 'forks',
  },
});
