import { randomBytes } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../src/config';
import { createEventBus } from '../src/modules/subscriptions/event-bus';
import { createKey } from '../src/modules/auth/api-keys.service';
import { Role } from '../src/modules/auth/role';
import { startTestServer, TestServer } from './helpers/server';

/** Redis runs here on the project's machines and CI's. */
const REDIS_URL = 'redis://127.0.0.1:6379';
/** This run's own channels: parallel runs sharing the Redis never see each other's events. */
const CHANNEL_PREFIX = `policy-kb-test-${randomBytes(6).toString('hex')}`;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function server(env: Record<string, string> = {}, sharing?: TestServer): Promise<TestServer> {
  const t = await startTestServer(env, sharing);
  cleanups.push(() => t.stop());
  return t;
}

interface Received {
  data?: { actionRecorded: { id: string; slug: string; kind: string; title: string; authority: { slug: string } } } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A real graphql-ws client over `ws`, subscribed to one operation, collecting what it receives. */
class Subscriber {
  readonly received: Received[] = [];
  readonly errors: unknown[] = [];
  completed = false;
  private readonly client: Client;
  private wake: (() => void) | undefined;
  closeEvent: { code: number; reason: string } | undefined;

  constructor(url: string, query: string, variables: Record<string, unknown> = {}, connectionParams?: Record<string, unknown>) {
    this.client = createClient({
      url: url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: true,
      on: { closed: (event) => (this.closeEvent = event as { code: number; reason: string }) },
    });
    this.client.subscribe<Received['data']>(
      { query, variables },
      {
        next: (value) => {
          this.received.push(value as Received);
          this.wake?.();
        },
        error: (error) => {
          this.errors.push(error);
          this.wake?.();
        },
        complete: () => {
          this.completed = true;
          this.wake?.();
        },
      },
    );
    cleanups.push(() => this.close());
  }

  slugs(): string[] {
    return this.received.map((r) => r.data?.actionRecorded.slug ?? '(error)');
  }

  /** Waits until `done()` holds, calling `poke` (e.g. publish again) every 100 ms meanwhile. */
  async until(done: () => boolean, poke: () => void = () => undefined, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(this.received)}, errors ${JSON.stringify(this.errors)}`);
      poke();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

const ACTION_RECORDED = `
  subscription Recorded($filter: ActionFilter) {
    actionRecorded(filter: $filter) { id slug kind title authority { slug } }
  }
`;

/** Seeded actions by kind, read from the test database. */
async function actionsOf(t: TestServer): Promise<{ id: number; slug: string; kind: string }[]> {
  return t.server.orm.em
    .getConnection()
    .execute<{ id: number; slug: string; kind: string }[]>('select id, slug, kind from government_action where deleted_at is null order by id');
}

describe('Subscription.actionRecorded (graphql-ws, in-process)', () => {
  let t: TestServer;
  let actions: { id: number; slug: string; kind: string }[];
  beforeAll(async () => {
    t = await server();
    actions = await actionsOf(t);
  });

  it('delivers the actions its filter matches, re-read as they are now, and skips the others', async () => {
    const [first, second] = actions.filter((a) => a.kind === 'LISTING');
    const other = actions.find((a) => a.kind !== 'LISTING')!;
    expect(first && second && other).toBeTruthy();
    const sub = new Subscriber(t.url, ACTION_RECORDED, { filter: { kind: ['LISTING'] } });

    // The server subscribes once the operation arrives: publish until it is listening.
    await sub.until(() => sub.received.length > 0, () => t.server.events.actionRecorded(first.id));
    expect(sub.received[0]).toEqual({
      data: { actionRecorded: expect.objectContaining({ slug: first.slug, kind: 'LISTING', authority: { slug: expect.any(String) } }) },
    });
    // Events are handled in order: the non-matching one had its turn before `second`.
    t.server.events.actionRecorded(other.id);
    t.server.events.actionRecorded(second.id);
    await sub.until(() => sub.slugs().includes(second.slug));
    expect(new Set(sub.slugs())).toEqual(new Set([first.slug, second.slug]));
    expect(sub.slugs()).not.toContain(other.slug);

    // A changed action is read anew (no stale identity map or loader cache across events).
    await t.server.orm.em.getConnection().execute(`update government_action set title = 'Retitled for the subscription test' where id = ?`, [second.id]);
    t.server.events.actionRecorded(second.id);
    await sub.until(() => sub.received.some((r) => r.data?.actionRecorded.title === 'Retitled for the subscription test'));

    // Once it is no longer matched (soft-deleted), the same id is skipped.
    await t.server.orm.em.getConnection().execute('update government_action set deleted_at = now() where id = ?', [first.id]);
    const before = sub.received.length;
    t.server.events.actionRecorded(first.id);
    t.server.events.actionRecorded(second.id);
    await sub.until(() => sub.received.length > before);
    expect(sub.slugs().slice(before)).toEqual([second.slug]);
    expect(sub.errors).toEqual([]);
    await t.server.orm.em.getConnection().execute('update government_action set deleted_at = null where id = ?', [first.id]);
  });

  it('refuses a bad filter, non-subscription operations and bad keys with clear errors', async () => {
    const reversed = new Subscriber(t.url, ACTION_RECORDED, { filter: { occurredBetween: { from: '2021-01-01', to: '2020-01-01' } } });
    await reversed.until(() => reversed.received.length > 0 || reversed.errors.length > 0);
    expect(reversed.received[0]?.errors?.[0]).toMatchObject({ message: expect.stringContaining('occurredBetween'), extensions: { code: 'BAD_USER_INPUT' } });

    const query = new Subscriber(t.url, '{ country(code: "US") { name } }');
    await query.until(() => query.errors.length > 0);
    expect(query.errors[0]).toEqual([expect.objectContaining({ message: expect.stringMatching(/Only subscriptions are served over WebSocket/), extensions: { code: 'BAD_REQUEST' } })]);

    const badKey = new Subscriber(t.url, ACTION_RECORDED, {}, { authorization: 'Bearer not-a-key' });
    await badKey.until(() => badKey.errors.length > 0);
    expect(badKey.closeEvent).toMatchObject({ code: 4403, reason: expect.stringMatching(/API key is not valid/) });
  });

  it('applies the query depth limit as HTTP does', async () => {
    const limited = await server({ MAX_QUERY_DEPTH: '2' });
    const deep = new Subscriber(limited.url, ACTION_RECORDED);
    await deep.until(() => deep.errors.length > 0);
    expect(deep.errors[0]).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Query depth 3 exceeds the limit of 2/), extensions: { code: 'BAD_USER_INPUT', limit: 2, depth: 3 } }),
    ]);
  });

  it('fails to start with a message naming an unreachable Redis', async () => {
    await expect(createEventBus({ redisUrl: 'redis://:secret@127.0.0.1:1' })).rejects.toThrow(/^Cannot connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 \(subscription events\): .*ECONNREFUSED/);
  });

  it('validates REDIS_URL and REDIS_CHANNEL_PREFIX', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL must use the redis:\/\/ \(or rediss:\/\/\) scheme/);
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL is not a valid URL/);
    expect(() => loadConfig({ REDIS_CHANNEL_PREFIX: 'has space' })).toThrow(/REDIS_CHANNEL_PREFIX/);
  });
});

describe('Subscription events across server instances', () => {
  it('with REDIS_URL, a client of instance A receives the action published by instance B', async () => {
    const env = { REDIS_URL, REDIS_CHANNEL_PREFIX: CHANNEL_PREFIX };
    const [a, b] = await Promise.all([server(env), server(env)]);
    const [action] = (await actionsOf(b)).filter((x) => x.kind === 'LISTING');
    const sub = new Subscriber(a.url, ACTION_RECORDED, { filter: { kind: ['LISTING'] } });
    // B publishes until A's subscription is listening (its Redis SUBSCRIBE is asynchronous).
    await sub.until(() => sub.received.length > 0, () => b.server.events.actionRecorded(action.id));
    expect(sub.received[0].data?.actionRecorded).toMatchObject({ slug: action.slug, kind: 'LISTING' });
    expect(sub.errors).toEqual([]);
  });

  it('an action created through the write API on instance B reaches a subscriber on instance A (one database, Redis between them)', async () => {
    const env = { REDIS_URL, REDIS_CHANNEL_PREFIX: CHANNEL_PREFIX };
    const a = await server(env);
    const b = await server(env, a);
    const { key } = await createKey(b.server.orm.em.fork(), 'subscriptions-editor', Role.EDITOR);
    const sub = new Subscriber(a.url, ACTION_RECORDED, { filter: { kind: ['STATEMENT'], text: 'Subscription test' } });
    const create = async (n: number) =>
      fetch(`${b.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          query: 'mutation($input: ActionInput!) { createAction(input: $input) { action { slug } userErrors { message } } }',
          variables: { input: { kind: 'STATEMENT', title: `Subscription test ${n}`, authority: 'us-state', occurredOn: '2099-05-01', sources: [{ kind: 'NEWS', url: 'https://example.org/sub', title: 'x' }] } },
        }),
      });
    // Create until A's subscription is listening (its Redis SUBSCRIBE is asynchronous).
    let n = 0;
    await sub.until(() => sub.received.length > 0, () => void create(++n), 15_000);
    expect(sub.received[0].data?.actionRecorded).toMatchObject({ kind: 'STATEMENT', authority: { slug: 'us-state' } });
    expect(sub.received[0].data?.actionRecorded.title).toMatch(/^Subscription test \d+$/);
    expect(sub.errors).toEqual([]);
  });

  it('without REDIS_URL, events stay in the instance that published them', async () => {
    const [a, b] = await Promise.all([server(), server()]);
    const [marker, fromB] = await actionsOf(a);
    const sub = new Subscriber(a.url, ACTION_RECORDED);
    await sub.until(() => sub.received.length > 0, () => a.server.events.actionRecorded(marker.id));
    const before = sub.received.length;
    // In-process delivery is synchronous: had B's event reached A, it would arrive before A's marker.
    b.server.events.actionRecorded(fromB.id);
    a.server.events.actionRecorded(marker.id);
    await sub.until(() => sub.received.length > before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sub.slugs().slice(before).every((slug) => slug === marker.slug)).toBe(true);
    expect(sub.slugs()).not.toContain(fromB.slug);
  });
});
