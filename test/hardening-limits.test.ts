import { Writable } from 'node:stream';
import pino from 'pino';
import { Client } from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config';
import { startServer } from '../src/server';
import { cloneTemplate } from './helpers/database';
import { keyedClient } from './helpers/keys';
import { startTestServer, TestServer } from './helpers/server';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const t = await startTestServer(env);
  cleanups.push(() => t.stop());
  return t;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as { data?: any; errors?: any[] } };
}

describe('configuration of the limits', () => {
  it('has defaults and refuses bad values naming the variable', () => {
    const c = loadConfig({});
    expect([c.maxQueryAliases, c.maxQueryLength, c.maxBodyBytes, c.maxBatchSize, c.rateLimitCostPerMinute]).toEqual([30, 20_000, 1024 * 1024, 10, 60_000]);
    expect(loadConfig({ MAX_BODY_SIZE: '512kb', RATE_LIMIT_COST_PER_MINUTE: '0', TRUST_PROXY: '1' })).toMatchObject({ maxBodyBytes: 524288, rateLimitCostPerMinute: 0, trustProxy: 1 });
    expect(() => loadConfig({ MAX_BODY_SIZE: 'lots' })).toThrow(/MAX_BODY_SIZE must be a size in bytes/);
    expect(() => loadConfig({ MAX_QUERY_ALIASES: '0' })).toThrow(/MAX_QUERY_ALIASES must be a positive integer/);
    expect(() => loadConfig({ RATE_LIMIT_COST_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_COST_PER_MINUTE/);
  });
});

describe('request limits', () => {
  it('refuses too many aliases, too long a query and too big a batch, each naming its limit', async () => {
    const t = await server({ MAX_QUERY_ALIASES: '5', MAX_QUERY_LENGTH: '2000', MAX_BATCH_SIZE: '3' });
    const aliases = await post(t.url, { query: `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: country(code: "US") { name }`).join(' ')} }` });
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 5, aliases: 6 });
    expect(aliases.body.errors![0].message).toBe('Query has 6 aliases, over the limit of 5 (aliased fields, fragments expanded)');
    // Aliases inside a fragment count once per spread.
    const spread = await post(t.url, { query: '{ a: country(code: "US") { ...F } b: country(code: "CN") { ...F } } fragment F on Country { x: name y: code }' });
    expect(spread.body.errors![0].extensions).toMatchObject({ limit: 5, aliases: 6 });
    const ok = await post(t.url, { query: `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: country(code: "US") { name }`).join(' ')} }` });
    expect(ok.body.errors).toBeUndefined();

    const long = await post(t.url, { query: `{ __typename ${' '.repeat(2000)}}` });
    expect(long.status).toBe(400);
    expect(long.body.errors![0]).toMatchObject({ message: 'Query of 2014 characters exceeds the limit of 2000 characters', extensions: { code: 'BAD_REQUEST', limit: 2000, length: 2014 } });

    const batch = await post(t.url, Array.from({ length: 4 }, () => ({ query: '{ __typename }' })));
    expect(batch.status).toBe(400);
    expect(batch.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_REQUEST', limit: 3, batchSize: 4 } });
    expect(batch.body.errors![0].message).toContain('limit of 3 operations');
    const small = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ a: __typename }' }, { query: '{ country(code: "FR") { name } }' }]) });
    expect(await small.json()).toEqual([{ data: { a: 'Query' } }, { data: { country: { name: 'France' } } }]);
  });

  it('refuses a body over MAX_BODY_SIZE with 413 and a JSON error, and bad JSON with 400', async () => {
    const t = await server({ MAX_BODY_SIZE: '10kb' });
    const big = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }', variables: { x: 'y'.repeat(20_000) } }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ errors: [{ message: 'Request body exceeds the limit of 10240 bytes', extensions: { code: 'BAD_REQUEST', limit: 10240 } }] });
    const bad = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('runs no parallel plans by default, and PARALLEL_WORKERS_PER_QUERY sets the workers per statement', async () => {
    const workers = async (t: Awaited<ReturnType<typeof server>>) =>
      (await t.server.orm.em.getConnection().execute<{ max_parallel_workers_per_gather: string }[]>('show max_parallel_workers_per_gather'))[0].max_parallel_workers_per_gather;
    expect(await workers(await server({}))).toBe('0');
    expect(await workers(await server({ PARALLEL_WORKERS_PER_QUERY: '2' }))).toBe('2');
  });

  it('cancels a slow statement with statement_timeout (TIMEOUT) and answers a slow request with 503 TIMEOUT', async () => {
    const t = await server({ STATEMENT_TIMEOUT_MS: '300', REQUEST_TIMEOUT_MS: '5000' });
    const [setting] = await t.server.orm.em.getConnection().execute<{ statement_timeout: string }[]>('show statement_timeout');
    expect(setting.statement_timeout).toBe('300ms');
    // Hold a lock so the next read blocks: the database gives up after 300 ms.
    const locker = new Client({ connectionString: t.databaseUrl });
    await locker.connect();
    try {
      await locker.query('begin; lock table authority in access exclusive mode');
      const started = Date.now();
      const res = await post(t.url, { query: '{ authorities { slug } }' });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'TIMEOUT' });
      expect(JSON.stringify(res.body)).not.toMatch(/select|authority"|canceling/i);

      const t2 = await server({ STATEMENT_TIMEOUT_MS: '0', REQUEST_TIMEOUT_MS: '400' });
      const locker2 = new Client({ connectionString: t2.databaseUrl });
      await locker2.connect();
      try {
        await locker2.query('begin; lock table authority in access exclusive mode');
        const slow = await post(t2.url, { query: '{ authorities { slug } }' });
        expect(slow.status).toBe(503);
        expect(slow.body.errors![0]).toMatchObject({ message: 'The request took longer than the limit of 400 ms', extensions: { code: 'TIMEOUT', limit: 400 } });
      } finally {
        await locker2.query('rollback');
        await locker2.end();
      }
      // The server goes on answering once the late handler finished.
      expect((await post(t2.url, { query: '{ country(code: "US") { name } }' })).body.data).toEqual({ country: { name: 'United States' } });
    } finally {
      await locker.query('rollback').catch(() => undefined);
      await locker.end();
    }
  });
});

describe('rate limiting by query cost', () => {
  const TWENTY = '{ entities { nodes { name } } }'; // cost 20

  it('charges each client its cost per minute, sends RateLimit-* headers and refuses with 429 RATE_LIMITED', async () => {
    const t = await server({ RATE_LIMIT_COST_PER_MINUTE: '100' });
    const first = await post(t.url, { query: TWENTY });
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('100');
    expect(first.headers.get('ratelimit-remaining')).toBe('80');
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) expect((await post(t.url, { query: TWENTY })).status).toBe(200);
    const refused = await post(t.url, { query: TWENTY });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 100, cost: 20 });
    expect(refused.body.errors![0].message).toMatch(/query cost of 100 per minute/);
    // An API key has its own budget.
    const keys = await keyedClient(t, 'rate');
    const keyed = await post(t.url, { query: TWENTY }, { authorization: `Bearer ${keys.keys.READER}` });
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get('ratelimit-remaining')).toBe('80');
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/policy_kb_rate_limit_rejections_total 1/);
  });

  it('shares the budget between instances through Redis when REDIS_URL is set', async () => {
    const prefix = `pkb-test-${Math.random().toString(36).slice(2)}`;
    const env = { RATE_LIMIT_COST_PER_MINUTE: '60', REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CHANNEL_PREFIX: prefix };
    const a = await server(env);
    const b = await startTestServer(env, a);
    cleanups.push(() => b.stop());
    expect((await post(a.url, { query: TWENTY })).headers.get('ratelimit-remaining')).toBe('40');
    expect((await post(b.url, { query: TWENTY })).headers.get('ratelimit-remaining')).toBe('20');
    expect((await post(a.url, { query: TWENTY })).status).toBe(200);
    expect((await post(b.url, { query: TWENTY })).status).toBe(429);
  });
});

describe('request ids, logs and metrics', () => {
  it('logs one JSON line per request with id, operation, duration, cost and status; masks unexpected errors with the request id', async () => {
    const lines: any[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const database = await cloneTemplate(inject('adminUrl'), inject('templateDatabase'));
    const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'info', MIGRATE: 'false', SEED: 'false' });
    const running = await startServer(config, pino({ level: 'info' }, sink));
    cleanups.push(async () => {
      await running.stop();
      await database.drop();
    });
    const ok = await post(running.url, { query: 'query Countries { countries { code } }', operationName: 'Countries' }, { 'x-request-id': 'client-id-123' });
    expect(ok.headers.get('x-request-id')).toBe('client-id-123');
    const generated = await post(running.url, { query: '{ __typename }' }, { 'x-request-id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 50));
    const entry = lines.find((l) => l.reqId === 'client-id-123' && l.msg === 'request');
    expect(entry).toMatchObject({ level: 30, method: 'POST', path: '/graphql', status: 200, operation: 'Countries', client: expect.any(String) });
    expect(typeof entry.durationMs).toBe('number');
    expect(typeof entry.cost).toBe('number');

    await running.orm.em.getConnection().execute('alter table "authority" rename to "authority_gone"');
    try {
      const broken = await post(running.url, { query: '{ authorities { slug } }' }, { 'x-request-id': 'broken-1' });
      expect(broken.body.errors![0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: 'broken-1', requestId: 'broken-1' });
      expect(JSON.stringify(broken.body)).not.toMatch(/authority_gone|select|stack/i);
    } finally {
      await running.orm.em.getConnection().execute('alter table "authority_gone" rename to "authority"');
    }
    await new Promise((r) => setTimeout(r, 50));
    const logged = lines.find((l) => l.reqId === 'broken-1' && l.level === 50);
    expect(logged?.err?.message).toMatch(/authority/);
    expect(lines.find((l) => l.reqId === 'broken-1' && l.msg === 'request')).toMatchObject({ errors: ['INTERNAL_SERVER_ERROR'] });

    const metrics = await fetch(`${running.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/policy_kb_graphql_requests_total\{operation="Countries",status="200"\} 1/);
    expect(text).toMatch(/policy_kb_graphql_request_duration_seconds_bucket\{le="0.5",operation="Countries"\} 1/);
    expect(text).toMatch(/policy_kb_db_pool_used \d+/);
    expect(text).toMatch(/policy_kb_db_pool_idle \d+/);
    expect(text).toMatch(/policy_kb_rate_limit_rejections_total 0/);
  });
});
