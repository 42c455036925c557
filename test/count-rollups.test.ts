import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupAnswers } from '../src/modules/action/action-count-rollup';
import { entityRollupAnswers } from '../src/modules/entity/entity-count-rollup';
import { ActionKind } from '../src/modules/action/action-kinds';
import { Role } from '../src/modules/auth/role';
import { KeyedClient, keyedClient } from './helpers/keys';
import { startTestServer, TestServer } from './helpers/server';

/*
 * The action_count and entity_count rollups are kept by triggers; timelines, action stats and
 * country/kind entity counts read them. Each test compares them with counts made from the rows
 * themselves, after writes through the API and through plain SQL.
 */

let t: TestServer;
let client: KeyedClient;

beforeAll(async () => {
  // Rows are changed by SQL below, behind the response cache's back.
  t = await startTestServer({ RESPONSE_CACHE_TTL_SECONDS: '0' });
  client = await keyedClient(t, 'rollups');
});
afterAll(async () => {
  await t?.stop();
});

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => t.server.orm.em.getConnection().execute<T[]>(query, params);

/** Rollup rows that differ from a fresh count of the live rows (none when the rollups are right). */
async function drift(): Promise<{ actions: unknown[]; entities: unknown[] }> {
  const actions = await sql(`
    with fresh as (select date_trunc('month', occurred_on)::date as month, kind, authority_id, coalesce(list_id, 0) as list_id, count(*) as n
                   from government_action where deleted_at is null group by 1, 2, 3, 4)
    select * from fresh full join action_count r using (month, kind, authority_id, list_id) where fresh.n is distinct from r.n`);
  const years = await sql(`
    with fresh as (select date_trunc('year', occurred_on)::date as year, kind, authority_id, coalesce(list_id, 0) as list_id, count(*) as n
                   from government_action where deleted_at is null group by 1, 2, 3, 4)
    select * from fresh full join action_year_count r using (year, kind, authority_id, list_id) where fresh.n is distinct from r.n`);
  const entities = await sql(`
    with fresh as (select coalesce(country_code, '') as country_code, kind, count(*) as n from entity where deleted_at is null group by 1, 2)
    select * from fresh full join entity_count r using (country_code, kind) where fresh.n is distinct from r.n`);
  return { actions: [...actions, ...years], entities };
}

describe('count rollups', () => {
  it('match the seeded rows', async () => {
    expect(await drift()).toEqual({ actions: [], entities: [] });
    const [{ n }] = await sql<{ n: string }>('select sum(n) as n from action_count');
    expect(Number(n)).toBeGreaterThan(10);
  });

  it('follow creates, updates, soft deletes and merges through the API', async () => {
    const created = await client.as(Role.EDITOR, 'mutation($input: EntityInput!) { createEntity(input: $input) { entity { id version } userErrors { message } } }', {
      input: { name: 'Rollup Test Optics Co', kind: 'COMPANY', country: 'CN', sources: [{ kind: 'OTHER', url: 'https://example.org/rollup-1', title: 'test' }] },
    });
    const entity = created.body.data.createEntity.entity;
    expect(created.body.data.createEntity.userErrors).toEqual([]);
    const action = await client.as(Role.EDITOR, 'mutation($input: ActionInput!) { createAction(input: $input) { action { id version } userErrors { message } } }', {
      input: {
        kind: 'LISTING',
        title: 'Rollup test listing',
        authority: 'us-bis',
        list: 'us-entity-list',
        occurredOn: '2098-03-15',
        participants: [{ role: 'TARGET', entity: entity.id }],
        sources: [{ kind: 'OTHER', url: 'https://example.org/rollup-2', title: 'test' }],
      },
    });
    const created2 = action.body.data.createAction;
    expect(created2.userErrors).toEqual([]);
    expect(await drift()).toEqual({ actions: [], entities: [] });
    const months = await client.as(null, '{ timeline(granularity: MONTH, filter: { kind: [LISTING], occurredBetween: { from: "2098-01-01" } }) { total buckets { start count } } }');
    expect(months.body.data.timeline).toEqual({ total: 1, buckets: [{ start: '2098-03-01', count: 1 }] });

    // Moving the action to another month and kind moves its count.
    const moved = await client.as(Role.EDITOR, 'mutation($id: ID!, $input: ActionInput!) { updateAction(id: $id, expectedVersion: 1, input: $input) { action { kind } userErrors { message } } }', {
      id: created2.action.id,
      input: { kind: 'STATEMENT', occurredOn: '2098-05-02', list: null },
    });
    expect(moved.body.data.updateAction.userErrors).toEqual([]);
    expect(await drift()).toEqual({ actions: [], entities: [] });

    // Changing an entity's country moves it between country counts.
    const updated = await client.as(Role.EDITOR, 'mutation($id: ID!, $input: EntityInput!) { updateEntity(id: $id, expectedVersion: 1, input: $input) { userErrors { message } } }', { id: entity.id, input: { country: 'HK' } });
    expect(updated.body.data.updateEntity.userErrors).toEqual([]);
    expect(await drift()).toEqual({ actions: [], entities: [] });

    const [hik, dup] = await Promise.all(
      ['Rollup Dup A', 'Rollup Dup B'].map(async (name) => {
        const res = await client.as(Role.EDITOR, 'mutation($input: EntityInput!) { createEntity(input: $input) { entity { id } } }', {
          input: { name, kind: 'COMPANY', country: 'CN', sources: [{ kind: 'OTHER', url: `https://example.org/${name.replace(/ /g, '-')}`, title: 'test' }] },
        });
        return res.body.data.createEntity.entity.id as string;
      }),
    );
    const merged = await client.as(Role.EDITOR, 'mutation($k: ID!, $d: ID!) { mergeEntities(keepId: $k, duplicateId: $d) { userErrors { message } } }', { k: hik, d: dup });
    expect(merged.body.data.mergeEntities.userErrors).toEqual([]);
    expect(await drift()).toEqual({ actions: [], entities: [] });

    const deleted = await client.as(Role.EDITOR, 'mutation($id: ID!) { deleteAction(id: $id, reason: "test") { userErrors { message } } }', { id: created2.action.id });
    expect(deleted.body.data.deleteAction.userErrors).toEqual([]);
    const gone = await client.as(Role.EDITOR, 'mutation($id: ID!) { deleteEntity(id: $id, reason: "test") { userErrors { message } } }', { id: entity.id });
    expect(gone.body.data.deleteEntity.userErrors).toEqual([]);
    expect(await drift()).toEqual({ actions: [], entities: [] });
  });

  it('follow multi-row SQL updates and deletes that touch many keys in one statement', async () => {
    await sql(`update government_action set occurred_on = occurred_on + 40 where kind in ('LISTING', 'JOINT_LETTER')`);
    await sql(`update entity set kind = 'RESEARCH_INSTITUTE' where country_code = 'CN' and kind = 'COMPANY' and id % 2 = 0`);
    expect(await drift()).toEqual({ actions: [], entities: [] });
    await sql(`update government_action set deleted_at = now() where kind = 'STATEMENT'`);
    expect(await drift()).toEqual({ actions: [], entities: [] });
    // A key whose count reaches zero disappears, so "months with actions" are the rows there are.
    const [{ zero }] = await sql<{ zero: string }>(
      'select (select count(*) from action_count where n <= 0) + (select count(*) from action_year_count where n <= 0) + (select count(*) from entity_count where n <= 0) as zero',
    );
    expect(Number(zero)).toBe(0);
  });

  it('give the same timeline, stats and totals as counting the rows', async () => {
    // occurredBetween from a day that is not the first of a month cannot use the rollup: the
    // same question asked both ways must agree (no action predates 1900).
    const query = `query($f: ActionFilter) {
      timeline(granularity: QUARTER, filter: $f) { total buckets { start count byKind { kind count } } }
      years: timeline(granularity: YEAR, filter: $f) { total buckets { start count byKind { kind count } } }
      actionStats(filter: $f) { total byKind { key count } byAuthority { key count } byIssuingCountry { key count } byYear { key count } }
      actions(filter: $f, first: 1) { totalCount } }`;
    for (const filter of [{}, { kind: ['LISTING'] }, { authority: ['us-bis'] }, { issuingCountry: ['US'], kind: ['LISTING', 'DELISTING'] }]) {
      const viaRollup = await client.as(null, query, { f: { ...filter, occurredBetween: { from: '1900-01-01' } } });
      const viaRows = await client.as(null, query, { f: { ...filter, occurredBetween: { from: '1900-01-02' } } });
      expect(viaRollup.body.errors).toBeUndefined();
      expect(viaRollup.body.data).toEqual(viaRows.body.data);
      expect(viaRollup.body.data.actions.totalCount).toBeGreaterThan(0);
      // The action list counts through another path: the totals follow each filter (timeline
      // and stats statements are compiled once per filter, statement-cache.ts).
      const { timeline, years, actionStats, actions } = viaRollup.body.data;
      expect([timeline.total, years.total, actionStats.total]).toEqual([actions.totalCount, actions.totalCount, actions.totalCount]);
    }
    const entities = await client.as(null, '{ cn: entities(filter: { country: ["CN"], kind: [COMPANY] }) { totalCount } all: entities { totalCount } stats: entityStats(filter: { country: ["CN"] }) { total byKind { key count } byCountry { key count } } }');
    const [fresh] = await sql<{ cn: string; all: string; cnAll: string }>(
      `select count(*) filter (where country_code = 'CN' and kind = 'COMPANY') as cn, count(*) as all, count(*) filter (where country_code = 'CN') as "cnAll" from entity where deleted_at is null`,
    );
    expect(entities.body.errors).toBeUndefined();
    expect(entities.body.data.cn.totalCount).toBe(Number(fresh.cn));
    expect(entities.body.data.all.totalCount).toBe(Number(fresh.all));
    expect(entities.body.data.stats.total).toBe(Number(fresh.cnAll));
    expect(entities.body.data.stats.byCountry).toEqual([{ key: 'CN', count: Number(fresh.cnAll) }]);
  });
});

describe('which filters the rollups answer', () => {
  it('actions: only key columns and whole months', () => {
    expect(rollupAnswers(null)).toBe(true);
    expect(rollupAnswers({ kind: [ActionKind.LISTING], authority: ['us-bis'], list: ['us-entity-list'], issuingCountry: ['US'], includeDeleted: false })).toBe(true);
    expect(rollupAnswers({ occurredBetween: { from: '2019-01-01', to: '2019-12-31' } })).toBe(true);
    expect(rollupAnswers({ occurredBetween: { from: '2020-02-01', to: '2020-02-29' } })).toBe(true);
    expect(rollupAnswers({ occurredBetween: { from: '2019-01-02' } })).toBe(false);
    expect(rollupAnswers({ occurredBetween: { to: '2019-02-27' } })).toBe(false);
    expect(rollupAnswers({ occurredBetween: { from: '2019-01-01', to: '2020-12-31' } }, 'year')).toBe(true);
    expect(rollupAnswers({ occurredBetween: { from: '2019-02-01' } }, 'year')).toBe(false);
    expect(rollupAnswers({ occurredBetween: { to: '2019-11-30' } }, 'year')).toBe(false);
    expect(rollupAnswers({ includeDeleted: true })).toBe(false);
    expect(rollupAnswers({ entity: ['x'] })).toBe(false);
    expect(rollupAnswers({ text: 'x' })).toBe(false);
    expect(rollupAnswers({ technology: ['x'] })).toBe(false);
  });

  it('entities: only kind and country', () => {
    expect(entityRollupAnswers(undefined)).toBe(true);
    expect(entityRollupAnswers({ country: ['CN'], includeDeleted: false })).toBe(true);
    expect(entityRollupAnswers({ country: ['CN'], text: 'hik' })).toBe(false);
    expect(entityRollupAnswers({ includeDeleted: true })).toBe(false);
    expect(entityRollupAnswers({ activeOn: '2020-01-01' })).toBe(false);
  });
});
