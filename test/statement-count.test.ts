import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

/** Runs one request and returns its response with the SQL statements the server ran for it. */
async function counted(query: string, variables: Record<string, unknown>) {
  const { res, statements } = await t.gqlWithStatements(query, variables);
  expect(res.errors).toBeUndefined();
  // Placeholder lists grow with the batch; the shape of the statement is what must not repeat.
  return { res, statements: statements.map((sql) => sql.replace(/\$\d+/g, '?').replace(/in \(\?(, \?)*\)/g, 'in (…)')) };
}

/** The statements of the bigger page that the smaller one did not run: the per-row queries, if any. */
function extra(small: string[], big: string[]): string[] {
  const left = [...small];
  return big.filter((sql) => {
    const i = left.indexOf(sql);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

const ENTITIES = `query($first: Int) {
  entities(first: $first) {
    nodes {
      name
      participations(first: 5) {
        nodes {
          role
          grounds
          action {
            title
            occurredOn
            authority { name country { code } }
            list { slug }
            technologies { slug }
          }
        }
      }
      technologies { slug }
      country { name }
      sources { url }
      listings { since list { slug } }
    }
  }
}`;

// Ordered by target count, so that the small page too has actions with relations and targets:
// newest first, the five latest actions have no relations, and the related actions' loader
// would only run for the bigger page (one batched statement more, but not one per row).
const ACTIONS = `query($first: Int) {
  actions(first: $first, orderBy: [{ field: TARGET_COUNT, direction: DESC }]) {
    nodes {
      title
      targets(first: 10) { nodes { entity { name technologies { slug } } } }
      signatories { code }
      related { action { title } }
    }
  }
}`;

describe('SQL statements per request (no N+1)', () => {
  it('resolvers share the server knex instance, so its query event sees every statement', () => {
    expect(t.server.orm.em.fork().getKnex()).toBe(t.server.orm.em.getKnex());
  });

  const cases = [
    { name: 'entities', query: ENTITIES, root: 'entities', small: 10, big: 70 },
    { name: 'actions', query: ACTIONS, root: 'actions', small: 5, big: 24 },
  ];
  for (const c of cases) {
    it(`runs as many statements for ${c.name}(first: ${c.big}) as for ${c.name}(first: ${c.small})`, async () => {
      // Warm up first: reference tables (countries, authorities...) are read once per pool, not per request.
      await t.gql(c.query, { first: 1 });
      const small = await counted(c.query, { first: c.small });
      const big = await counted(c.query, { first: c.big });
      expect(small.res.data![c.root].nodes).toHaveLength(c.small);
      expect(big.res.data![c.root].nodes).toHaveLength(c.big);
      console.log(`${c.name}: first ${c.small} -> ${small.statements.length} statements, first ${c.big} -> ${big.statements.length} statements`);
      const perRow = extra(small.statements, big.statements);
      expect(perRow, `statements only the bigger page ran:\n${perRow.join('\n')}`).toEqual([]);
      expect(big.statements.length).toBe(small.statements.length);
    });
  }
});

describe('actionStats counts its facets in one statement', () => {
  it('total, by kind, authority, issuing country and year: one grouped statement, the same answers as counting by hand', async () => {
    const { res, statements } = await counted('{ actionStats { total byKind { key count } byAuthority { key label count } byIssuingCountry { key count } byYear { key count } } }', {});
    expect(statements).toHaveLength(1);
    const stats = res.data!.actionStats;
    const sql = (q: string) => t.server.orm.em.getConnection().execute<{ key: string; n: string }[]>(q);
    const byKind = await sql(`select kind as key, count(*) as n from government_action where deleted_at is null group by kind order by n desc, key`);
    expect(stats.byKind).toEqual(byKind.map((r) => ({ key: r.key, count: Number(r.n) })));
    expect(stats.total).toBe(byKind.reduce((sum, r) => sum + Number(r.n), 0));
    const byYear = await sql(`select extract(year from occurred_on)::int::text as key, count(*) as n from government_action where deleted_at is null group by 1 order by 1`);
    expect(stats.byYear).toEqual(byYear.map((r) => ({ key: r.key, count: Number(r.n) })));
    const sum = (facets: { count: number }[]) => facets.reduce((s, f) => s + f.count, 0);
    expect(sum(stats.byAuthority)).toBe(stats.total);
    expect(stats.byAuthority.find((f: { key: string }) => f.key === 'us-bis').label).toBe('Bureau of Industry and Security');
    expect(stats.byIssuingCountry.map((f: { key: string }) => f.key)).toContain('US');
  });

  it('a total alone is one count', async () => {
    const { res, statements } = await counted('{ actionStats(filter: { kind: [LISTING] }) { total } }', {});
    expect(statements).toHaveLength(1);
    expect(res.data!.actionStats.total).toBeGreaterThan(0);
  });
});

describe('search across every type', () => {
  it('runs one statement for entities and one for actions; the four reference tables are scored from their cache', async () => {
    // Warm the reference-table cache (its refresh is a statement per table, once per 10 s).
    await counted('{ search(query: "warm", types: [COUNTRY, TECHNOLOGY, AUTHORITY, LIST]) { score } }', {});
    const { res, statements } = await counted('{ search(query: "Bureau of Industry and Security", first: 10) { score matched node { __typename } } }', {});
    expect(statements).toHaveLength(2);
    expect(res.data!.search[0]).toEqual({ score: 1, matched: 'Bureau of Industry and Security', node: { __typename: 'Authority' } });
    const codes = await counted('{ search(query: "CN", first: 3, types: [COUNTRY, LIST]) { score matched node { __typename } } }', {});
    expect(codes.statements).toHaveLength(0);
    expect(codes.res.data!.search[0]).toEqual({ score: 1, matched: 'CN', node: { __typename: 'Country' } });
  });
});
