import { Client } from 'pg';
import { connectOrm, migrateUp, redactUrl } from '../../src/db/orm';
import { seedDatabase } from '../../src/seeds/seeder';
import { AuthorityRef, generateActions, ListRef } from './actions';
import { CopyWriter } from './copy';
import { countryTable } from './countries';
import { databaseName, prepareDatabase } from './database';
import { generateEntities } from './entities';
import { dropSecondaryIndexes, recreateIndexes, SavedIndex } from './indexes';
import { Random } from './random';
import { createTechnologyTree } from './technology';
import { planWorld } from './world';

/*
 * A realistic large dataset for load tests and benchmarks: N synthetic entities, N/5 actions,
 * about 3N participations, 0.3N entity relations and their sources, on top of the curated seeds.
 * Rows are streamed with COPY into tables whose secondary indexes were dropped (and are rebuilt
 * afterwards); triggers are skipped during the load (session_replication_role = replica):
 * integrity is checked with queries afterwards instead, and the count rollups are rebuilt.
 */

export interface GenerateOptions {
  databaseUrl: string;
  entities: number;
  /** Seed of the pseudo-random generator; 1 by default. The same seed gives the same data. */
  seed?: number;
  /** Drop and recreate the database first. */
  fresh?: boolean;
  log?: (message: string) => void;
}

export interface GenerateReport {
  database: string;
  entities: number;
  actions: number;
  participations: number;
  relations: number;
  sources: number;
  seconds: number;
  phases: { name: string; seconds: number }[];
}

/** The tables the generator bulk-loads (their secondary indexes are dropped and rebuilt). */
export const LOADED_TABLES = ['entity', 'government_action', 'participation', 'entity_relation', 'source', 'entity_source', 'action_source', 'entity_technology'] as const;

/** Tables with a serial id the generator assigns itself. */
const SERIAL_TABLES = ['entity', 'government_action', 'participation', 'entity_relation', 'source', 'technology_category'] as const;

export const MIN_ENTITIES = 10;

export async function generateData(options: GenerateOptions): Promise<GenerateReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const n = options.entities;
  if (!Number.isSafeInteger(n) || n < MIN_ENTITIES) throw new Error(`entities must be a whole number of at least ${MIN_ENTITIES} (got ${n})`);
  if (n > 50_000_000) throw new Error(`entities must be at most 50,000,000 (got ${n})`);
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be a whole number (got ${seed})`);
  const url = options.databaseUrl;
  const database = databaseName(url);
  const phases: { name: string; seconds: number }[] = [];
  const phase = async <T>(name: string, run: () => Promise<T>, detail?: (result: T) => string): Promise<T> => {
    const t0 = Date.now();
    const result = await run();
    const seconds = (Date.now() - t0) / 1000;
    phases.push({ name, seconds });
    log(`${name}: ${seconds.toFixed(1)} s${detail ? ` (${detail(result)})` : ''}`);
    return result;
  };

  log(`generating ${n.toLocaleString('en-US')} entities (seed ${seed}) into ${redactUrl(url)}`);
  await phase('database', () => prepareDatabase(url, options.fresh ?? false), (created) => (created ? `created ${database}` : `using existing ${database}`));

  await phase('migrate', async () => {
    const orm = await connectOrm(url);
    try {
      const applied = await migrateUp(orm);
      const [row] = await orm.em.getConnection().execute<{ synthetic: boolean }[]>(
        `select exists (select 1 from entity where slug like 'gen-%') or exists (select 1 from government_action where slug like 'gen-%')
             or exists (select 1 from technology_category where slug like 'gen-%') as synthetic`,
      );
      if (row.synthetic) {
        throw new Error(`The database "${database}" already has synthetic rows (slugs "gen-..."); pass --fresh to drop it and generate again`);
      }
      return applied.length;
    } finally {
      await orm.close(true);
    }
  }, (applied) => `${applied} migrations applied`);

  await phase('seed', async () => {
    const orm = await connectOrm(url);
    try {
      return await seedDatabase(orm.em.fork());
    } finally {
      await orm.close(true);
    }
  }, (report) => `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`);

  const main = new Client({ connectionString: url });
  await main.connect();
  const writerClients: Client[] = [];
  let saved: SavedIndex[] | undefined;
  let rebuilt = false;
  try {
    // What the seeds left: ids to continue from, and the reference rows synthetic ones point at.
    const base: Record<string, number> = {};
    for (const table of SERIAL_TABLES) base[table] = Number((await main.query<{ max: string | null }>(`select max(id) as max from "${table}"`)).rows[0].max ?? 0);
    const authorities = new Map(
      (await main.query<{ id: number; slug: string; name: string; country_code: string | null }>(`select id, slug, name, country_code from authority where deleted_at is null`)).rows.map(
        (a): [string, AuthorityRef] => [a.slug, { id: a.id, slug: a.slug, name: a.name, country: a.country_code }],
      ),
    );
    const lists: ListRef[] = (
      await main.query<ListRef>(`select l.id, l.slug, l.name, a.slug as authority from sanctions_list l join authority a on a.id = l.authority_id where l.deleted_at is null order by l.id`)
    ).rows;
    if (!lists.length || !authorities.size) throw new Error('The database has no sanctions lists or authorities: the curated seeds did not load');
    const knownCountries = new Set((await main.query<{ code: string }>(`select code from country`)).rows.map((c) => c.code.trim()));

    // The technology tree first: once it is there, the database counts as generated, so a run
    // interrupted after the indexes are dropped is refused later unless --fresh rebuilds it all.
    const technology = await phase('technology tree', () => createTechnologyTree(main, base.technology_category + 1), (t) => `${t.created} subcategories`);
    saved = await phase('drop indexes', () => dropSecondaryIndexes(main, LOADED_TABLES), (s) => `${s.length} indexes and constraints`);
    const world = await phase('plan', async () => planWorld(n, countryTable(knownCountries), new Random(seed, 1)), () => 'kinds, countries and pools');

    // One connection per COPY, so PostgreSQL ingests every table while Node generates.
    const open = async (table: string, columns: string[]): Promise<CopyWriter> => {
      const client = new Client({ connectionString: url });
      await client.connect();
      writerClients.push(client);
      await client.query(`set session_replication_role = replica`);
      await client.query(`set synchronous_commit = off`);
      return new CopyWriter(client, table, columns);
    };
    const writers = {
      action: await open('government_action', [
        'id', 'slug', 'kind', 'title', 'summary', 'authority_id', 'list_id', 'occurred_on', 'announced_on', 'published_on', 'effective_on', 'ended_on',
        'citation', 'document_number', 'grounds', 'tags', 'verified', 'note',
      ]),
      participation: await open('participation', ['id', 'action_id', 'role', 'entity_id', 'country_code', 'grounds', 'license_requirement', 'license_policy']),
      source: await open('source', ['id', 'kind', 'url', 'title', 'publisher', 'published_on']),
      actionSource: await open('action_source', ['action_id', 'source_id']),
      entity: await open('entity', ['id', 'slug', 'kind', 'name', 'aliases', 'country_code', 'addresses', 'identifiers', 'description', 'website', 'verified', 'note', 'search_text', 'name_key']),
      entitySource: await open('entity_source', ['entity_id', 'source_id']),
      entityTechnology: await open('entity_technology', ['entity_id', 'technology_category_id']),
      entityRelation: await open('entity_relation', ['id', 'from_id', 'to_id', 'kind', 'since', 'until']),
    };
    const all = Object.values(writers);
    let actions;
    let entities;
    try {
      actions = await phase(
        'actions',
        () =>
          generateActions(
            {
              world,
              entityIdBase: base.entity,
              actionIdBase: base.government_action,
              participationIdBase: base.participation,
              sourceIdBase: base.source,
              authorities,
              lists,
              knownCountries,
              random: new Random(seed, 2),
            },
            writers,
          ),
        (a) => `${a.actions.toLocaleString('en-US')} actions, ${a.participations.toLocaleString('en-US')} participations`,
      );
      const named = actions.firstAction.reduce((count, first) => count + (first >= 0 ? 1 : 0), 0);
      let maxDegree = 0;
      for (const d of actions.degree) if (d > maxDegree) maxDegree = d;
      log(`  ${named.toLocaleString('en-US')} entities named by at least one action; the most named is in ${maxDegree}`);
      const actionSources = actions.sources;
      entities = await phase(
        'entities',
        () =>
          generateEntities(
            {
              world,
              entityIdBase: base.entity,
              relationIdBase: base.entity_relation,
              sourceIdBase: base.source + actionSources,
              technology,
              actions: actions!,
              random: new Random(seed, 3),
            },
            writers,
          ),
        (e) => `${e.entities.toLocaleString('en-US')} entities, ${e.relations.toLocaleString('en-US')} relations, ${e.technologyLinks.toLocaleString('en-US')} technology links`,
      );
      await phase('copy', () => Promise.all(all.map((w) => w.end())), () => all.map((w) => `${w.table} ${w.rows.toLocaleString('en-US')}`).join(', '));
    } catch (error) {
      for (const w of all) w.abort();
      throw error;
    }

    await phase('indexes', () => recreateIndexes(url, saved!, { parallel: 2, maintenanceWorkMem: '1GB', log }), () => `${saved!.length} rebuilt`);
    rebuilt = true;
    // The COPY ran without triggers, so the search tables (kept by triggers) are counted once, here.
    await phase(
      'action search tables',
      async () => Number((await main.query<{ titles: string }>('select action_search_rebuild() as titles')).rows[0].titles),
      (titles) => `${titles.toLocaleString('en-US')} distinct titles`,
    );
    await phase(
      'search vocabulary',
      async () => Number((await main.query<{ words: string }>('select search_word_rebuild() as words')).rows[0].words),
      (words) => `${words.toLocaleString('en-US')} words`,
    );
    await phase('sequences', () => setSequences(main), () => SERIAL_TABLES.join(', '));
    await phase('integrity', () => checkIntegrity(main), (checks) => `${checks} checks passed`);
    // The load ran with triggers off, so the count rollups (kept by triggers) start over.
    await phase('count rollups', () => main.query('select refresh_count_rollups()'), () => 'action_count, entity_count');
    // VACUUM too, not only ANALYZE: it sets the visibility map and hint bits now, rather than
    // leaving the first queries of a benchmark (or a late autovacuum) to do it.
    await phase(
      'vacuum analyze',
      async () => {
        await main.query(`vacuum (analyze) ${LOADED_TABLES.map((t) => `"${t}"`).join(', ')}`);
        await main.query('analyze technology_category');
      },
      () => 'visibility map and planner statistics',
    );

    const report: GenerateReport = {
      database,
      entities: entities.entities,
      actions: actions.actions,
      participations: actions.participations,
      relations: entities.relations,
      sources: actions.sources + entities.sources,
      seconds: (Date.now() - started) / 1000,
      phases,
    };
    log(`done in ${report.seconds.toFixed(1)} s`);
    return report;
  } catch (error) {
    if (saved && !rebuilt) {
      // Leave the schema whole even when the data is not: put the dropped indexes back.
      log('failed; recreating the dropped indexes before giving up');
      await recreateIndexes(url, saved, { parallel: 1 }).catch((e: unknown) => log(`  could not recreate every index: ${e instanceof Error ? e.message : String(e)}`));
    }
    throw error;
  } finally {
    await Promise.allSettled(writerClients.map((c) => c.end()));
    await main.end();
  }
}

async function setSequences(client: Client): Promise<void> {
  for (const table of SERIAL_TABLES) {
    await client.query(`select setval(pg_get_serial_sequence($1, 'id'), greatest((select max(id) from "${table}"), 1))`, [table]);
  }
}

/**
 * Foreign keys were not enforced during the load: check every one of the loaded tables with an
 * anti-join, plus the project rule that every entity and action cites a source. Throws on any
 * orphan row.
 */
async function checkIntegrity(client: Client): Promise<number> {
  const { rows: keys } = await client.query<{ name: string; child: string; columns: string[]; parent: string; parent_columns: string[] }>(
    `select c.conname as name, cl.relname as child, pcl.relname as parent,
            array_agg(a.attname::text order by k.ord) as columns, array_agg(pa.attname::text order by k.ord) as parent_columns
       from pg_constraint c
       join pg_class cl on cl.oid = c.conrelid
       join pg_class pcl on pcl.oid = c.confrelid
       cross join lateral unnest(c.conkey, c.confkey) with ordinality as k(child_att, parent_att, ord)
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.child_att
       join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = k.parent_att
      where c.contype = 'f' and cl.relname = any($1) and cl.relnamespace = 'public'::regnamespace
      group by c.conname, cl.relname, pcl.relname
      order by cl.relname, c.conname`,
    [LOADED_TABLES],
  );
  const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
  const problems: string[] = [];
  for (const key of keys) {
    const notNull = key.columns.map((c) => `x.${q(c)} is not null`).join(' and ');
    const match = key.columns.map((c, i) => `y.${q(key.parent_columns[i])} = x.${q(c)}`).join(' and ');
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${q(key.child)} x where ${notNull} and not exists (select 1 from ${q(key.parent)} y where ${match})`);
    if (Number(rows[0].n)) problems.push(`${rows[0].n} ${key.child} rows break ${key.name} (no matching ${key.parent})`);
  }
  const rules: [string, string][] = [
    ['synthetic entities without a source', `select count(*) as n from entity e where e.slug like 'gen-%' and not exists (select 1 from entity_source s where s.entity_id = e.id)`],
    ['synthetic actions without a source', `select count(*) as n from government_action a where a.slug like 'gen-%' and not exists (select 1 from action_source s where s.action_id = a.id)`],
  ];
  for (const [label, sql] of rules) {
    const { rows } = await client.query<{ n: string }>(sql);
    if (Number(rows[0].n)) problems.push(`${rows[0].n} ${label}`);
  }
  if (problems.length) throw new Error(`Integrity check failed after loading:\n  ${problems.join('\n  ')}`);
  return keys.length + rules.length;
}
