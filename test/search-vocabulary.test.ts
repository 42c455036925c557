import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { KeyedClient, keyedClient } from './helpers/keys';
import { startTestServer, TestServer } from './helpers/server';

/*
 * The search vocabulary (search_word) is kept by triggers on entity. Whatever the write path
 * (insert, rename, soft delete, restore, delete, several rows in one statement), its counts must
 * equal a recount from scratch, and a new name must be findable, typos included, at once.
 */

let t: TestServer;
let db: Client;
let client: KeyedClient;
beforeAll(async () => {
  t = await startTestServer();
  client = await keyedClient(t);
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await t?.stop();
});

/** Words whose kept count differs from a recount of the live entities. */
async function drift(): Promise<unknown[]> {
  const { rows } = await db.query(
    `with recount as (
       select l.lexeme as word, count(*)::int as entities from entity e, unnest(to_tsvector('simple', coalesce(e.search_text, ''))) l
        where e.deleted_at is null group by l.lexeme)
     select coalesce(w.word, r.word) as word, w.entities as kept, r.entities as counted
       from (select * from search_word where entities > 0) w full join recount r on r.word = w.word
      where w.entities is distinct from r.entities`,
  );
  return rows;
}

const SEARCH = `query($q: String!) { search(query: $q, types: [ENTITY], first: 5) { score node { ... on Entity { slug } } } }`;
const MATCH = `query($name: String!) { match(input: { name: $name }, threshold: 0) { entity { slug } } }`;

async function searchSlugs(q: string): Promise<string[]> {
  const res = await t.gql(SEARCH, { q });
  expect(res.errors).toBeUndefined();
  return (res.data!.search as { node: { slug: string } }[]).map((h) => h.node.slug);
}

describe('search vocabulary', () => {
  it('starts equal to a recount of the seeded entities', async () => {
    expect(await drift()).toEqual([]);
  });

  it('follows inserts, renames, soft deletes, restores and deletes, one row or many per statement', async () => {
    await db.query(
      `insert into entity (slug, kind, name, search_text, name_key) values
         ('vocab-a', 'COMPANY', 'Quorvanta Systems', 'quorvanta systems | quorvantasystems', 'quorvanta systems'),
         ('vocab-b', 'COMPANY', 'Quorvanta Ltd', 'quorvanta ltd | quorvanta', 'quorvanta')`,
    );
    expect(await drift()).toEqual([]);
    await db.query(`update entity set search_text = 'zentrivox systems | zentrivoxsystems', name = 'Zentrivox Systems' where slug = 'vocab-a'`);
    expect(await drift()).toEqual([]);
    await db.query(`update entity set deleted_at = now() where slug like 'vocab-%'`);
    expect(await drift()).toEqual([]);
    await db.query(`update entity set deleted_at = null where slug = 'vocab-b'`);
    expect(await drift()).toEqual([]);
    await db.query(`update entity set note = 'unchanged words' where slug like 'vocab-%'`);
    expect(await drift()).toEqual([]);
    await db.query(`delete from entity where slug like 'vocab-%'`);
    expect(await drift()).toEqual([]);
  });

  it('finds a name created through the API right away, with a typo, by search and by match', async () => {
    const res = await client.as(
      Role.EDITOR,
      `mutation($input: EntityInput!) { createEntity(input: $input) { entity { slug } userErrors { message } } }`,
      { input: { name: 'Vexmorrow Optronics', kind: 'COMPANY', country: 'CN', sources: [{ kind: 'NEWS', url: 'https://example.org/vexmorrow', title: 'A test source' }] } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createEntity.userErrors).toEqual([]);
    const slug = res.body.data.createEntity.entity.slug as string;
    expect(await drift()).toEqual([]);
    expect(await searchSlugs('Vexmorow Optronics')).toContain(slug);
    expect(await searchSlugs('vexmorrow')).toContain(slug);
    const matched = await t.gql(MATCH, { name: 'Vexmorrow Optronix' });
    expect(matched.errors).toBeUndefined();
    expect((matched.data!.match as { entity: { slug: string } }[]).map((m) => m.entity.slug)).toContain(slug);
  });

  it('search_word_rebuild() recounts from scratch, as gen:data does after loading without triggers', async () => {
    await db.query(`update search_word set entities = entities + 7 where word = 'hikvision'`);
    expect(await drift()).not.toEqual([]);
    await db.query(`select search_word_rebuild()`);
    expect(await drift()).toEqual([]);
    expect(await searchSlugs('hikvison')).toContain('cn-hikvision');
  });
});
