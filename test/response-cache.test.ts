import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ByteLru } from '../src/graphql/response-cache/lru';
import { Role } from '../src/modules/auth/role';
import { loadConfig } from '../src/config';
import { keyedClient, KeyedClient } from './helpers/keys';
import { startTestServer, TestServer } from './helpers/server';

const REDIS_URL = 'redis://127.0.0.1:6379';
const ENTITY = 'query($slug: String!) { entity(slug: $slug) { id name version } }';
const UPDATE = 'mutation($id: ID!, $v: Int!, $name: String!) { updateEntity(id: $id, expectedVersion: $v, input: { name: $name }) { entity { name } userErrors { code } } }';

/** POST /graphql, keeping the response headers (the cache says HIT or MISS in x-response-cache). */
async function post(t: TestServer, query: string, variables: Record<string, unknown> = {}, key?: string) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { cache: response.headers.get('x-response-cache'), remaining: response.headers.get('ratelimit-remaining'), text, body: JSON.parse(text) };
}

describe('response cache, one instance (in memory)', () => {
  let t: TestServer;
  let client: KeyedClient;
  beforeAll(async () => {
    t = await startTestServer({ RESPONSE_CACHE_TTL_SECONDS: '60', RATE_LIMIT_COST_PER_MINUTE: '100000' });
    client = await keyedClient(t, 'cache');
  });
  afterAll(async () => t?.stop());

  it('answers a repeated query from the cache, byte for byte, and still charges its cost', async () => {
    const first = await post(t, ENTITY, { slug: 'cn-megvii' });
    const second = await post(t, ENTITY, { slug: 'cn-megvii' });
    expect(first.cache).toBe('MISS');
    expect(second.cache).toBe('HIT');
    expect(second.text).toBe(first.text);
    expect(first.body.data.entity.name).toMatch(/Megvii/);
    expect(Number(second.remaining)).toBeLessThan(Number(first.remaining));
    // Other variables are another answer.
    expect((await post(t, ENTITY, { slug: 'cn-dahua' })).cache).toBe('MISS');
  });

  it('a mutation invalidates every cached answer before it responds, so the writer reads its write', async () => {
    const before = await post(t, ENTITY, { slug: 'cn-iflytek' });
    expect((await post(t, ENTITY, { slug: 'cn-iflytek' })).cache).toBe('HIT');
    const { id, version } = before.body.data.entity;
    const updated = await client.as(Role.EDITOR, UPDATE, { id, v: version, name: 'iFlytek (renamed by the cache test)' });
    expect(updated.body.data.updateEntity.userErrors).toEqual([]);
    const after = await post(t, ENTITY, { slug: 'cn-iflytek' });
    expect(after.cache).toBe('MISS');
    expect(after.body.data.entity.name).toBe('iFlytek (renamed by the cache test)');
    expect((await post(t, ENTITY, { slug: 'cn-iflytek' })).cache).toBe('HIT');
  });

  it('never stores an answer with errors', async () => {
    const bad = '{ entities(first: 1000) { totalCount } }';
    const first = await post(t, bad);
    expect(first.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await post(t, bad)).cache).toBe('MISS');
  });

  it('keeps answers of different API keys apart (viewer differs)', async () => {
    const query = '{ viewer { name role } }';
    const anonymous = await post(t, query);
    const keyed = await post(t, query, {}, client.keys[Role.READER]);
    expect(anonymous.body.data.viewer.name).toBeNull();
    expect(keyed.body.data.viewer.name).toBe('cache-reader');
    expect(keyed.cache).toBe('MISS');
    expect((await post(t, query, {}, client.keys[Role.READER])).body.data.viewer.name).toBe('cache-reader');
  });

  it('counts hits and misses in /metrics', async () => {
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(Number(/policy_kb_response_cache_lookups_total\{result="hit"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(3);
    expect(Number(/policy_kb_response_cache_lookups_total\{result="miss"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(3);
  });
});

describe('response cache off', () => {
  it('RESPONSE_CACHE_TTL_SECONDS=0 answers every query fresh, without the header', async () => {
    const t = await startTestServer({ RESPONSE_CACHE_TTL_SECONDS: '0' });
    try {
      await post(t, ENTITY, { slug: 'cn-megvii' });
      const again = await post(t, ENTITY, { slug: 'cn-megvii' });
      expect(again.cache).toBeNull();
      expect(again.body.data.entity.name).toMatch(/Megvii/);
    } finally {
      await t.stop();
    }
  });

  it('refuses bad settings, naming the variable', () => {
    expect(() => loadConfig({ RESPONSE_CACHE_TTL_SECONDS: '-1' })).toThrow(/RESPONSE_CACHE_TTL_SECONDS must be a non-negative integer/);
    expect(() => loadConfig({ RESPONSE_CACHE_MAX_BYTES: 'lots' })).toThrow(/RESPONSE_CACHE_MAX_BYTES must be a size in bytes/);
    expect(loadConfig({ RESPONSE_CACHE_MAX_BYTES: '16mb' }).responseCacheMaxBytes).toBe(16 * 1024 * 1024);
  });
});

describe('response cache shared by two instances through Redis', () => {
  // This run's own keys and channels: parallel runs sharing the Redis never see each other's.
  const env = { RESPONSE_CACHE_TTL_SECONDS: '60', REDIS_URL, REDIS_CHANNEL_PREFIX: `policy-kb-test-${randomUUID()}` };
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startTestServer(env);
    b = await startTestServer(env, a);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('an answer computed on one instance is served by the other, and a write on either retires it on both', async () => {
    const first = await post(a, ENTITY, { slug: 'cn-sensetime' });
    expect(first.cache).toBe('MISS');
    const fromOther = await post(b, ENTITY, { slug: 'cn-sensetime' });
    expect(fromOther.cache).toBe('HIT');
    expect(fromOther.text).toBe(first.text);

    const editors = await keyedClient(b, 'cache-redis');
    const { id, version } = first.body.data.entity;
    const updated = await editors.as(Role.EDITOR, UPDATE, { id, v: version, name: 'SenseTime (renamed on instance B)' });
    expect(updated.body.data.updateEntity.userErrors).toEqual([]);

    // Instance A hears of the write on the Redis channel within milliseconds.
    let seen = await post(a, ENTITY, { slug: 'cn-sensetime' });
    for (let i = 0; i < 20 && seen.body.data.entity.name !== 'SenseTime (renamed on instance B)'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await post(a, ENTITY, { slug: 'cn-sensetime' });
    }
    expect(seen.body.data.entity.name).toBe('SenseTime (renamed on instance B)');
    expect((await post(b, ENTITY, { slug: 'cn-sensetime' })).body.data.entity.name).toBe('SenseTime (renamed on instance B)');
  });
});

describe('ByteLru', () => {
  it('drops the least recently used entries past its byte budget, and expired ones', () => {
    const lru = new ByteLru(200); // 100 UTF-16 code units
    for (const key of ['a', 'b', 'c', 'd']) lru.set(key, key.repeat(25), 1000); // 50 bytes each: full
    expect(lru.get('a', 0)).toBe('a'.repeat(25)); // a is now the most recently used, b the least
    lru.set('e', 'e'.repeat(25), 1000);
    expect(lru.get('b', 0)).toBeUndefined();
    expect(lru.get('a', 0)).toBeDefined();
    expect(lru.totalBytes).toBeLessThanOrEqual(200);
    expect(lru.get('c', 1000)).toBeUndefined(); // expired
    lru.set('huge', 'h'.repeat(26), 1000); // more than a quarter of the budget: not kept
    expect(lru.get('huge', 0)).toBeUndefined();
  });
});
