import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

// entity(slug) reads the entity's first page of participations in the statement that finds it
// (src/modules/entity/entity-page-statement.ts); entity(id) reads them field by field. Both
// must answer the same, and the slug path must really be one statement.

let t: TestServer;
/** The seeded entity named by the most actions. */
let slug: string;
beforeAll(async () => {
  t = await startTestServer();
  const [row] = await t.server.orm.em
    .getConnection()
    .execute<{ slug: string }[]>(`select e.slug from entity e join participation p on p.entity_id = e.id and p.deleted_at is null where e.deleted_at is null group by e.id order by count(*) desc, e.slug limit 1`);
  slug = row.slug;
});
afterAll(async () => {
  await t?.stop();
});

const PAGE_FIELDS = `
  totalCount
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { role grounds nameAsListed createdAt action { slug kind title occurredOn tags createdAt authority { name } } } }`;

/** The same selection through entity(slug) (one statement) and entity(id) (field by field). */
async function bothWays(slug: string, args: string) {
  const { id } = (await t.gql(`{ entity(slug: "${slug}") { id } }`)).data!.entity;
  const selection = `slug name aliases kind country { code name } participations${args} { ${PAGE_FIELDS} }`;
  const bySlug = await t.gql(`{ entity(slug: "${slug}") { ${selection} } }`);
  const byId = await t.gql(`query($id: ID!) { entity(id: $id) { ${selection} } }`, { id });
  return { bySlug, byId };
}

async function statementsOf(query: string): Promise<string[]> {
  const { res, statements } = await t.gqlWithStatements(query);
  expect(res.errors).toBeUndefined();
  return statements;
}

describe('the entity page in one statement', () => {
  it('entity(slug) with its participations, their actions and authorities is one statement', async () => {
    const query = (first: number) => `{ entity(slug: "${slug}") { slug name country { code name } participations(first: ${first}) { totalCount nodes { role grounds action { slug title authority { name } } } } } }`;
    // The reference-table cache (countries, authorities) fills on first use; another page size,
    // so the second request is not answered from the response cache.
    await statementsOf(query(49));
    const statements = await statementsOf(query(50));
    expect(statements, statements.join('\n')).toHaveLength(1);
    expect(statements[0]).toMatch(/json_agg/);
  });

  it('reads the page size from a variable, in one statement, on every run (graphql-js first, then compiled)', async () => {
    const query = `query($slug: String!, $n: Int) { entity(slug: $slug) { participations(first: $n) { totalCount nodes { role action { slug } } } } }`;
    const { id } = (await t.gql(`{ entity(slug: "${slug}") { id } }`)).data!.entity;
    const byId = await t.gql(`query($id: ID!) { entity(id: $id) { participations(first: 2) { totalCount nodes { role action { slug } } } } }`, { id });
    // Each size once, so that no answer comes from the response cache.
    for (const n of [2, 3, 4]) {
      const { res, statements } = await t.gqlWithStatements(query, { slug, n });
      expect(res.errors).toBeUndefined();
      expect(res.data!.entity.participations.nodes).toHaveLength(n);
      if (n === 2) expect(res.data).toEqual(byId.data);
      expect(statements).toHaveLength(1);
    }
  });

  for (const args of ['', '(first: 50)', '(first: 2)', '(first: 1)', '(first: 0)', '(last: 2)', '(first: 100)']) {
    it(`answers participations${args} exactly as the field-by-field path does`, async () => {
      const { bySlug, byId } = await bothWays(slug, args);
      expect(bySlug.errors).toBeUndefined();
      expect(bySlug.data).toEqual(byId.data);
      const page = bySlug.data!.entity.participations;
      expect(page.totalCount).toBeGreaterThan(2);
      // The dates come back as JSON text in this path: they must still be the same instants.
      if (page.edges.length) expect(new Date(page.edges[0].node.createdAt).getTime()).not.toBeNaN();
    });
  }

  it('a cursor from the one-statement page continues in the field-by-field path', async () => {
    const first = (await t.gql(`{ entity(slug: "${slug}") { participations(first: 2) { edges { cursor node { action { slug } } } } } }`)).data!.entity.participations.edges;
    const next = await t.gql(`query($after: String) { entity(slug: "${slug}") { participations(first: 2, after: $after) { edges { node { action { slug } } } } } }`, { after: first[1].cursor });
    const all = (await t.gql(`{ entity(slug: "${slug}") { participations(first: 4) { edges { node { action { slug } } } } } }`)).data!.entity.participations.edges;
    expect([...first.map((e: any) => e.node), ...next.data!.entity.participations.edges.map((e: any) => e.node)]).toEqual(all.map((e: any) => e.node));
  });

  it('an entity without participations has an empty page and a zero count', async () => {
    const empty = (await t.server.orm.em.getConnection().execute<{ slug: string }[]>(`select e.slug from entity e where e.deleted_at is null and not exists (select 1 from participation p where p.entity_id = e.id and p.deleted_at is null) order by e.slug limit 1`))[0]?.slug;
    expect(empty).toBeTruthy();
    const { bySlug, byId } = await bothWays(empty, '(first: 10)');
    expect(bySlug.data).toEqual(byId.data);
    expect(bySlug.data!.entity.participations).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('leaves role and filter arguments, cursors and aliased pages to the field resolver, with the same answers', async () => {
    for (const args of ['(role: [TARGET], first: 3)', '(filter: { kind: [LISTING] }, first: 3)']) {
      const { bySlug, byId } = await bothWays(slug, args);
      expect(bySlug.errors).toBeUndefined();
      expect(bySlug.data).toEqual(byId.data);
    }
    const aliased = await t.gql(`{ entity(slug: "${slug}") { a: participations(first: 1) { totalCount nodes { action { slug } } } b: participations(first: 3) { totalCount nodes { action { slug } } } } }`);
    expect(aliased.errors).toBeUndefined();
    const { a, b } = aliased.data!.entity;
    expect(a.totalCount).toBe(b.totalCount);
    expect(a.nodes).toEqual(b.nodes.slice(0, 1));
  });

  it('a page size out of range, or first with last, is still refused by the field, naming the argument, on both paths', async () => {
    for (const [args, argument] of [['(first: 500)', 'first'], ['(first: 2, last: 2)', 'last']]) {
      const { bySlug, byId } = await bothWays(slug, args);
      expect(bySlug.errors?.[0]).toMatchObject({ path: ['entity', 'participations'], extensions: { code: 'BAD_USER_INPUT', argument } });
      expect(bySlug.errors?.[0].message).toBe(byId.errors?.[0].message);
    }
  });

  it('an unknown slug is null, as before', async () => {
    const res = await t.gql('{ entity(slug: "no-such-entity") { slug participations(first: 5) { totalCount } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity).toBeNull();
  });
});
