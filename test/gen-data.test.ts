import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateData, GenerateReport } from '../scripts/gen-data/generate';
import { parseArgs, parseCount, UsageError } from '../scripts/gen-data/index';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { RunningServer, startServer } from '../src/server';
import { adminQuery, uniqueDatabaseName, withDatabase } from './helpers/database';

/*
 * The large-dataset generator (npm run gen:data), at 2,000 entities: shapes and ratios, the
 * project's integrity rules, determinism, refusal and --fresh, and the real server answering
 * search and filters over the generated rows.
 */

const N = 2000;
const SEED = 7;

let adminUrl: string;
let databaseName: string;
let url: string;
let report: GenerateReport;
let client: Client;
let server: RunningServer | undefined;

async function connect(): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  return c;
}

async function one<T = Record<string, any>>(query: string, params: unknown[] = []): Promise<T> {
  return (await client.query(query, params)).rows[0] as T;
}
async function count(query: string, params: unknown[] = []): Promise<number> {
  return Number((await one<{ n: string }>(query, params)).n);
}

/** md5 over every synthetic entity's name, aliases and country, and every synthetic action's title and date. */
async function fingerprint(): Promise<string> {
  const row = await one<{ entities: string; actions: string; participations: string }>(
    `select (select md5(string_agg(slug || name || array_to_string(aliases, '|') || coalesce(country_code, ''), ',' order by id)) from entity where slug like 'gen-%') as entities,
            (select md5(string_agg(slug || title || occurred_on, ',' order by id)) from government_action where slug like 'gen-%') as actions,
            (select md5(string_agg(action_id || role || coalesce(entity_id::text, country_code), ',' order by id)) from participation) as participations`,
  );
  return `${row.entities}/${row.actions}/${row.participations}`;
}

beforeAll(async () => {
  adminUrl = inject('adminUrl');
  databaseName = uniqueDatabaseName('policy_kb_test_gen');
  url = withDatabase(adminUrl, databaseName);
  report = await generateData({ databaseUrl: url, entities: N, seed: SEED });
  client = await connect();
});

afterAll(async () => {
  await server?.stop();
  await client?.end().catch(() => undefined);
  if (databaseName) await adminQuery(adminUrl, `drop database if exists "${databaseName}" with (force)`);
});

describe('gen:data', () => {
  it('writes rows in the expected ratios and reports them', async () => {
    expect(report.database).toBe(databaseName);
    expect(report.entities).toBe(N);
    expect(report.actions).toBe(N / 5);
    expect(report.participations).toBeGreaterThan(2.6 * N);
    expect(report.participations).toBeLessThan(3.4 * N);
    expect(report.relations).toBeGreaterThan(0.2 * N);
    expect(report.relations).toBeLessThan(0.4 * N);
    expect(report.sources).toBeGreaterThanOrEqual(report.actions);
    expect(report.phases.map((p) => p.name)).toEqual(expect.arrayContaining(['migrate', 'seed', 'actions', 'entities', 'indexes', 'integrity', 'vacuum analyze']));

    // The database agrees with the report, and synthetic rows are marked as such.
    expect(await count(`select count(*) as n from entity where slug like 'gen-%'`)).toBe(N);
    expect(await count(`select count(*) as n from entity where slug like 'gen-%' and (verified or note <> 'synthetic (npm run gen:data)')`)).toBe(0);
    expect(await count(`select count(*) as n from government_action where slug like 'gen-%' and not verified and note = 'synthetic (npm run gen:data)'`)).toBe(report.actions);
    expect(await count(`select count(*) as n from participation p join government_action a on a.id = p.action_id where a.slug like 'gen-%'`)).toBe(report.participations);
    expect(await count(`select count(*) as n from entity_relation r join entity e on e.id = r.from_id where e.slug like 'gen-%'`)).toBe(report.relations);
    expect(await count(`select count(*) as n from source where url like 'https://example.org/synthetic/%'`)).toBe(report.sources);
    // The curated seeds are there too.
    expect(await count(`select count(*) as n from entity where slug not like 'gen-%'`)).toBeGreaterThanOrEqual(70);
    expect(await count(`select count(*) as n from authority`)).toBeGreaterThanOrEqual(11);
  });

  it('keeps every rule: sources cited, no orphans, unique slugs, search columns computed', async () => {
    expect(await count(`select count(*) as n from entity e where not exists (select 1 from entity_source s where s.entity_id = e.id)`)).toBe(0);
    expect(await count(`select count(*) as n from government_action a where not exists (select 1 from action_source s where s.action_id = a.id)`)).toBe(0);
    const orphans = await one<Record<string, string>>(
      `select (select count(*) from participation p where p.entity_id is not null and not exists (select 1 from entity e where e.id = p.entity_id)) as participation_entity,
              (select count(*) from participation p where not exists (select 1 from government_action a where a.id = p.action_id)) as participation_action,
              (select count(*) from participation p where p.country_code is not null and not exists (select 1 from country c where c.code = p.country_code)) as participation_country,
              (select count(*) from entity_relation r where not exists (select 1 from entity e where e.id = r.from_id) or not exists (select 1 from entity e where e.id = r.to_id)) as relation,
              (select count(*) from entity_source s where not exists (select 1 from entity e where e.id = s.entity_id) or not exists (select 1 from source x where x.id = s.source_id)) as entity_source,
              (select count(*) from action_source s where not exists (select 1 from government_action a where a.id = s.action_id) or not exists (select 1 from source x where x.id = s.source_id)) as action_source,
              (select count(*) from entity_technology t where not exists (select 1 from entity e where e.id = t.entity_id) or not exists (select 1 from technology_category c where c.id = t.technology_category_id)) as entity_technology,
              (select count(*) from government_action a where not exists (select 1 from authority x where x.id = a.authority_id)) as action_authority`,
    );
    expect(Object.values(orphans).map(Number)).toEqual(Object.values(orphans).map(() => 0));
    expect(await count(`select count(*) - count(distinct slug) as n from entity`)).toBe(0);
    expect(await count(`select count(*) - count(distinct slug) as n from government_action`)).toBe(0);
    expect(await count(`select count(*) as n from entity where slug like 'gen-%' and (search_text is null or name_key is null)`)).toBe(0);
    expect(await count(`select count(*) as n from entity_relation where from_id = to_id`)).toBe(0);
    // The secondary indexes are back, and the sequences continue after the loaded ids.
    expect(await count(`select count(*) as n from pg_indexes where indexname in ('entity_search_text_trgm_idx', 'participation_entity_id_role_index', 'government_action_fts_idx')`)).toBe(3);
    expect(await count(`select count(*) as n from pg_constraint where conname in ('entity_slug_unique', 'participation_action_id_role_entity_id_unique', 'source_url_unique')`)).toBe(3);
    const seq = await one<{ next: string; max: string }>(`select nextval(pg_get_serial_sequence('participation', 'id')) as next, (select max(id) from participation) as max`);
    expect(Number(seq.next)).toBeGreaterThan(Number(seq.max));
  });

  it('only removes from a list what was added to it earlier, and relists some', async () => {
    // Every DELISTING target closes a listing period of the same entity on the same list.
    const unmatched = await count(
      `select count(*) as n from participation p join government_action a on a.id = p.action_id
        where a.kind = 'DELISTING' and p.role = 'TARGET'
          and not exists (select 1 from listing_period lp where lp.entity_id = p.entity_id and lp.list_id = a.list_id and lp.removed_by_id = a.id and lp.since < coalesce(a.effective_on, a.occurred_on))`,
    );
    expect(unmatched).toBe(0);
    expect(await count(`select count(*) as n from participation p join government_action a on a.id = p.action_id where a.kind = 'DELISTING' and p.role = 'TARGET'`)).toBeGreaterThan(10);
    expect(await count(`select count(*) as n from (select entity_id, list_id from listing_period group by 1, 2 having count(*) > 1) x`)).toBeGreaterThan(0);
    // LISTING targets give grounds; list actions name their list.
    expect(await count(`select count(*) as n from participation p join government_action a on a.id = p.action_id where a.kind = 'LISTING' and a.slug like 'gen-%' and p.role = 'TARGET' and p.grounds is not null`)).toBeGreaterThan(N / 2);
    expect(await count(`select count(*) as n from government_action where kind in ('LISTING', 'DELISTING', 'LISTING_AMENDMENT') and list_id is null`)).toBe(0);
  });

  it('has realistic shapes: scripts, countries, kinds, degrees, letters, technologies', async () => {
    const scripts = await one<Record<string, string>>(
      `select count(*) filter (where t ~ '[\\u4e00-\\u9fff]') as han, count(*) filter (where t ~ '[\\u0400-\\u04ff]') as cyrillic,
              count(*) filter (where t ~ '[\\u0600-\\u06ff]') as arabic, count(*) filter (where t ~ '[\\uac00-\\ud7af]') as hangul
         from (select name || ' ' || array_to_string(aliases, ' ') as t from entity where slug like 'gen-%') x`,
    );
    expect(Object.values(scripts).filter((n) => Number(n) > 0).length).toBeGreaterThanOrEqual(3);
    expect(Number(scripts.han)).toBeGreaterThan(N / 10);
    expect(Number(scripts.cyrillic)).toBeGreaterThan(N / 50);
    expect(Number(scripts.arabic)).toBeGreaterThan(N / 50);

    const top = (await client.query<{ country_code: string }>(`select country_code from entity where slug like 'gen-%' and country_code is not null group by 1 order by count(*) desc limit 3`)).rows.map((r) => r.country_code);
    expect(top[0]).toBe('CN');
    expect(top).toContain('RU');
    const companies = await count(`select count(*) as n from entity where slug like 'gen-%' and kind = 'COMPANY'`);
    expect(companies).toBeGreaterThan(N / 2);

    const degrees = await one<{ few: string; named: string; max: string }>(
      `select count(*) filter (where d between 1 and 3) as few, count(*) filter (where d > 0) as named, max(d) as max
         from (select e.id, count(p.id) as d from entity e left join participation p on p.entity_id = e.id where e.slug like 'gen-%' group by e.id) x`,
    );
    expect(Number(degrees.few) / N).toBeGreaterThan(0.7);
    expect(Number(degrees.named) / N).toBeGreaterThan(0.9);
    expect(Number(degrees.max)).toBeGreaterThanOrEqual(20);

    const letters = (await client.query<{ signatories: number; entities: number }>(
      `select count(*) filter (where p.role = 'SIGNATORY' and p.country_code is not null and p.entity_id is null)::int as signatories, count(p.entity_id)::int as entities
         from government_action a join participation p on p.action_id = a.id where a.kind = 'JOINT_LETTER' and a.slug like 'gen-%' group by a.id`,
    )).rows;
    expect(letters.length).toBeGreaterThan(0);
    for (const letter of letters) {
      expect(letter.signatories).toBeGreaterThanOrEqual(20);
      expect(letter.signatories).toBeLessThanOrEqual(60);
      expect(letter.entities).toBe(0);
    }
    expect(await count(`select count(distinct kind) as n from government_action where slug like 'gen-%'`)).toBeGreaterThanOrEqual(10);
    const span = await one<{ first: string; last: string }>(`select min(occurred_on)::text as first, max(occurred_on)::text as last from government_action where slug like 'gen-%'`);
    expect(span.first < '2008-01-01').toBe(true);
    expect(span.last > '2025-01-01').toBe(true);

    // Subcategories several levels below the curated ones; about half the entities categorised.
    const depth = await one<{ depth: number }>(
      `with recursive tree(id, depth) as (select id, 0 from technology_category where parent_id is null
         union all select c.id, t.depth + 1 from technology_category c join tree t on c.parent_id = t.id) select max(depth)::int as depth from tree`,
    );
    expect(depth.depth).toBeGreaterThanOrEqual(3);
    const categorised = await count(`select count(distinct t.entity_id) as n from entity_technology t join entity e on e.id = t.entity_id where e.slug like 'gen-%'`);
    expect(categorised / N).toBeGreaterThan(0.4);
    expect(categorised / N).toBeLessThan(0.6);
  });

  it('is deterministic per seed, refuses to add to a generated database, and regenerates with fresh', async () => {
    const before = await fingerprint();
    await expect(generateData({ databaseUrl: url, entities: N, seed: SEED })).rejects.toThrow(/already has synthetic rows.*--fresh/);
    await client.end();
    const again = await generateData({ databaseUrl: url, entities: N, seed: SEED, fresh: true });
    client = await connect();
    expect({ ...again, seconds: 0, phases: [] }).toEqual({ ...report, seconds: 0, phases: [] });
    expect(await fingerprint()).toBe(before);
  });

  it('does not drop, even with fresh, a database it did not create', async () => {
    const other = uniqueDatabaseName('policy_kb_test_gen_foreign');
    await adminQuery(adminUrl, `create database "${other}"`);
    try {
      await adminQuery(withDatabase(adminUrl, other), 'create table precious (id int)');
      await expect(generateData({ databaseUrl: withDatabase(adminUrl, other), entities: N, fresh: true })).rejects.toThrow(/did not create/);
      const c = new Client({ connectionString: withDatabase(adminUrl, other) });
      await c.connect();
      await c.query('select * from precious'); // still there
      await c.end();
    } finally {
      await adminQuery(adminUrl, `drop database if exists "${other}" with (force)`);
    }
  });

  it('serves the generated data: fuzzy search and filtered counts over HTTP', async () => {
    const config = loadConfig({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', MIGRATE: 'false', SEED: 'false' });
    server = await startServer(config, createLogger('silent'));
    const gql = async (query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(`${server!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: any; errors?: unknown };
      expect({ status: response.status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
      return body.data;
    };

    // A company with a unique Latin-script name, searched with two letters of its longest word swapped.
    const target = await one<{ slug: string; name: string }>(
      `select slug, name from entity e where slug like 'gen-%' and kind = 'COMPANY' and name ~ '^[A-Za-z][A-Za-z ,.]+$' and length(name) > 20
          and (select count(*) from entity x where x.name = e.name) = 1 order by id limit 1`,
    );
    const words = target.name.split(' ');
    const longest = words.reduce((best, w, i) => (w.length > words[best].length ? i : best), 0);
    const word = words[longest];
    const at = Math.floor(word.length / 2) - 1;
    words[longest] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    const misspelt = words.join(' ');
    expect(misspelt).not.toBe(target.name);
    const found = await gql(`query($q: String!) { search(query: $q, types: [ENTITY], first: 10) { score node { ... on Entity { slug name } } } }`, { q: misspelt });
    const slugs = (found.search as { node: { slug: string } }[]).map((h) => h.node.slug);
    expect(slugs).toContain(target.slug);
    expect(slugs.indexOf(target.slug)).toBeLessThan(3);

    const data = await gql(`{ entities(filter: { country: ["CN"] }, first: 5) { totalCount nodes { slug } } }`);
    expect(data.entities.totalCount).toBe(await count(`select count(*) as n from entity where country_code = 'CN' and deleted_at is null`));
    expect(data.entities.totalCount).toBeGreaterThan(N / 5);
    expect(data.entities.nodes).toHaveLength(5);
  });

  it('parses its command line', () => {
    expect(parseCount('10k')).toBe(10_000);
    expect(parseCount('1m')).toBe(1_000_000);
    expect(parseCount('2.5M')).toBe(2_500_000);
    expect(parseCount('1_000')).toBe(1000);
    expect(parseCount('ten')).toBeNaN();
    expect(parseArgs(['--entities', '10k'], {})).toEqual({ entities: 10_000, seed: 1, fresh: false, databaseUrl: 'postgres://postgres@127.0.0.1:5432/policy_kb_gen_10k' });
    expect(parseArgs(['--entities=1m', '--seed', '3', '--fresh'], {})).toMatchObject({ entities: 1_000_000, seed: 3, fresh: true, databaseUrl: expect.stringMatching(/\/policy_kb_gen_1m$/) });
    expect(parseArgs(['--entities', '5000'], { DATABASE_URL: 'postgres://u@h:5/x' })).toMatchObject({ databaseUrl: 'postgres://u@h:5/x' });
    expect(() => parseArgs(['--entities', '10k', '--bogus'], {})).toThrow(/--bogus/);
    expect(() => parseArgs(['--entities', 'lots'], {})).toThrow(UsageError);
    expect(() => parseArgs(['--seed', '3'], {})).toThrow(/--entities is required/);
    expect(() => parseArgs(['--entities', '10k', '--database-url', 'mysql://x'], {})).toThrow(/--database-url/);
  });

  it('exits 2 with a usage message on a bad flag', () => {
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/gen-data/index.ts', '--entities', '10k', '--nope'], {
      cwd: path.resolve(__dirname, '..'),
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown flag --nope/);
    expect(result.stderr).toMatch(/Usage: npm run gen:data/);
  });
});
