import knexFactory from 'knex';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_WORD_SIMILARITY_THRESHOLD, WORD_SIMILARITY_THRESHOLD } from '../src/db/mikro-orm.config';
import { ACTION_DOCUMENT, actionSearchQuery } from '../src/modules/search/action-search';
import { searchTerms } from '../src/modules/search/search.service';
import { startTestServer, TestServer } from './helpers/server';

/*
 * The action part of search reads each index with a limit (action-search.ts) and the distinct
 * titles and citation pieces kept by triggers (action_title, action_code_gram). On the seeded
 * data no limit binds, so it must find exactly what matching every action and ranking them all
 * finds; and the kept tables must equal a recount whatever the write path.
 */

let t: TestServer;
let db: Client;
const builder = knexFactory({ client: 'pg' });
beforeAll(async () => {
  t = await startTestServer();
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  await db.query(`set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
  await db.query(`set pg_trgm.strict_word_similarity_threshold = ${STRICT_WORD_SIMILARITY_THRESHOLD}`);
});
afterAll(async () => {
  await db?.end();
  await t?.stop();
  await builder.destroy();
});

/** The statement search ran before: every matching action, all ranked. */
function referenceQuery(query: string, limit: number, loose: boolean) {
  const s = searchTerms(query);
  const doc = ACTION_DOCUMENT('a');
  const sql = `
    select m.id from (
      select a.*, word_similarity(?, lower(a.title)) as __title, ts_rank_cd(${doc}, plainto_tsquery('english', ?)) as __rank
        from government_action a
       where a.deleted_at is null
         and (${doc} @@ plainto_tsquery('english', ?) or lower(a.title) ${loose ? '%>' : '%>>'} ? or a.citation ilike ? or a.document_number ilike ?)) m
     order by case when m.citation ilike ? then (case when lower(m.citation) = lower(?) then 1 else 0.95 end)
                   when m.document_number ilike ? then (case when lower(m.document_number) = lower(?) then 1 else 0.95 end)
                   when m.__title >= least(1, m.__rank * 5) * 0.8 then m.__title * 0.9
                   else 0.4 + 0.4 * least(1, m.__rank * 5) end desc, m.id
     limit ?`;
  return builder.raw(sql, [s.normalized, s.raw, s.raw, s.normalized, s.like, s.like, s.like, s.raw, s.like, s.raw, limit]).toSQL().toNative();
}

async function ids(native: { sql: string; bindings: readonly unknown[] }): Promise<number[]> {
  const { rows } = await db.query(native.sql, native.bindings as unknown[]);
  return rows.map((r: { id: number }) => Number(r.id));
}

const bounded = (query: string, limit: number, loose: boolean) => ids(actionSearchQuery(builder as unknown as Parameters<typeof actionSearchQuery>[0], searchTerms(query), limit, loose).toSQL().toNative());

/** Kept rows that differ from a recount of the live actions. */
async function drift(): Promise<unknown[]> {
  const { rows } = await db.query(
    `select 'title' as kind, coalesce(k.title, r.title) as key, k.actions as kept, r.actions as counted, k.first_id as kept_first, r.first_id as first
       from (select * from action_title where actions > 0) k
       full join (select lower(title) as title, count(*)::int as actions, min(id) as first_id from government_action where deleted_at is null group by 1) r on r.title = k.title
      where k.actions is distinct from r.actions or k.first_id is distinct from r.first_id
     union all
     select 'gram', coalesce(k.gram, r.gram), k.actions, r.actions, null, null
       from (select * from action_code_gram where actions > 0) k
       full join (select g as gram, count(*)::int as actions from government_action a, unnest(action_code_grams(a.citation, a.document_number)) g
                   where a.deleted_at is null group by g) r on r.gram = k.gram
      where k.actions is distinct from r.actions`,
  );
  return rows;
}

const SEARCH = `query($q: String!, $first: Int) { search(query: $q, types: [ACTION], first: $first) { score matched node { ... on GovernmentAction { slug } } } }`;

/** Each call asks a different `first` (20 to 49), so no answer comes from the response cache. */
let calls = 0;
async function searchActions(q: string, first = 20 + (calls++ % 30)): Promise<{ score: number; matched: string; node: { slug: string } }[]> {
  const res = await t.gql(SEARCH, { q, first });
  expect(res.errors, q).toBeUndefined();
  return res.data!.search;
}

describe('action search', () => {
  it.each([
    '54002', '84 FR 54002', '2019-22210', 'Xinjiang', 'entity list', 'Entity List additions', 'Hikvision', 'Huawei', 'human rights',
    'sanctions', 'surveillance', 'China', 'CN', 'FR', 'EU', '84', '%', '_', "O'Film", 'Addition of Certain Entities', 'Zhang Wei', 'x'.repeat(40),
  ])('finds what ranking every matching action finds: %s', async (query) => {
    for (const loose of [false, true]) {
      for (const limit of [3, 10, 60]) {
        expect(await bounded(query, limit, loose), `${query} ${loose ? 'loose' : 'close'} ${limit}`).toEqual(await ids(referenceQuery(query, limit, loose)));
      }
    }
  });

  it('a short page is the start of a longer one', async () => {
    for (const q of ['entity list', 'China', 'FR', 'human rights']) {
      const long = await searchActions(q, 50);
      const short = await searchActions(q, 3);
      expect(short).toHaveLength(Math.min(3, long.length));
      expect(short.map((h) => h.node.slug), q).toEqual(long.slice(0, 3).map((h) => h.node.slug));
    }
  });

  it('starts equal to a recount of the seeded actions', async () => {
    expect(await drift()).toEqual([]);
  });

  it('follows inserts, renames, citation changes, soft deletes, restores and deletes, one row or many per statement', async () => {
    const copy = (slug: string, title: string, citation: string | null) =>
      db.query(
        `insert into government_action (slug, kind, title, summary, authority_id, list_id, occurred_on, citation, document_number)
         select $1, kind, $2, summary, authority_id, list_id, occurred_on, $3, null from government_action order by id limit 1`,
        [slug, title, citation],
      );
    await copy('act-search-a', 'Qorvenix Export Rule', '99 FR 12345');
    await copy('act-search-b', 'QORVENIX export rule', 'Q9/2031');
    expect(await drift()).toEqual([]);
    expect((await searchActions('Qorvenix Export Rule')).map((h) => h.node.slug)).toEqual(expect.arrayContaining(['act-search-a', 'act-search-b']));
    // A two-character query is looked up in the citation pieces first.
    expect((await searchActions('Q9')).map((h) => h.node.slug)).toEqual(['act-search-b']);
    expect((await searchActions('Q9'))[0]).toMatchObject({ score: 0.95, matched: 'citation: Q9/2031' });

    await db.query(`update government_action set title = 'Zentravo Licensing Notice', citation = 'Z7-1' where slug = 'act-search-a'`);
    expect(await drift()).toEqual([]);
    expect((await searchActions('Zentravo Licensing')).map((h) => h.node.slug)).toContain('act-search-a');
    expect((await searchActions('Qorvenix Export Rule')).map((h) => h.node.slug)).not.toContain('act-search-a');
    expect((await searchActions('Z7')).map((h) => h.node.slug)).toEqual(['act-search-a']);

    await db.query(`update government_action set deleted_at = now() where slug like 'act-search-%'`);
    expect(await drift()).toEqual([]);
    expect(await searchActions('Q9')).toEqual([]);
    await db.query(`update government_action set deleted_at = null where slug = 'act-search-b'`);
    expect(await drift()).toEqual([]);
    await db.query(`update government_action set note = 'unchanged title' where slug like 'act-search-%'`);
    expect(await drift()).toEqual([]);
    await db.query(`delete from government_action where slug like 'act-search-%'`);
    expect(await drift()).toEqual([]);
    expect(await searchActions('Qorvenix Export Rule')).toEqual([]);
  });

  it('action_search_rebuild() recounts the action tables, as gen:data does after loading without triggers', async () => {
    await db.query(`update action_title set actions = actions + 3 where title like '%entity list%'`);
    await db.query(`delete from action_code_gram where gram = 'fr'`);
    expect(await drift()).not.toEqual([]);
    await db.query(`select action_search_rebuild()`);
    expect(await drift()).toEqual([]);
    expect((await searchActions('54002'))[0].node.slug).toBe('bis-el-2019-10-xinjiang-28');
  });
});
