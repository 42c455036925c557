import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Role } from '../src/modules/auth/role';
import { keyedClient, KeyedClient } from './helpers/keys';
import { start as startBalancer, RoundRobin } from './helpers/round-robin';
import { startTestServer, TestServer } from './helpers/server';

const ENTITY = 'query($slug: String!) { entity(slug: $slug) { id name version } }';
const UPDATE = 'mutation($id: ID!, $v: Int!, $name: String!) { updateEntity(id: $id, expectedVersion: $v, input: { name: $name }) { entity { name } userErrors { code } } }';
const CREATE = 'mutation($input: ActionInput!) { createAction(input: $input) { action { slug title } userErrors { message } } }';
const ACTION_RECORDED = 'subscription Recorded($filter: ActionFilter) { actionRecorded(filter: $filter) { id slug kind title authority { slug } } }';
/** Costs 20 (a connection of the default page size): five of them spend a budget of 100. */
const TWENTY = '{ entities { nodes { name } } }';
const BUDGET = 100;

interface Answer {
  /** Index of the backend the balancer sent this request to (0: A, 1: B). */
  backend: number;
  status: number;
  cache: string | null;
  remaining: string | null;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/**
 * Two instances of one deployment, A and B: one PostgreSQL database, one Redis (subscription
 * events, response cache, rate-limit counters under this run's own prefix), behind a
 * round-robin balancer. Every request of the test goes through the balancer.
 */
describe('two instances behind a round-robin load balancer, sharing PostgreSQL and Redis', () => {
  const env = {
    REDIS_URL: 'redis://127.0.0.1:6379',
    // This run's own keys and channels: parallel runs sharing the Redis never see each other's.
    REDIS_CHANNEL_PREFIX: `policy-kb-test-${randomUUID()}`,
    RESPONSE_CACHE_TTL_SECONDS: '60',
    // The limiter charges each client (its API key, else its address) per minute. The budget
    // case spends it with a key of its own (the READER key below, used nowhere else), so it is
    // independent of the order of the cases and of what the others spend, and its remaining
    // counts are exact; the other cases use no key (reads, charged to the balancer's address)
    // or the EDITOR key (writes), and stay far below 100 each.
    RATE_LIMIT_COST_PER_MINUTE: String(BUDGET),
  };
  let a: TestServer;
  let b: TestServer;
  let lb: RoundRobin;
  let keys: KeyedClient['keys'];
  const disposers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    a = await startTestServer(env);
    b = await startTestServer(env, a);
    // Keys live in the shared database: made on A, valid on both.
    keys = (await keyedClient(a, 'scale-out')).keys;
    lb = await startBalancer([a.url, b.url]);
  });
  afterAll(async () => {
    for (const dispose of disposers.reverse()) await dispose().catch(() => undefined);
    await lb?.close();
    await b?.stop(); // B first: A's stop drops the database B uses
    await a?.stop();
  });

  /** POST /graphql through the balancer, noting which backend answered. */
  async function post(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<Answer> {
    const at = lb.log.length;
    const response = await fetch(`${lb.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    const forwarded = lb.log[at];
    expect(forwarded).toMatchObject({ kind: 'http', path: '/graphql' });
    return {
      backend: forwarded.backend,
      status: response.status,
      cache: response.headers.get('x-response-cache'),
      remaining: response.headers.get('ratelimit-remaining'),
      text,
      body: JSON.parse(text) as Answer['body'],
    };
  }

  /** Sends cheap GET /healthz through the balancer until its next request goes to `backend`. */
  async function steerTo(backend: number): Promise<void> {
    while (lb.next() !== backend) expect((await fetch(`${lb.url}/healthz`)).status).toBe(200);
  }

  it('spreads requests over both backends', async () => {
    const before = [...lb.served];
    for (let i = 0; i < 6; i++) {
      const res = await post('{ country(code: "US") { name } }');
      expect(res.body).toEqual({ data: { country: { name: 'United States' } } });
    }
    expect(lb.served[0] - before[0]).toBe(3);
    expect(lb.served[1] - before[1]).toBe(3);
  });

  it('shares the response cache: an answer computed by one instance is served by the other, and a write retires it on both', async () => {
    await steerTo(0);
    const first = await post(ENTITY, { slug: 'cn-megvii' });
    const second = await post(ENTITY, { slug: 'cn-megvii' });
    expect([first.backend, second.backend]).toEqual([0, 1]);
    expect(first.cache).toBe('MISS');
    expect(second.cache).toBe('HIT');
    expect(second.text).toBe(first.text);
    expect(first.body.data?.entity.name).toMatch(/Megvii/);

    const { id, version } = first.body.data?.entity;
    const renamed = 'Megvii (renamed behind the balancer)';
    const updated = await post(UPDATE, { id, v: version, name: renamed }, keys[Role.EDITOR]);
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data?.updateEntity).toEqual({ entity: { name: renamed }, userErrors: [] });

    // Two reads in a row land on both instances. The one that took the write invalidated before
    // answering; the other hears of it on the Redis channel within milliseconds: poll up to ~1 s.
    let pair: Answer[] = [];
    const deadline = Date.now() + 1000;
    for (;;) {
      pair = [await post(ENTITY, { slug: 'cn-megvii' }), await post(ENTITY, { slug: 'cn-megvii' })];
      if (pair.every((r) => r.body.data?.entity.name === renamed) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(new Set(pair.map((r) => r.backend))).toEqual(new Set([0, 1]));
    expect(pair.map((r) => r.body.data?.entity.name)).toEqual([renamed, renamed]);
  });

  it('delivers a subscription event to a WebSocket held by one instance for an action created on the other', async () => {
    const received: { data?: { actionRecorded: { slug: string; title: string; kind: string; authority: { slug: string } } } | null }[] = [];
    const errors: unknown[] = [];
    const upgradesBefore = lb.log.filter((f) => f.kind === 'upgrade').length;
    const client: Client = createClient({ url: `${lb.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    disposers.push(async () => void (await client.dispose()));
    client.subscribe(
      { query: ACTION_RECORDED, variables: { filter: { kind: ['STATEMENT'], text: 'Scale-out test' } } },
      { next: (value) => void received.push(value as (typeof received)[number]), error: (error) => void errors.push(error), complete: () => undefined },
    );

    // The upgrade went to one backend; every mutation below goes to the other one.
    const waitUntil = Date.now() + 5000;
    while (lb.log.filter((f) => f.kind === 'upgrade').length === upgradesBefore) {
      if (Date.now() > waitUntil) throw new Error('the WebSocket upgrade never reached the balancer');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const holder = lb.log.filter((f) => f.kind === 'upgrade')[upgradesBefore].backend;
    const other = 1 - holder;

    // The holder subscribes to Redis asynchronously: create (on the other instance) until the
    // event arrives, waiting up to 500 ms after each.
    const created: string[] = [];
    for (let n = 1; received.length === 0 && errors.length === 0 && n <= 10; n++) {
      await steerTo(other);
      const title = `Scale-out test ${n}`;
      const res = await post(
        CREATE,
        { input: { kind: 'STATEMENT', title, authority: 'us-state', occurredOn: '2099-06-01', sources: [{ kind: 'NEWS', url: 'https://example.org/scale-out', title: 'x' }] } },
        keys[Role.EDITOR],
      );
      expect(res.backend).toBe(other);
      expect(res.body.data?.createAction.userErrors).toEqual([]);
      created.push(title);
      const until = Date.now() + 500;
      while (received.length === 0 && errors.length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(errors).toEqual([]);
    expect(received[0]?.data?.actionRecorded).toMatchObject({ kind: 'STATEMENT', authority: { slug: 'us-state' } });
    expect(created).toContain(received[0]?.data?.actionRecorded.title);
  });

  it('shares the rate-limit budget: remaining counts down across instances, and either refuses once it is spent', async () => {
    const key = keys[Role.READER];
    const spent: Answer[] = [];
    for (let i = 0; i < BUDGET / 20; i++) spent.push(await post(TWENTY, {}, key));
    // Alternating instances, one budget: 80, 60, 40, 20, 0 (per-instance budgets would repeat 80, 80, 60, 60, ...).
    expect(spent.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(spent.map((r) => r.backend)).toEqual(spent.map((_, i) => (spent[0].backend + i) % 2));
    expect(spent.map((r) => r.remaining)).toEqual(['80', '60', '40', '20', '0']);

    // The next requests go to B then A (or A then B): both refuse.
    const refused = [await post(TWENTY, {}, key), await post(TWENTY, {}, key)];
    expect(new Set(refused.map((r) => r.backend))).toEqual(new Set([0, 1]));
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(r.remaining).toBe('0');
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: BUDGET, cost: 20 });
    }
  });
});
