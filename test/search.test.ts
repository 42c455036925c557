import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

const SEARCH = `query($query: String!, $types: [SearchType!], $first: Int) {
  search(query: $query, types: $types, first: $first) {
    score matched
    node {
      __typename
      ... on Entity { slug name }
      ... on GovernmentAction { slug citation }
      ... on Country { code name }
      ... on SanctionsList { slug name }
      ... on Authority { slug abbreviation }
      ... on TechnologyCategory { slug name }
    }
  }
}`;

interface Hit {
  score: number;
  matched: string;
  node: { __typename: string; slug?: string; code?: string; name?: string; citation?: string | null };
}

async function search(query: string, extra: { types?: string[]; first?: number } = {}): Promise<Hit[]> {
  const res = await t.gql(SEARCH, { query, ...extra });
  expect(res.errors, query).toBeUndefined();
  return res.data!.search as Hit[];
}

const key = (hit: Hit) => hit.node.slug ?? hit.node.code;

function expectBadInput(res: Awaited<ReturnType<TestServer['gql']>>, argument: string) {
  expect(res.errors, JSON.stringify(res.data)).toHaveLength(1);
  expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  expect(res.errors![0].message).toContain(`"${argument}"`);
}

function expectRanked(hits: Hit[]) {
  for (const hit of hits) {
    expect(hit.score).toBeGreaterThanOrEqual(0);
    expect(hit.score).toBeLessThanOrEqual(1);
  }
  const scores = hits.map((h) => h.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
}

describe('search', () => {
  it('tolerates a typo: "hikvison" finds Hikvision first', async () => {
    const hits = await search('hikvison');
    expect(hits[0].node).toMatchObject({ __typename: 'Entity', slug: 'cn-hikvision' });
    expectRanked(hits);
  });

  it('reaches names in other scripts: "海康威视" finds Hikvision first, through its Chinese alias', async () => {
    const hits = await search('海康威视');
    expect(hits[0].node).toMatchObject({ __typename: 'Entity', slug: 'cn-hikvision' });
    expect(hits[0].matched).toBe('海康威视');
    expect(hits[0].score).toBe(1);
  });

  it('finds an action by part of its citation: "54002" is 84 FR 54002', async () => {
    const hits = await search('54002');
    expect(hits[0].node).toMatchObject({ __typename: 'GovernmentAction', slug: 'bis-el-2019-10-xinjiang-28', citation: '84 FR 54002' });
    expect(hits[0].matched).toContain('84 FR 54002');
    expectRanked(hits);
  });

  it('an exact citation or document number scores 1, any case: "84 fr 54002", "2019-22210"', async () => {
    for (const [query, matched] of [['84 fr 54002', 'citation: 84 FR 54002'], ['2019-22210', 'documentNumber: 2019-22210']]) {
      const hits = await search(query, { types: ['ACTION'] });
      expect(hits[0], query).toMatchObject({ score: 1, matched, node: { slug: 'bis-el-2019-10-xinjiang-28' } });
      expectRanked(hits);
    }
  });

  it.each([
    ['Hik Vision', 'cn-hikvision'],
    ['Sense Time Group', 'cn-sensetime'],
    ['Megvii (Face++)', 'cn-megvii'],
    ['SENSETIME', 'cn-sensetime'],
    ['Zhejiang Dahua', 'cn-dahua'],
  ])('"%s" puts %s first', async (query, slug) => {
    const hits = await search(query);
    expect(hits[0].node.slug, JSON.stringify(hits.slice(0, 3))).toBe(slug);
    expectRanked(hits);
  });

  it('types narrows the search: a country by code, a list by name, an authority by abbreviation', async () => {
    const country = await search('CN', { types: ['COUNTRY'] });
    expect(country[0].node).toMatchObject({ __typename: 'Country', code: 'CN', name: 'China' });
    expect(country.every((h) => h.node.__typename === 'Country')).toBe(true);

    const list = await search('entity list', { types: ['LIST'] });
    expect(list[0].node).toMatchObject({ __typename: 'SanctionsList', slug: 'us-entity-list' });
    expect(list.every((h) => h.node.__typename === 'SanctionsList')).toBe(true);

    const authority = await search('BIS', { types: ['AUTHORITY'] });
    expect(authority[0].node).toMatchObject({ __typename: 'Authority', slug: 'us-bis' });
    expect(authority.every((h) => h.node.__typename === 'Authority')).toBe(true);
    for (const hits of [country, list, authority]) expectRanked(hits);
  });

  it('mixes kinds of record in one ranking, scores in [0, 1] and descending', async () => {
    const hits = await search('Xinjiang', { first: 50 });
    expect(new Set(hits.map((h) => h.node.__typename)).size).toBeGreaterThan(1);
    expectRanked(hits);
    const few = await search('Xinjiang', { first: 3 });
    expect(few).toHaveLength(3);
    expect(few.map(key)).toEqual(hits.slice(0, 3).map(key));
  });

  it('rejects an empty or white-space query, one over 500 characters and first over 100, naming the argument', async () => {
    expectBadInput(await t.gql(SEARCH, { query: '' }), 'query');
    expectBadInput(await t.gql(SEARCH, { query: ' \t\n ' }), 'query');
    expectBadInput(await t.gql(SEARCH, { query: 'x'.repeat(501) }), 'query');
    expect((await t.gql(SEARCH, { query: 'x'.repeat(500) })).errors).toBeUndefined();
    expectBadInput(await t.gql(SEARCH, { query: 'Hikvision', first: 101 }), 'first');
    expectBadInput(await t.gql(SEARCH, { query: 'Hikvision', first: 0 }), 'first');
  });

  it('searches LIKE and quoting characters as text, without errors', async () => {
    for (const query of ['%', '_', '\\', "'", '*', '%%%', '%_%', "' or '1'='1", 'Hik%vision', 'hik_vision', '\\%', '***', "O'Film", '%Hikvision%']) {
      const res = await t.gql(SEARCH, { query });
      expect(res.errors, query).toBeUndefined();
      expectRanked(res.data!.search as Hit[]);
    }
  });

  it('"%" alone does not match everything', async () => {
    const all = await search('%', { first: 100 });
    const entities = await t.gql(`{ entities(first: 1) { totalCount } }`);
    expect(all.length).toBeLessThan(entities.data!.entities.totalCount);
    expect(all.filter((h) => h.node.__typename === 'Entity')).toHaveLength(0);
    expect(await search('_', { first: 100 })).toHaveLength(0);
  });
});
