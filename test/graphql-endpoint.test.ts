import { Writable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import pino from 'pino';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config';
import { startServer } from '../src/server';
import { cloneTemplate } from './helpers/database';
import { startTestServer, TestServer } from './helpers/server';

/*
 * The GraphQL endpoint outside express (src/http/graphql-handler.ts, request-body.ts): the body
 * rules express.json() applied, the paths that reach it with and without express, and what
 * every request keeps (its id, GET queries, GraphiQL for browsers).
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ MAX_BODY_SIZE: '10kb' });
});
afterAll(async () => {
  await t?.stop();
});

async function send(body: string | Buffer, headers: Record<string, string>, path = '/graphql') {
  const response = await fetch(`${t.url}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  let json: { data?: any; errors?: any[] } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const TYPENAME = JSON.stringify({ query: '{ __typename }' });
const JSON_TYPE = { 'content-type': 'application/json' };

describe('the GraphQL endpoint', () => {
  it('answers a POST on /graphql, /graphql/ and /graphql?…, and through express on other spellings of the path', async () => {
    for (const path of ['/graphql', '/graphql/', '/graphql?x=1', '/GRAPHQL']) {
      const res = await send(TYPENAME, JSON_TYPE, path);
      expect(res.status, path).toBe(200);
      expect(res.json, path).toEqual({ data: { __typename: 'Query' } });
      expect(res.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
      expect(Number(res.headers.get('content-length')), path).toBe(Buffer.byteLength(res.text));
    }
  });

  it('sends back the caller\'s request id, or a fresh one', async () => {
    expect((await send(TYPENAME, { ...JSON_TYPE, 'x-request-id': 'trace-42' })).headers.get('x-request-id')).toBe('trace-42');
    expect((await send(TYPENAME, JSON_TYPE)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads gzip, deflate and br bodies, and refuses an unknown encoding with 415', async () => {
    const encoders = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
    for (const [encoding, encode] of Object.entries(encoders)) {
      const res = await send(encode(TYPENAME), { ...JSON_TYPE, 'content-encoding': encoding });
      expect(res.json, encoding).toEqual({ data: { __typename: 'Query' } });
    }
    const unknown = await send(TYPENAME, { ...JSON_TYPE, 'content-encoding': 'zstd' });
    expect(unknown.status).toBe(415);
    expect(unknown.json?.errors?.[0]).toMatchObject({ message: 'unsupported content encoding "zstd"', extensions: { code: 'BAD_REQUEST' } });
  });

  it('counts the limit on the decoded body: a small gzip of a large body is refused with 413', async () => {
    const large = JSON.stringify({ query: '{ __typename }', variables: { x: 'y'.repeat(50_000) } });
    const bomb = gzipSync(large);
    expect(bomb.length).toBeLessThan(10_240);
    const res = await send(bomb, { ...JSON_TYPE, 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(res.json?.errors?.[0]).toMatchObject({ message: 'Request body exceeds the limit of 10240 bytes', extensions: { code: 'BAD_REQUEST', limit: 10240 } });
  });

  it('takes UTF-8 only, and an object or an array at the top', async () => {
    const latin1 = await send(TYPENAME, { 'content-type': 'application/json; charset=latin1' });
    expect(latin1.status).toBe(415);
    expect(latin1.json?.errors?.[0].message).toBe('unsupported charset "LATIN1"');
    expect((await send(TYPENAME, { 'content-type': 'application/json; charset=UTF-8' })).json).toEqual({ data: { __typename: 'Query' } });
    for (const body of ['"a string"', '42', '{"query": ']) {
      const res = await send(body, JSON_TYPE);
      expect(res.status, body).toBe(400);
      expect(res.json?.errors?.[0], body).toMatchObject({ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } });
    }
  });

  it('leaves a body that is not JSON to Apollo, which explains what it expected', async () => {
    const plain = await send(TYPENAME, { 'content-type': 'text/plain' });
    expect(plain.status).toBe(400);
    expect(plain.json?.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
    const empty = await send('', JSON_TYPE);
    expect(empty.status).toBe(400);
    expect(empty.json?.errors?.[0].message).toMatch(/POST body missing/);
  });

  it('still answers GET queries, and gives browsers GraphiQL', async () => {
    const query = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/graphiql/i);
  });

  it('drops the answer of a request that timed out, without logging it as an error', async () => {
    const lines: { level: number; msg: string; reqId?: string }[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const database = await cloneTemplate(inject('adminUrl'), inject('templateDatabase'));
    const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'info', MIGRATE: 'false', SEED: 'false', STATEMENT_TIMEOUT_MS: '0', REQUEST_TIMEOUT_MS: '300' });
    const running = await startServer(config, pino({ level: 'info' }, sink));
    const locker = new Client({ connectionString: database.url });
    await locker.connect();
    try {
      // The read blocks on the lock until the timeout has answered; then the lock goes and the late answer comes.
      await locker.query('begin; lock table authority in access exclusive mode');
      const slow = await fetch(`${running.url}/graphql`, { method: 'POST', headers: { ...JSON_TYPE, 'x-request-id': 'late-1' }, body: JSON.stringify({ query: '{ authorities { slug } }' }) });
      expect(slow.status).toBe(503);
      await locker.query('rollback');
      const deadline = Date.now() + 3000;
      while (!lines.some((l) => l.reqId === 'late-1' && l.msg === 'request failed') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200)); // the late handler finishes after the lock goes
      expect(lines.filter((l) => l.reqId === 'late-1' && l.level >= 50)).toEqual([]);
    } finally {
      await locker.end();
      await running.stop();
      await database.drop();
    }
  });
});
