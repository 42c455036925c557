import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { queryCost, queryDepth } from '../src/graphql/limits';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

/** `entity { relations { entity { ... } } }` nested `levels` times: depth 2 + 2 * levels. */
function deepQuery(levels: number): string {
  return `{ entity(slug: "cn-hikvision") { ${'relations { entity { '.repeat(levels)}name${' } }'.repeat(levels)} } }`;
}

const NESTED_CONNECTIONS = '{ entities(first: 100) { nodes { name participations(first: 100) { nodes { role } } } } }';

describe('query depth limit', () => {
  it('refuses a query deeper than the limit before running it, naming the limit and the depth', async () => {
    const res = await t.gql(deepQuery(6));
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 12, depth: 14 });
    expect(res.errors![0].message).toBe('Query depth 14 exceeds the limit of 12 (nested selection sets, fragments expanded)');
  });

  it('counts the depth of fragments where they are spread', async () => {
    // entity + 6 x (relations, entity) + name, through six fragments: 14.
    const fragments = [1, 2, 3, 4, 5, 6].map((i) => `fragment F${i} on Entity { relations { entity { ${i < 6 ? `...F${i + 1}` : 'name'} } } }`).join('\n');
    const res = await t.gql(`{ entity(slug: "cn-hikvision") { ...F1 } }\n${fragments}`);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 12, depth: 14 });
  });

  it('answers a query at the limit', async () => {
    const res = await t.gql(deepQuery(5)); // depth 12
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity.relations).toBeInstanceOf(Array);
  });
});

describe('query cost limit', () => {
  it('refuses nested connections whose cost exceeds the limit, with cost and limit in the message and extensions, and no data', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: NESTED_CONNECTIONS }),
    });
    expect(response.status).toBe(400);
    const res = (await response.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    // 100 entities + 100 x (participations 100 + 100 x role 0); nodes is part of the page.
    expect(res.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 5000, cost: 10100 });
    expect(res.errors[0].message).toBe(
      'Query cost 10100 exceeds the limit of 5000 (each connection costs its page size, multiplied by the page sizes above it)',
    );
  });

  it('reads page sizes from variables and default page sizes from the schema convention', async () => {
    const query = 'query($n: Int) { entities(first: $n) { nodes { name participations(first: $n) { nodes { role } } } } }';
    const big = await t.gql(query, { n: 100 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', cost: 10100 });
    const small = await t.gql(query, { n: 5 });
    expect(small.errors).toBeUndefined();
    expect(small.data!.entities.nodes).toHaveLength(5);
    // No first/last: 20 per connection, 20 + 20 x 20 = 420.
    const defaults = await t.gql('{ entities { nodes { name participations { nodes { role } } } } }');
    expect(defaults.errors).toBeUndefined();
  });

  it('answers a cheap query', async () => {
    const res = await t.gql('{ entities(first: 3) { totalCount nodes { name country { code } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.entities.nodes).toHaveLength(3);
  });

  it('answers every documented example query (docs/queries) with the default limits', async () => {
    const dir = path.resolve(__dirname, '../docs/queries');
    const hikvision = (await t.gql('{ entity(slug: "cn-hikvision") { id } }')).data!.entity.id as string;
    // Values for the variables some examples require (the rest have defaults).
    const variables: Record<string, Record<string, unknown>> = { 'network-around-entity.graphql': { rootIds: [hikvision] } };
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
      const res = await t.gql(fs.readFileSync(path.join(dir, file), 'utf8'), variables[file]);
      expect(res.errors, file).toBeUndefined();
    }
  });

  it('still reports a bad variable value as before', async () => {
    const res = await t.gql('query($n: Int) { entities(first: $n) { totalCount } }', { n: 'ten' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('$n');
  });
});

describe('introspection', () => {
  it("passes GraphiQL's introspection query with the default limits", async () => {
    for (const query of [
      getIntrospectionQuery(),
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
    ]) {
      const res = await t.gql(query);
      expect(res.errors).toBeUndefined();
      expect(res.data!.__schema.types.length).toBeGreaterThan(20);
    }
  });
});

describe('limits from the configuration', () => {
  let low: TestServer;
  beforeAll(async () => {
    low = await startTestServer({ MAX_QUERY_COST: '50', MAX_QUERY_DEPTH: '3' });
  });
  afterAll(async () => {
    await low?.stop();
  });

  it('applies MAX_QUERY_COST and MAX_QUERY_DEPTH', async () => {
    const costly = await low.gql('{ entities(first: 60) { totalCount } }');
    expect(costly.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 50, cost: 60 });
    expect(costly.errors?.[0]?.message).toContain('Query cost 60 exceeds the limit of 50');
    const deep = await low.gql('{ entities(first: 1) { nodes { country { code } } } }');
    expect(deep.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 3, depth: 4 });
    const ok = await low.gql('{ entities(first: 10) { nodes { name } } }'); // cost 10, depth 3
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.entities.nodes).toHaveLength(10);
  });

  it('refuses a bad MAX_QUERY_COST or MAX_QUERY_DEPTH at start-up, naming the variable', () => {
    expect(() => loadConfig({ MAX_QUERY_COST: 'lots' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAX_QUERY_COST: 'lots' })).toThrow('MAX_QUERY_COST must be a positive integer, got "lots"');
    expect(() => loadConfig({ MAX_QUERY_DEPTH: '0' })).toThrow('MAX_QUERY_DEPTH must be a positive integer, got "0"');
    expect(loadConfig({})).toMatchObject({ maxQueryDepth: 12, maxQueryCost: 5000 });
  });
});

describe('cost model', () => {
  // Stands in for Query fields the schema may gain (timeline, graph, search, matchMany).
  const schema = buildSchema(`
    type Query {
      timeline(granularity: String): Timeline
      actionStats: Stats
      graph(maxNodes: Int = 500): Graph
      search(text: String!): Hits
      match(name: String!): Hits
      matchMany(inputs: [String!]!): [Hit!]!
      things(first: Int, last: Int): ThingConnection!
    }
    type Timeline { buckets: [Bucket!]! }
    type Bucket { count: Int actions(first: Int = 10): [Thing!]! }
    type Stats { total: Int byKind: [Hit!]! }
    type Graph { nodes: [Thing!]! }
    type Hits { hits: [Hit!]! }
    type Hit { thing: Thing }
    type ThingConnection { totalCount: Int nodes: [Thing!]! }
    type Thing { name: String ref: Thing children(first: Int, last: Int): ThingConnection! }
  `);
  const cost = (query: string, variables?: Record<string, unknown>) => {
    const doc = parse(query);
    return queryCost(schema, doc, getOperationAST(doc)!, variables);
  };

  it('prices connections by page size and multiplies what is below them', () => {
    expect(cost('{ things { totalCount } }')).toBe(20);
    expect(cost('{ things(first: 10) { nodes { children(last: 5) { totalCount } } } }')).toBe(10 + 10 * 5);
    expect(cost('{ things(first: 10) { nodes { children(last: 5) { nodes { ref { name } } } } } }')).toBe(10 + 10 * 5); // single objects (ref) cost nothing of their own
    expect(cost('query($n: Int) { things(first: $n) { nodes { name } } }', { n: 7 })).toBe(7);
    expect(cost('{ things(first: 1000) { totalCount } }')).toBe(100); // refused by the resolver anyway
    expect(cost('{ things(first: 2) { ...N } } fragment N on ThingConnection { nodes { ref { name } } }')).toBe(2);
  });

  it('gives the named Query fields their fixed sizes', () => {
    expect(cost('{ timeline { buckets { count } } }')).toBe(20 + 20 * 1);
    expect(cost('{ timeline { buckets { actions { name } } } }')).toBe(20 + 20 * (1 + 10));
    expect(cost('{ actionStats { total byKind { thing { name } } } }')).toBe(20 + 20 * 1);
    expect(cost('{ graph { nodes { name } } }')).toBe(100 + 100 * 1);
    expect(cost('{ graph(maxNodes: 51) { nodes { name } } }')).toBe(11 + 11 * 1);
    expect(cost('{ search(text: "x") { hits { thing { name } } } }')).toBe(10 + 10 * 1);
    expect(cost('{ match(name: "x") { hits { thing { name } } } }')).toBe(10 + 10 * 1);
    expect(cost('query($i: [String!]!) { matchMany(inputs: $i) { thing { name } } }', { i: ['a', 'b', 'c'] })).toBe(30);
  });

  it('leaves introspection out of cost and depth', () => {
    const doc = parse('{ __schema { types { fields { type { ofType { ofType { name } } } } } } things(first: 1) { __typename totalCount } }');
    expect(queryCost(schema, doc, getOperationAST(doc)!)).toBe(1);
    expect(queryDepth(doc, getOperationAST(doc)!)).toBe(2); // things { totalCount }
  });
});
