import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectOrm } from '../src/db/orm';
import { seedDatabase } from '../src/seeds/seeder';
import { cloneTemplate } from './helpers/database';

let orm: MikroORM;
let drop: () => Promise<void>;
beforeAll(async () => {
  const db = await cloneTemplate(inject('adminUrl'), inject('templateDatabase'));
  drop = db.drop;
  orm = await connectOrm(db.url);
});
afterAll(async () => {
  await orm?.close(true);
  await drop?.();
});

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(query, params);

/** Every row's version and updated_at, to prove a second seed run touches nothing. */
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const table of ['entity', 'government_action', 'participation', 'source', 'authority', 'sanctions_list', 'technology_category']) {
    const rows = await sql(`select id, version, updated_at from "${table}" order by id`);
    parts.push(`${table}:${JSON.stringify(rows)}`);
  }
  for (const table of ['entity_source', 'action_source', 'entity_technology', 'entity_relation', 'action_relation', 'country']) {
    const [row] = await sql<{ n: string }>(`select count(*) as n from "${table}"`);
    parts.push(`${table}:${row.n}`);
  }
  return parts.join('\n');
}

describe('the curated seeds', () => {
  it('are idempotent: a second run creates and updates nothing', async () => {
    const before = await fingerprint();
    const report = await seedDatabase(orm.em.fork());
    expect(report.created).toBe(0);
    expect(report.updated).toBe(0);
    expect(report.unchanged).toBeGreaterThan(500);
    expect(await fingerprint()).toBe(before);
  });

  it('put back a record a curator changed by hand (upsert by slug)', async () => {
    await sql(`update entity set name = 'Renamed', version = version + 1 where slug = 'cn-hikvision'`);
    const report = await seedDatabase(orm.em.fork());
    expect(report.updated).toBeGreaterThanOrEqual(1);
    const [row] = await sql<{ name: string }>(`select name from entity where slug = 'cn-hikvision'`);
    expect(row.name).toBe('Hikvision');
  });

  it('give every action and entity a source', async () => {
    const unsourced = await sql(`
      select slug from entity e where not exists (select 1 from entity_source s where s.entity_id = e.id)
      union all
      select slug from government_action a where not exists (select 1 from action_source s where s.action_id = a.id)`);
    expect(unsourced).toEqual([]);
  });
});

describe('database constraints reject bad rows', () => {
  const rejects = async (query: string, pattern: RegExp) => {
    await expect(sql(query)).rejects.toThrow(pattern);
  };

  it('a participation must name exactly one of entity and country', async () => {
    await rejects(
      `insert into participation (action_id, role, entity_id, country_code) select a.id, 'TARGET', e.id, 'CN' from government_action a, entity e limit 1`,
      /participation_one_participant/,
    );
    await rejects(`insert into participation (action_id, role) select id, 'TARGET' from government_action limit 1`, /participation_one_participant/);
  });

  it('slugs are unique, foreign keys hold, enums and self-relations are refused', async () => {
    await rejects(`insert into entity (slug, kind, name) values ('cn-hikvision', 'COMPANY', 'Copy')`, /entity_slug_unique/);
    await rejects(`insert into entity (slug, kind, name, country_code) values ('x-1', 'COMPANY', 'X', 'QQ')`, /entity_country_code_foreign/);
    await rejects(`insert into entity (slug, kind, name) values ('x-2', 'SPACESHIP', 'X')`, /check constraint/);
    await rejects(`insert into entity_relation (from_id, to_id, kind) select id, id, 'AFFILIATE_OF' from entity limit 1`, /entity_relation_not_self/);
    await rejects(`delete from authority where slug = 'us-bis'`, /foreign key/);
  });

  it('enables pg_trgm and unaccent', async () => {
    const rows = await sql<{ extname: string }>(`select extname from pg_extension where extname in ('pg_trgm', 'unaccent') order by extname`);
    expect(rows.map((r) => r.extname)).toEqual(['pg_trgm', 'unaccent']);
  });
});
