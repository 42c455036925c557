import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config';
import { readConnection, replicaConnections } from '../src/db/read';
import { createContext, readOwnWrites } from '../src/graphql/context';
import { createLogger } from '../src/logger';
import { Role } from '../src/modules/auth/role';
import { entitySearchText } from '../src/modules/search/normalize';
import { startServer } from '../src/server';
import { cloneTemplate } from './helpers/database';
import { KeyedClient, keyedClient } from './helpers/keys';
import { clientOf, type TestServer } from './helpers/server';

/**
 * No streaming replica here: two clones of the seeded template stand in for the primary (A)
 * and a replica (B). B gets changes A does not have, so every answer shows which one it came from.
 */
const MARKER = 'Hikvision (replica copy)';
const REPLICA_ONLY_DATE = '1990-06-01';

type Database = { url: string; drop(): Promise<void> };
const databases: Database[] = [];
const servers: TestServer[] = [];

async function clone(): Promise<Database> {
  const db = await cloneTemplate(inject('adminUrl'), inject('templateDatabase'));
  databases.push(db);
  return db;
}

/** Runs SQL on a database directly (not through the server). */
async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The real server over `primary`, reading from `replicas`. */
async function start(primary: string, replicas: string[] = []): Promise<TestServer> {
  const config = loadConfig({
    DATABASE_URL: primary,
    DATABASE_REPLICA_URLS: replicas.join(','),
    PORT: '0',
    LOG_LEVEL: 'silent',
    MIGRATE: 'false',
    SEED: 'false',
    // Every answer here must come from the database, not from a response cached by an earlier test.
    RESPONSE_CACHE_TTL_SECONDS: '0',
  });
  const server = await startServer(config, createLogger('silent'));
  let stopped = false;
  const t: TestServer = {
    ...clientOf(server),
    databaseUrl: primary,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
  servers.push(t);
  return t;
}

let a: Database;
let b: Database;
let t: TestServer;
let client: KeyedClient;

beforeAll(async () => {
  [a, b] = await Promise.all([clone(), clone()]);
  const [hik] = await sql<{ aliases: string[] }>(b.url, `select aliases from entity where slug = 'cn-hikvision'`);
  await sql(b.url, `update entity set name = $1, search_text = $2 where slug = 'cn-hikvision'`, [MARKER, entitySearchText(MARKER, hik.aliases)]);
  await sql(b.url, `update government_action set occurred_on = $1 where id = (select id from government_action where deleted_at is null order by occurred_on, id limit 1)`, [REPLICA_ONLY_DATE]);
  t = await start(a.url, [b.url]);
  client = await keyedClient(t, 'replicas'); // keys are written to the primary, where authentication reads them
});

afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
  for (const db of databases) await db.drop();
});

const ENTITY = `query($slug: String!) { entity(slug: $slug) { id name version } }`;

describe('reads go to the replica', () => {
  it('entity(slug) and entities(filter) answer from the replica', async () => {
    const one = await t.gql(ENTITY, { slug: 'cn-hikvision' });
    expect(one.errors).toBeUndefined();
    expect(one.data!.entity.name).toBe(MARKER);
    const listed = await t.gql(`{ byText: entities(filter: { text: "replica copy" }) { totalCount nodes { name } } byCountry: entities(filter: { country: ["CN"], kind: [COMPANY] }, first: 100) { nodes { name } } }`);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.byText).toEqual({ totalCount: 1, nodes: [{ name: MARKER }] });
    expect(listed.data!.byCountry.nodes.map((n: { name: string }) => n.name)).toContain(MARKER);
    // The primary has no such name.
    expect(await sql(a.url, `select 1 from entity where name = $1`, [MARKER])).toEqual([]);
  });

  it('search answers from the replica', async () => {
    const res = await t.gql(`{ search(query: "Hikvision replica copy", types: [ENTITY], first: 3) { matched node { ... on Entity { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.search[0]).toEqual({ matched: MARKER, node: { name: MARKER } });
  });

  it('timeline answers from the replica', async () => {
    const res = await t.gql(`{ timeline(granularity: YEAR) { buckets { start count } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.timeline.buckets[0]).toMatchObject({ start: '1990-01-01', count: 1 });
  });

  it('replica connections get the same session settings as the primary', async () => {
    const [replica] = replicaConnections(t.server.orm);
    expect(replicaConnections(t.server.orm)).toHaveLength(1);
    for (const connection of [t.server.orm.em.getConnection(), replica]) {
      const [timeout] = await connection.execute<{ statement_timeout: string }[]>('show statement_timeout');
      const [threshold] = await connection.execute<{ threshold: string }[]>(`select current_setting('pg_trgm.word_similarity_threshold') as threshold`);
      expect(timeout.statement_timeout).toBe('10s');
      expect(Number(threshold.threshold)).toBe(0.3);
    }
    const [onReplica] = await replica.execute<{ db: string }[]>('select current_database() as db');
    expect(onReplica.db).toBe(new URL(b.url).pathname.slice(1));
  });

  it('routes a request to the primary when it is in a transaction, has written, or is a subscription', async () => {
    const { orm } = t.server;
    const primaryKnex = orm.em.getKnex('write');
    const ctx = createContext(orm.em);
    expect(ctx.knex).not.toBe(primaryKnex);
    expect(readConnection(ctx.em)).toBe(replicaConnections(orm)[0]);
    readOwnWrites(ctx);
    expect(ctx.knex).toBe(primaryKnex);
    expect(ctx.loaders.knex).toBe(primaryKnex);
    expect(readConnection(ctx.em)).toBe(orm.em.getConnection('write'));
    // Subscriptions: pinned, and so is the fresh context each event makes from the pinned one.
    const subscription = createContext(orm.em, { primary: true });
    expect(subscription.knex).toBe(primaryKnex);
    expect(createContext(subscription.em).knex).toBe(primaryKnex);
    await orm.em.fork().transactional(async (em) => {
      expect(readConnection(em)).toBe(orm.em.getConnection('write'));
    });
  });
});

describe('writes go to the primary, and so do their payloads', () => {
  const SOURCE = { kind: 'NEWS', url: 'https://example.org/replica-test', title: 'Replica test' };

  it('createEntity writes to the primary only, and its payload shows the write', async () => {
    const res = await client.as(Role.EDITOR, `mutation($input: EntityInput!) { createEntity(input: $input) { entity { id slug name version country { code } technologies { slug } sources { url } } userErrors { code message } } }`, {
      input: { kind: 'COMPANY', name: 'Replica Probe Systems', country: 'CN', technologies: ['video-surveillance'], sources: [SOURCE] },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createEntity.userErrors).toEqual([]);
    // technologies and sources come from DataLoaders after the commit: read from the replica, they would be empty.
    expect(res.body.data.createEntity.entity).toMatchObject({
      slug: 'cn-replica-probe-systems',
      name: 'Replica Probe Systems',
      version: 1,
      country: { code: 'CN' },
      technologies: [{ slug: 'video-surveillance' }],
      sources: [{ url: SOURCE.url }],
    });
    expect(await sql(a.url, `select name from entity where slug = 'cn-replica-probe-systems'`)).toEqual([{ name: 'Replica Probe Systems' }]);
    expect(await sql(b.url, `select name from entity where slug = 'cn-replica-probe-systems'`)).toEqual([]);
    // The next request reads from the replica, which has not seen the write (replica lag, here forever).
    expect((await t.gql(ENTITY, { slug: 'cn-replica-probe-systems' })).data!.entity).toBeNull();
  });

  it('updateEntity writes to the primary only, and its payload shows the new values', async () => {
    const [before] = await sql<{ id: number; version: number }>(a.url, `select id, version from entity where slug = 'cn-hikvision'`);
    const { id } = (await t.gql(ENTITY, { slug: 'cn-hikvision' })).data!.entity;
    const res = await client.as(
      Role.EDITOR,
      `mutation($id: ID!, $v: Int!, $input: EntityInput!) { updateEntity(id: $id, expectedVersion: $v, input: $input) { entity { name version aliases technologies { slug } } userErrors { code message } } }`,
      // Hikvision has two technologies (in both databases); the payload must show the one left.
      { id, v: before.version, input: { name: 'Hikvision Digital', aliases: ['HIKVISION'], technologies: ['video-surveillance'] } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateEntity).toMatchObject({
      entity: { name: 'Hikvision Digital', version: before.version + 1, aliases: ['HIKVISION'], technologies: [{ slug: 'video-surveillance' }] },
      userErrors: [],
    });
    expect(await sql(a.url, `select name, version from entity where id = $1`, [before.id])).toEqual([{ name: 'Hikvision Digital', version: before.version + 1 }]);
    expect(await sql(b.url, `select name, version from entity where id = $1`, [before.id])).toEqual([{ name: MARKER, version: before.version }]);
    expect((await t.gql(ENTITY, { slug: 'cn-hikvision' })).data!.entity.name).toBe(MARKER);
  });
});

describe('configuration and readiness', () => {
  it('refuses bad DATABASE_REPLICA_URLS values, naming the variable', () => {
    for (const bad of ['mysql://host/db', 'not a url', 'postgres://host', 'postgres://host/a,,postgres://host/b', 'postgres://host/a, http://host/b']) {
      expect(() => loadConfig({ DATABASE_REPLICA_URLS: bad }), bad).toThrow(/DATABASE_REPLICA_URLS/);
    }
    expect(loadConfig({ DATABASE_REPLICA_URLS: ' postgres://h/a , postgres://h/b ' }).replicaUrls).toEqual(['postgres://h/a', 'postgres://h/b']);
    expect(loadConfig({}).replicaUrls).toEqual([]);
  });

  it('refuses to start when a replica cannot be reached', async () => {
    const missing = new URL(b.url);
    missing.pathname = '/policy_kb_no_such_replica';
    await expect(start(a.url, [b.url, missing.toString()])).rejects.toThrow(/read replica .*DATABASE_REPLICA_URLS entry 2/);
  });

  it('/readyz checks the replicas: 503 when one stops answering', async () => {
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ status: 'ready' });
    const c = await clone();
    const s = await start(a.url, [c.url]);
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    await c.drop();
    const res = await fetch(`${s.url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { status: string }).status).toBe('read replica unreachable (DATABASE_REPLICA_URLS entry 1)');
    await s.stop();
  });

  it('without replicas, reads and writes use the primary as before', async () => {
    const s = await start(a.url);
    const { orm } = s.server;
    expect(replicaConnections(orm)).toEqual([]);
    expect(orm.em.getConnection('read')).toBe(orm.em.getConnection('write'));
    expect(createContext(orm.em).knex).toBe(orm.em.getKnex());
    expect((await s.gql(ENTITY, { slug: 'cn-hikvision' })).data!.entity.name).toBe('Hikvision Digital');
    expect((await s.gql(ENTITY, { slug: 'cn-replica-probe-systems' })).data!.entity.name).toBe('Replica Probe Systems');
    const timeline = await s.gql(`{ timeline(granularity: YEAR) { buckets { start } } }`);
    expect(timeline.data!.timeline.buckets[0].start).not.toBe('1990-01-01');
    expect(await (await fetch(`${s.url}/readyz`)).json()).toEqual({ status: 'ready' });
    await s.stop();
  });
});
