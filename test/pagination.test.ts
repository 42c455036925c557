import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

interface PageResult {
  ids: string[];
  startCursor: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** Walks a connection forward with first/after, then backward with last/before. */
async function walk(fetchPage: (args: Record<string, unknown>) => Promise<PageResult>, size: number) {
  const forward: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let total = 0;
  for (;;) {
    const page = await fetchPage({ first: size, after });
    total = page.totalCount;
    forward.push(...page.ids);
    pages++;
    expect(page.hasPreviousPage).toBe(after !== null);
    if (!page.hasNextPage) break;
    after = page.endCursor;
    expect(pages).toBeLessThan(200);
  }
  const backward: string[] = [];
  let before: string | null = null;
  for (;;) {
    const page = await fetchPage({ last: size, before });
    backward.unshift(...page.ids);
    expect(page.hasNextPage).toBe(before !== null);
    if (!page.hasPreviousPage) break;
    before = page.startCursor;
  }
  return { forward, backward, total };
}

const PAGE = 'totalCount pageInfo { startCursor endCursor hasNextPage hasPreviousPage } edges { cursor node { id } }';
const toResult = (conn: any): PageResult => ({
  ids: conn.edges.map((e: any) => e.node.id),
  startCursor: conn.pageInfo.startCursor,
  endCursor: conn.pageInfo.endCursor,
  hasNextPage: conn.pageInfo.hasNextPage,
  hasPreviousPage: conn.pageInfo.hasPreviousPage,
  totalCount: conn.totalCount,
});

describe('Relay pagination', () => {
  const orders = [
    { name: 'entities by name', query: `query($first: Int, $after: String, $last: Int, $before: String) { c: entities(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }` },
    {
      name: 'entities by first targeted date, descending',
      query: `query($first: Int, $after: String, $last: Int, $before: String) { c: entities(orderBy: [{field: FIRST_TARGETED_ON, direction: DESC}], first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }`,
    },
    { name: 'actions newest first', query: `query($first: Int, $after: String, $last: Int, $before: String) { c: actions(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }` },
    {
      name: 'actions by target count then title',
      query: `query($first: Int, $after: String, $last: Int, $before: String) { c: actions(orderBy: [{field: TARGET_COUNT, direction: DESC}, {field: TITLE, direction: ASC}], first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }`,
    },
    {
      name: 'participants of the October 2019 rule (nested)',
      query: `query($first: Int, $after: String, $last: Int, $before: String) { action(slug: "bis-el-2019-10-xinjiang-28") { c: participants(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } } }`,
    },
    {
      name: 'Entity List entries (nested, derived)',
      query: `query($first: Int, $after: String, $last: Int, $before: String) { list(slug: "us-entity-list") { c: entries(first: $first, after: $after, last: $last, before: $before) { totalCount pageInfo { startCursor endCursor hasNextPage hasPreviousPage } edges { cursor node { since entity { id } } } } } }`,
      listing: true,
    },
  ];

  for (const order of orders) {
    it(`walks ${order.name} forward and backward over every page with no duplicates or gaps`, async () => {
      const fetchPage = async (args: Record<string, unknown>) => {
        const res = await t.gql(order.query, args);
        expect(res.errors).toBeUndefined();
        const conn = res.data!.c ?? res.data!.action?.c ?? res.data!.list?.c;
        if (order.listing) conn.edges = conn.edges.map((e: any) => ({ ...e, node: { id: e.node.entity.id + e.node.since } }));
        return toResult(conn);
      };
      const everything = await fetchPage({ first: 100 });
      expect(everything.totalCount).toBeGreaterThan(7);
      expect(everything.ids).toHaveLength(everything.totalCount);
      const { forward, backward, total } = await walk(fetchPage, 7);
      expect(total).toBe(everything.totalCount);
      expect(forward).toEqual(everything.ids);
      expect(backward).toEqual(everything.ids);
      expect(new Set(forward).size).toBe(forward.length);
    });
  }

  it('serves the same page of a nested connection to many parents in one request', async () => {
    const res = await t.gql(`{ entities(filter: { list: ["us-entity-list"] }, first: 40) { nodes { slug participations(first: 1) { totalCount nodes { action { slug } } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.entities.nodes as any[];
    expect(nodes.length).toBe(40);
    for (const node of nodes) {
      expect(node.participations.nodes).toHaveLength(1);
      expect(node.participations.totalCount).toBeGreaterThanOrEqual(1);
    }
    const hik = await t.gql(`{ entity(slug: "cn-hikvision") { participations(first: 100) { totalCount nodes { action { occurredOn } } } } }`);
    const dates = hik.data!.entity.participations.nodes.map((n: any) => n.action.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('refuses a page size over 100, a negative one, first with last, and a foreign cursor, naming the argument', async () => {
    const cases: [string, string][] = [
      ['{ entities(first: 101) { totalCount } }', 'first'],
      ['{ actions(last: -1) { totalCount } }', 'last'],
      ['{ entities(first: 5, last: 5) { totalCount } }', 'last'],
      ['{ entity(slug: "cn-hikvision") { participations(first: 500) { totalCount } } }', 'first'],
      ['{ entities(after: "not-a-cursor") { totalCount } }', 'after'],
    ];
    for (const [query, argument] of cases) {
      const res = await t.gql(query);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message, query).toContain(`"${argument}"`);
    }
    // A cursor from another ordering is refused rather than misread.
    const byName = await t.gql('{ entities(first: 2) { pageInfo { endCursor } } }');
    const cursor = byName.data!.entities.pageInfo.endCursor;
    const res = await t.gql('query($c: String) { entities(orderBy: [{field: CREATED_AT}], first: 2, after: $c) { totalCount } }', { c: cursor });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
