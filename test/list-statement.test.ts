import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

// The top-level lists (`entities`, `actions`) read a rollup's totalCount in their page
// statement, and compile a first page's statement once per filter, order and selection
// (src/graphql/paginate.ts: countQuery, countWithPage, statementKey). Both must answer exactly as counting
// and reading the rows would, whatever request came before.

let t: TestServer;
beforeAll(async () => {
  // No response cache: every request here must reach the statements.
  t = await startTestServer({ RESPONSE_CACHE_TTL_SECONDS: '0' });
});
afterAll(async () => {
  await t?.stop();
});

const sql = async <T>(text: string, bindings: unknown[] = []) => (await t.server.orm.em.getKnex().raw(text, bindings as never[])).rows as T[];

async function run(query: string, variables?: Record<string, unknown>) {
  const { res, statements } = await t.gqlWithStatements(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { data: res.data as Record<string, any>, statements };
}

const ENTITIES = `query($f: EntityFilter, $first: Int, $after: String) {
  entities(filter: $f, first: $first, after: $after) { totalCount nodes { slug } pageInfo { endCursor hasNextPage } } }`;

/** Live entities a country/kind filter keeps, and their slugs in the list's default order (name, id). */
async function entitiesOf(country: string | null, kind: string | null) {
  const rows = await sql<{ slug: string }>(
    `select slug from entity where deleted_at is null and (?::text is null or country_code = ?) and (?::text is null or kind = ?) order by name, id`,
    [country, country, kind, kind],
  );
  return rows.map((r) => r.slug);
}

describe('top-level lists', () => {
  it('read totalCount from the rollup in the page statement: one statement, the rows’ count', async () => {
    const { data, statements } = await run(ENTITIES, { f: { country: ['CN'], kind: ['COMPANY'] }, first: 2 });
    const expected = await entitiesOf('CN', 'COMPANY');
    expect(expected.length).toBeGreaterThan(2);
    expect(data.entities.totalCount).toBe(expected.length);
    expect(data.entities.nodes.map((n: { slug: string }) => n.slug)).toEqual(expected.slice(0, 2));
    expect(statements, statements.join('\n')).toHaveLength(1);
    expect(statements[0]).toMatch(/entity_count/);

    const actions = await run(`{ actions(filter: { kind: [LISTING] }, first: 1) { totalCount nodes { slug } } }`);
    const [{ n }] = await sql<{ n: string }>(`select count(*) as n from government_action where deleted_at is null and kind = 'LISTING'`);
    expect(actions.data.actions.totalCount).toBe(Number(n));
    expect(actions.statements, actions.statements.join('\n')).toHaveLength(1);
    expect(actions.statements[0]).toMatch(/action_(year_)?count/);
  });

  it('leave the rollup out when totalCount is not asked for, even right after the same page with it', async () => {
    const withTotal = await run(`{ entities(filter: { country: ["CN"] }, first: 3) { totalCount nodes { slug } } }`);
    expect(withTotal.statements[0]).toMatch(/entity_count/);
    const { statements } = await run(`{ entities(filter: { country: ["CN"] }, first: 3) { nodes { slug } } }`);
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toMatch(/entity_count/);
  });

  it('count a page past the last row, which has no row to carry the total', async () => {
    const expected = await entitiesOf('US', null);
    const first = await run(ENTITIES, { f: { country: ['US'] }, first: expected.length });
    expect(first.data.entities.pageInfo.hasNextPage).toBe(false);
    const after = await run(ENTITIES, { f: { country: ['US'] }, first: 5, after: first.data.entities.pageInfo.endCursor });
    expect(after.data.entities.nodes).toEqual([]);
    expect(after.data.entities.totalCount).toBe(expected.length);
  });

  it('answer each filter with its own values when the statement text is reused', async () => {
    // The same shape of request for other values, twice each, interleaved: a statement cached
    // without its values would answer one country's request with another's rows or total.
    for (let round = 0; round < 2; round++) {
      for (const country of ['CN', 'US', 'RU']) {
        const { data } = await run(ENTITIES, { f: { country: [country] }, first: 3 });
        const expected = await entitiesOf(country, null);
        expect(data.entities.totalCount).toBe(expected.length);
        expect(data.entities.nodes.map((n: { slug: string }) => n.slug)).toEqual(expected.slice(0, 3));
      }
    }
  });

  it('reuse one statement text for a repeated first page, and compile pages after a cursor each time', async () => {
    const texts = async (variables: Record<string, unknown>) => (await run(ENTITIES, variables)).statements;
    const [a] = await texts({ f: { kind: ['COMPANY'] }, first: 4 });
    const [b] = await texts({ f: { kind: ['COMPANY'] }, first: 4 });
    expect(b).toBe(a);
    const { data } = await run(ENTITIES, { f: { kind: ['COMPANY'] }, first: 4 });
    const [next] = await texts({ f: { kind: ['COMPANY'] }, first: 4, after: data.entities.pageInfo.endCursor });
    expect(next).not.toBe(a);
    const expected = await entitiesOf(null, 'COMPANY');
    const page2 = await run(ENTITIES, { f: { kind: ['COMPANY'] }, first: 4, after: data.entities.pageInfo.endCursor });
    expect(page2.data.entities.nodes.map((n: { slug: string }) => n.slug)).toEqual(expected.slice(4, 8));
  });
});
