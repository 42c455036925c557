import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

/*
 * The top-level entity list reads only the columns its selected fields need (large ones such
 * as aliases and addresses only when asked for). The partial records must answer exactly what
 * the full ones do, through `nodes` and `edges { node }`, with fragments.
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

async function selects(query: string): Promise<{ data: any; sql: string[] }> {
  const { res, statements } = await t.gqlWithStatements(query);
  expect(res.errors).toBeUndefined();
  return { data: res.data, sql: statements };
}

const FULL = 'id createdAt updatedAt version slug name kind aliases addresses { street city country { code } } identifiers { scheme value } description website verified note country { code } technologies { slug }';

describe('entity list columns', () => {
  it('a list of names reads no large column, and answers as before', async () => {
    const { data, sql } = await selects('{ entities(first: 20, filter: { country: ["CN"] }) { nodes { slug name kind country { code } } } }');
    const page = sql.find((s) => s.includes('from "entity" as "e"')) ?? '';
    expect(page).not.toContain('search_text');
    expect(page).not.toContain('"e"."aliases"');
    expect(page).not.toContain('e.*');
    // Nor the timestamps the driver would parse into Dates for nothing.
    expect(page).not.toContain('"e"."created_at"');
    expect(page).not.toContain('"e"."website"');
    expect(data.entities.nodes.length).toBeGreaterThan(5);
    expect(data.entities.nodes.every((n: any) => n.country.code === 'CN' && n.slug && n.name)).toBe(true);
  });

  it('every field, through nodes, edges and a fragment, equals the entity looked up alone', async () => {
    const { data, sql } = await selects(`{ entities(first: 40, filter: { country: ["CN"] }) {
        nodes { ...Full } edges { cursor node { aliases } } } }
      fragment Full on Entity { ${FULL} }`);
    expect(sql.find((s) => s.includes('from "entity" as "e"'))).toContain('"e"."aliases"');
    for (const [i, node] of data.entities.nodes.entries()) {
      const alone = await t.gql(`query($slug: String!) { entity(slug: $slug) { ${FULL} } }`, { slug: node.slug });
      expect(node).toEqual(alone.data?.entity);
      expect(data.entities.edges[i].node.aliases).toEqual(node.aliases);
    }
    expect(data.entities.nodes.some((n: any) => n.aliases.length > 0)).toBe(true);
  });
});

describe('entity list columns, edge cases', () => {
  it('cursors alone read the keys and still page', async () => {
    const { data } = await selects('{ entities(first: 3, filter: { country: ["CN"] }) { edges { cursor } pageInfo { endCursor hasNextPage } } }');
    expect(data.entities.edges).toHaveLength(3);
    const next = await t.gql('query($after: String) { entities(first: 2, after: $after, filter: { country: ["CN"] }) { nodes { slug } } }', { after: data.entities.pageInfo.endCursor });
    const all = await t.gql('{ entities(first: 5, filter: { country: ["CN"] }) { nodes { slug } } }');
    expect(next.data!.entities.nodes).toEqual(all.data!.entities.nodes.slice(3, 5));
  });
});
