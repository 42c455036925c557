import fs from 'node:fs';
import path from 'node:path';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLResponse, startTestServer, TestServer } from './helpers/server';

/**
 * Every example operation in docs/queries/ runs through the real HTTP endpoint against the
 * seeded database, and its answer is checked against the curated seeds. Each file needs an
 * entry in CHECKS: a new file without one fails the suite.
 */

const DIR = path.resolve(__dirname, '../docs/queries');
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort();

interface Operation {
  file: string;
  source: string;
  name: string;
  /** Variables declared without a default and non-null: the caller must supply them. */
  required: string[];
}

function loadOperation(file: string): Operation {
  const source = fs.readFileSync(path.join(DIR, file), 'utf8');
  const operations = parse(source).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new Error(`${file}: expected exactly one operation, found ${operations.length}`);
  const [op] = operations;
  if (!op.name) throw new Error(`${file}: the operation has no name`);
  const required = (op.variableDefinitions ?? [])
    .filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue)
    .map((v) => v.variable.name.value);
  return { file, source, name: op.name.value, required };
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

/** POSTs the file's operation by name; fails on any error and returns `data`. */
async function run(op: Operation, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: op.source, operationName: op.name, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<any>;
  expect(body.errors, `${op.file} ${JSON.stringify(variables)}`).toBeUndefined();
  expect(response.status).toBe(200);
  expect(body.data).toBeTruthy();
  return body.data;
}

async function idOf(slug: string): Promise<string> {
  const res = await t.gql(`query($slug: String) { entity(slug: $slug) { id } }`, { slug });
  expect(res.errors).toBeUndefined();
  return res.data!.entity.id;
}

const slugs = (items: { slug: string }[]) => items.map((i) => i.slug);
const sum = (items: { count: number }[]) => items.reduce((n, i) => n + i.count, 0);
const facet = (items: { key: string; count: number }[]) => Object.fromEntries(items.map((i) => [i.key, i.count]));
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function expectSortedByCountDesc(items: { count: number }[]) {
  for (let i = 1; i < items.length; i++) expect(items[i - 1].count).toBeGreaterThanOrEqual(items[i].count);
}

const LETTER_22 = 'unhrc-2019-07-08-joint-letter-22';
const COUNTER_LETTER = 'unhrc-2019-07-12-joint-letter-37';
const OCT_2019_RULE = 'bis-el-2019-10-xinjiang-28';
const LETTER_22_SIGNATORIES = ['AT', 'AU', 'BE', 'CA', 'CH', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'IE', 'IS', 'JP', 'LT', 'LU', 'LV', 'NL', 'NO', 'NZ', 'SE'];
const BIS_2020_JUNE = 'bis-el-2020-06-05-xinjiang-9';
const BIS_2020_JULY = 'bis-el-2020-07-22-xinjiang-11';

/** One entry per file of docs/queries/: runs the operation and checks its answer. */
const CHECKS: Record<string, (op: Operation) => Promise<void>> = {
  async 'actions-per-month.graphql'(op) {
    const { timeline } = await run(op);
    expect(timeline.granularity).toBe('MONTH');
    expect(timeline.total).toBe(24);
    const buckets = timeline.buckets as any[];
    // May 2019 (the Huawei rule) to December 2021 (the UFLPA), empty months included.
    expect(buckets[0].start).toBe('2019-05-01');
    expect(buckets.at(-1)).toMatchObject({ start: '2021-12-01', end: '2021-12-31' });
    expect(buckets).toHaveLength(32);
    for (const [i, b] of buckets.entries()) {
      expect(b.start.endsWith('-01'), b.start).toBe(true);
      expect(dayAfter(b.end).endsWith('-01'), b.end).toBe(true);
      if (i > 0) expect(b.start, 'buckets are contiguous').toBe(dayAfter(buckets[i - 1].end));
      expect(sum(b.byKind), b.start).toBe(b.count);
      expect(b.actions).toHaveLength(Math.min(b.count, 3));
      for (const a of b.actions) expect(a.occurredOn >= b.start && a.occurredOn <= b.end).toBe(true);
      expect(b.actions.map((a: any) => a.occurredOn)).toEqual([...b.actions.map((a: any) => a.occurredOn)].sort());
    }
    expect(sum(buckets)).toBe(timeline.total);
    const month = (start: string) => buckets.find((b) => b.start === start);
    expect(month('2019-06-01')).toMatchObject({ count: 0, byKind: [], actions: [] });
    expect(month('2019-07-01').byKind).toEqual([{ kind: 'JOINT_LETTER', count: 2 }]);
    expect(facet(month('2019-10-01').byKind.map((k: any) => ({ key: k.kind, count: k.count })))).toEqual({ LISTING: 1, STATEMENT: 3, VISA_RESTRICTION: 1 });
    // The FCC Covered List and the four coordinated sanctions of 2021-03-22.
    expect(month('2021-03-01')).toMatchObject({ count: 5, byKind: [{ kind: 'LISTING', count: 5 }] });

    const listings = (await run(op, { filter: { kind: ['LISTING'] } })).timeline;
    expect(listings.total).toBe(15);
    expect(sum(listings.buckets)).toBe(15);
    expect(listings.buckets.every((b: any) => b.byKind.every((k: any) => k.kind === 'LISTING'))).toBe(true);

    const years = (await run(op, { granularity: 'YEAR' })).timeline;
    expect(years.buckets.map((b: any) => [b.start, b.end, b.count])).toEqual([
      ['2019-01-01', '2019-12-31', 8],
      ['2020-01-01', '2020-12-31', 6],
      ['2021-01-01', '2021-12-31', 10],
    ]);
  },

  async 'ai-surveillance-firms.graphql'(op) {
    const { entities } = await run(op);
    expect(entities.totalCount).toBe(6);
    expect(entities.nodes.map((n: any) => n.name)).toEqual(['Dahua Technology', 'Hikvision', 'IFLYTEK', 'Megvii Technology', 'Sense Time', 'Yitu Technologies']);
    const inTree = ['artificial-intelligence', 'facial-recognition', 'speech-recognition', 'computer-vision', 'surveillance', 'video-surveillance'];
    for (const firm of entities.nodes) {
      expect(slugs(firm.technologies).some((s) => inTree.includes(s)), firm.name).toBe(true);
      const rule = firm.participations.nodes.find((p: any) => p.action.citation === '84 FR 54002');
      expect(rule, firm.name).toBeDefined();
      expect(rule.action).toMatchObject({ occurredOn: '2019-10-09', authority: { name: 'Bureau of Industry and Security' } });
      expect(rule.grounds).toMatch(/Uighurs/);
    }
    const hik = entities.nodes.find((n: any) => n.name === 'Hikvision');
    expect(hik.participations.nodes.map((p: any) => p.action.occurredOn)).toEqual(['2021-03-12', '2019-10-09']);
  },

  async 'bis-targets-in-year.graphql'(op) {
    const { entities } = await run(op);
    expect(entities.totalCount).toBe(20);
    expect(entities.nodes).toHaveLength(20);
    expect(entities.pageInfo.hasNextPage).toBe(false);
    const found = slugs(entities.nodes);
    expect(found).toEqual(expect.arrayContaining(['cn-cloudwalk', 'cn-sensenets', 'cn-mps-ifs', 'cn-xinjiang-silk-road-bgi', 'cn-changji-esquel']));
    // Targeted by OFAC in 2020 and by BIS in 2021: not by BIS in 2020.
    expect(found).not.toContain('cn-xpcc');
    // On the Entity List since October 2019, not targeted again in 2020.
    expect(found).not.toContain('cn-hikvision');
    const byRule: Record<string, number> = {};
    for (const e of entities.nodes) {
      expect(e.participations.nodes.length, e.slug).toBeGreaterThan(0);
      for (const p of e.participations.nodes) {
        expect(p.action.occurredOn >= '2020-01-01' && p.action.occurredOn <= '2020-12-31').toBe(true);
        expect(p.grounds, e.slug).toBeTruthy();
        byRule[p.action.slug] = (byRule[p.action.slug] ?? 0) + 1;
      }
    }
    expect(byRule).toEqual({ [BIS_2020_JUNE]: 9, [BIS_2020_JULY]: 11 });

    // The Department of Commerce includes its sub-authority BIS.
    expect((await run(op, { authority: ['us-doc'] })).entities.totalCount).toBe(20);
    // OFAC in 2020: five on 2020-07-09 and three on 2020-07-31, the XPCC among them.
    const ofac = (await run(op, { authority: ['us-ofac'] })).entities;
    expect(ofac.totalCount).toBe(8);
    expect(slugs(ofac.nodes)).toEqual(expect.arrayContaining(['cn-xpcc', 'person-chen-quanguo', 'person-zhu-hailun']));
    expect((await run(op, { from: '2021-01-01', to: '2021-12-31' })).entities.totalCount).toBe(5);
  },

  async 'coordinated-sanctions.graphql'(op) {
    const { action } = await run(op);
    expect(action).toMatchObject({ slug: 'ofac-2021-03-22-glomag', occurredOn: '2021-03-22', issuingCountry: { code: 'US' }, list: { slug: 'us-sdn-list' } });
    expect(action.targets.nodes.map((n: any) => n.entity.slug).sort()).toEqual(['person-chen-mingguo', 'person-wang-junzheng']);
    const related = [...action.related].sort((a: any, b: any) => a.action.slug.localeCompare(b.action.slug));
    expect(related.map((r: any) => r.action.slug)).toEqual(['ca-2021-03-22-sema', 'eu-2021-03-22-ghrsr', 'uk-2021-03-22-ghr']);
    expect(related.map((r: any) => r.action.issuingCountry?.code ?? null)).toEqual(['CA', null, 'GB']);
    for (const r of related) {
      expect(r.kind).toBe('COORDINATED_WITH');
      expect(r.action.occurredOn).toBe('2021-03-22');
      expect(r.action.targets.totalCount).toBe(5);
      expect(r.action.targets.nodes.map((n: any) => n.entity.slug).sort()).toEqual([
        'cn-xpcc-psb',
        'person-chen-mingguo',
        'person-wang-junzheng',
        'person-wang-mingshan',
        'person-zhu-hailun',
      ]);
    }
    // The relation reads the same from the EU's end.
    const eu = (await run(op, { slug: 'eu-2021-03-22-ghrsr' })).action;
    expect(eu.related.map((r: any) => r.action.slug).sort()).toEqual(['ca-2021-03-22-sema', 'ofac-2021-03-22-glomag', 'uk-2021-03-22-ghr']);
    expect((await run(op, { slug: LETTER_22 })).action.related).toEqual([]);
  },

  async 'entity-history.graphql'(op) {
    const { entity } = await run(op);
    expect(entity).toMatchObject({ slug: 'cn-hikvision', name: 'Hikvision', kind: 'COMPANY', verified: true, country: { code: 'CN' } });
    expect(entity.aliases).toContain('Hangzhou Hikvision Digital Technology Co., Ltd.');
    const parts = entity.participations;
    expect(parts.totalCount).toBe(2);
    // Newest first: the FCC Covered List (2021), then the October 2019 Entity List rule.
    expect(parts.nodes.map((p: any) => p.action.slug)).toEqual(['fcc-covered-list-2021-03-12', OCT_2019_RULE]);
    const [fcc, rule] = parts.nodes;
    expect(fcc).toMatchObject({ role: 'TARGET', grounds: null, nameAsListed: 'Hangzhou Hikvision Digital Technology Company' });
    expect(fcc.action).toMatchObject({ authority: { slug: 'us-fcc' }, list: { slug: 'us-fcc-covered-list' } });
    expect(rule.role).toBe('TARGET');
    expect(rule.grounds).toMatch(/high-technology surveillance against Uighurs/);
    expect(rule.licensePolicy).toMatch(/presumption of denial/i);
    expect(rule.action).toMatchObject({ citation: '84 FR 54002', occurredOn: '2019-10-09', effectiveOn: '2019-10-09', authority: { slug: 'us-bis' }, list: { slug: 'us-entity-list' } });
    expect(rule.action.related).toContainEqual({ kind: 'AMENDED_BY', action: expect.objectContaining({ slug: BIS_2020_JULY }) });
    expect(rule.action.sources.map((s: any) => s.url)).toContain('https://www.federalregister.gov/d/2019-22210');
    for (const p of parts.nodes) expect(p.action.sources.length, p.action.slug).toBeGreaterThan(0);
    expect(entity.listings).toEqual([
      { active: true, since: '2019-10-09', until: null, list: { slug: 'us-entity-list', name: 'The Entity List' }, addedBy: { slug: OCT_2019_RULE, citation: '84 FR 54002' }, removedBy: null },
      expect.objectContaining({ active: true, since: '2021-03-12', until: null, list: expect.objectContaining({ slug: 'us-fcc-covered-list' }), removedBy: null }),
    ]);
    expect(entity.onDate).toEqual([{ since: '2019-10-09', list: { slug: 'us-entity-list' } }]);
    expect(entity.relations).toEqual([]);
    expect(entity.sources.length).toBeGreaterThan(0);

    expect((await run(op, { activeOn: '2019-10-08' })).entity.onDate).toEqual([]);
    const movidius = (await run(op, { slug: 'us-movidius' })).entity;
    expect(movidius.participations.totalCount).toBe(0);
    expect(movidius.listings).toEqual([]);
    expect(movidius.relations).toEqual([expect.objectContaining({ kind: 'SUBSIDIARY_OF', entity: { slug: 'us-intel', name: 'Intel Corporation' } })]);
    expect(movidius.relations[0].sources.length).toBeGreaterThan(0);
  },

  async 'entity-list-on-date.graphql'(op) {
    const first = (await run(op)).list;
    expect(first.name).toBe('The Entity List');
    expect(first.entries.totalCount).toBe(29);
    expect(first.entries.nodes).toHaveLength(20);
    expect(first.entries.pageInfo.hasNextPage).toBe(true);
    const second = (await run(op, { after: first.entries.pageInfo.endCursor })).list.entries;
    expect(second.totalCount).toBe(29);
    expect(second.nodes).toHaveLength(9);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const all = [...first.entries.nodes, ...second.nodes];
    const entitySlugs = all.map((n: any) => n.entity.slug);
    expect(new Set(entitySlugs).size).toBe(29);
    expect(entitySlugs).toEqual(expect.arrayContaining(['cn-huawei', 'cn-hikvision', 'cn-xuar-psb', 'cn-dahua']));
    expect(entitySlugs).not.toContain('cn-cloudwalk'); // added 2020-06-05
    for (const n of all) {
      expect(n.since <= '2020-01-01').toBe(true);
      expect(n.until).toBeNull();
    }
    expect(all[0]).toMatchObject({ since: '2019-05-16', entity: { slug: 'cn-huawei' } });
    expect(all.filter((n: any) => n.addedBy.citation === '84 FR 54002')).toHaveLength(28);
    expect((await run(op, { activeOn: '2021-01-01', first: 0 })).list.entries.totalCount).toBe(49);
  },

  async 'entity-page.graphql'(op) {
    const { entity } = await run(op);
    expect(entity).toMatchObject({ slug: 'cn-hikvision', name: 'Hikvision', kind: 'COMPANY', verified: true, country: { code: 'CN', name: 'China' } });
    expect(slugs(entity.technologies)).toEqual(['facial-recognition', 'video-surveillance']);
    expect(entity.relations).toEqual([]);
    expect(entity.listings.map((l: any) => [l.list.slug, l.since, l.until, l.addedBy.slug])).toEqual([
      ['us-entity-list', '2019-10-09', null, OCT_2019_RULE],
      ['us-fcc-covered-list', '2021-03-12', null, 'fcc-covered-list-2021-03-12'],
    ]);
    expect(entity.participations.totalCount).toBe(2);
    expect(entity.participations.nodes.map((p: any) => p.action.authority.name)).toEqual(['Federal Communications Commission', 'Bureau of Industry and Security']);
    expect(entity.sources.length).toBeGreaterThan(0);
    for (const s of entity.sources) expect(s.url).toMatch(/^https?:\/\//);
    const aksu = (await run(op, { slug: 'cn-psb-aksu' })).entity;
    expect(aksu.verified).toBe(false);
    expect(aksu.note).toBeTruthy();
    expect(aksu.relations).toEqual([expect.objectContaining({ kind: 'SUBORDINATE_OF', entity: expect.objectContaining({ slug: 'cn-xuar-psb' }) })]);
    expect((await run(op, { slug: 'no-such-entity' })).entity).toBeNull();
  },

  async 'facet-stats.graphql'(op) {
    const { actionStats, entityStats } = await run(op);
    expect(actionStats.total).toBe(24);
    expect(facet(actionStats.byKind)).toEqual({ LISTING: 15, STATEMENT: 3, JOINT_LETTER: 2, LEGISLATION: 2, REPORT: 1, VISA_RESTRICTION: 1 });
    expect(facet(actionStats.byAuthority)).toEqual({
      'us-bis': 6,
      'us-ofac': 5,
      'us-state': 4,
      'un-hrc': 2,
      'us-congress': 2,
      'ca-gac': 1,
      'eu-council': 1,
      'uk-fcdo': 1,
      'us-doc': 1,
      'us-fcc': 1,
    });
    expect(actionStats.byAuthority.find((f: any) => f.key === 'us-bis').label).toBe('Bureau of Industry and Security');
    expect(actionStats.byYear).toEqual([
      { key: '2019', count: 8 },
      { key: '2020', count: 6 },
      { key: '2021', count: 10 },
    ]);
    for (const f of [actionStats.byKind, actionStats.byAuthority, actionStats.byYear]) expect(sum(f)).toBe(24);
    expectSortedByCountDesc(actionStats.byKind);
    expectSortedByCountDesc(actionStats.byAuthority);

    expect(entityStats.total).toBe(70);
    expect(facet(entityStats.byList)).toEqual({
      'us-entity-list': 54,
      'us-sdn-list': 10,
      'us-ns-cmic-list': 9,
      'ca-sema-china': 5,
      'eu-global-human-rights-sanctions': 5,
      'uk-global-human-rights-sanctions': 5,
      'us-fcc-covered-list': 3,
    });
    expect(entityStats.byList[0]).toEqual({ key: 'us-entity-list', label: 'The Entity List', count: 54 });
    expect(facet(entityStats.byTechnology)).toMatchObject({ 'facial-recognition': 5, 'artificial-intelligence': 4, 'video-surveillance': 2, 'speech-recognition': 1, 'genetic-analysis': 2 });
    expectSortedByCountDesc(entityStats.byList);
    expectSortedByCountDesc(entityStats.byTechnology);

    const narrowed = await run(op, { actionFilter: { issuingCountry: ['US'] }, entityFilter: { activeOn: '2020-01-01' } });
    expect(narrowed.actionStats.total).toBe(19);
    expect(facet(narrowed.actionStats.byKind)).not.toHaveProperty('JOINT_LETTER');
    expect(narrowed.entityStats.total).toBe(29);
    expect(narrowed.entityStats.byList).toEqual([{ key: 'us-entity-list', label: 'The Entity List', count: 29 }]);
  },

  async 'listings-in-range.graphql'(op) {
    const { actions } = await run(op);
    expect(actions.totalCount).toBe(6);
    expect(actions.pageInfo.hasNextPage).toBe(false);
    expect(actions.nodes.map((a: any) => [a.slug, a.occurredOn, a.targets.totalCount])).toEqual([
      ['bis-el-2019-05-huawei', '2019-05-21', 1],
      [OCT_2019_RULE, '2019-10-09', 28],
      [BIS_2020_JUNE, '2020-06-05', 9],
      ['ofac-2020-07-09-glomag-xinjiang', '2020-07-09', 5],
      [BIS_2020_JULY, '2020-07-22', 11],
      ['ofac-2020-07-31-glomag-xpcc', '2020-07-31', 3],
    ]);
    expect(actions.nodes[1]).toMatchObject({ citation: '84 FR 54002', authority: { abbreviation: 'BIS' }, list: { slug: 'us-entity-list' } });
    expect(actions.nodes[3]).toMatchObject({ authority: { abbreviation: 'OFAC' }, list: { slug: 'us-sdn-list' } });
    const paged = await run(op, { first: 4 });
    expect(paged.actions.nodes).toHaveLength(4);
    const rest = await run(op, { first: 4, after: paged.actions.pageInfo.endCursor });
    expect(slugs(rest.actions.nodes)).toEqual([BIS_2020_JULY, 'ofac-2020-07-31-glomag-xpcc']);
  },

  async 'network-around-entity.graphql'(op) {
    expect(op.required).toEqual(['rootIds']);
    const hikvision = await idOf('cn-hikvision');
    const { graph } = await run(op, { rootIds: [hikvision] });
    expect(graph.truncated).toBe(false);
    const nodes = graph.nodes as any[];
    expect(nodes[0]).toMatchObject({ id: hikvision, type: 'Entity', label: 'Hikvision', node: { slug: 'cn-hikvision' } });
    const ids = new Set(nodes.map((n) => n.id));
    expect(ids.size).toBe(nodes.length);
    for (const n of nodes) {
      expect(n.node.id).toBe(n.id);
      expect(['Entity', 'GovernmentAction', 'Country', 'Authority', 'TechnologyCategory', 'SanctionsList']).toContain(n.type);
    }
    for (const e of graph.edges) {
      expect(ids.has(e.source), `${e.kind} source ${e.source}`).toBe(true);
      expect(ids.has(e.target), `${e.kind} target ${e.target}`).toBe(true);
    }
    const bySlug = new Map(nodes.filter((n) => n.node.slug).map((n) => [n.node.slug, n]));
    const rule = bySlug.get(OCT_2019_RULE);
    expect(rule).toMatchObject({ type: 'GovernmentAction', node: { actionKind: 'LISTING', occurredOn: '2019-10-09' } });
    const psb = bySlug.get('cn-xuar-psb');
    expect(psb).toMatchObject({ type: 'Entity', node: { entityKind: 'GOVERNMENT_AGENCY' } });
    expect(psb.label).toMatch(/XUAR.*Public Security Bureau/);
    for (const slug of ['fcc-covered-list-2021-03-12', 'facial-recognition', 'video-surveillance', 'us-bis', 'us-entity-list', 'cn-dahua', 'cn-megvii']) {
      expect(bySlug.has(slug), slug).toBe(true);
    }
    // All 28 targets of the October 2019 rule, reached through it.
    const targetsOfRule = graph.edges.filter((e: any) => e.source === rule.id && e.kind === 'TARGET');
    expect(targetsOfRule).toHaveLength(28);
    expect(targetsOfRule.map((e: any) => e.target)).toEqual(expect.arrayContaining([hikvision, psb.id]));
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: rule.id, target: bySlug.get('us-bis').id, kind: 'ISSUED_BY' }));
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: hikvision, target: bySlug.get('facial-recognition').id, kind: 'IN_CATEGORY' }));

    // Depth 1: the two actions that name Hikvision and its two categories, nothing further.
    const near = (await run(op, { rootIds: [hikvision], depth: 1 })).graph;
    expect(near.nodes.map((n: any) => n.node.slug).sort()).toEqual(['cn-hikvision', 'facial-recognition', 'fcc-covered-list-2021-03-12', OCT_2019_RULE, 'video-surveillance'].sort());
    const small = (await run(op, { rootIds: [hikvision], maxNodes: 10 })).graph;
    expect(small.truncated).toBe(true);
    expect(small.nodes).toHaveLength(10);
  },

  async 'search-and-screen.graphql'(op) {
    const { search, matchMany } = await run(op);
    expect(search[0]).toMatchObject({ matched: 'Hikvision', node: { __typename: 'Entity', slug: 'cn-hikvision' } });
    expect(matchMany).toHaveLength(3);
    expect(matchMany[0][0]).toMatchObject({ entity: { slug: 'cn-sensetime' } });
    expect(matchMany[0][0].score).toBeGreaterThanOrEqual(0.8);
    expect(matchMany[0][0].explanation.length).toBeGreaterThan(0);
    expect(matchMany[1][0]).toMatchObject({ score: 1, matchedName: '海康威视', entity: { slug: 'cn-hikvision' } });
    expect(matchMany[2]).toEqual([]);
    const citation = await run(op, { query: '54002', names: [] });
    expect(citation.search[0]).toMatchObject({ matched: 'citation: 84 FR 54002', node: { slug: OCT_2019_RULE } });
  },

  async 'technology-category-firms.graphql'(op) {
    const { technologyCategory: ai } = await run(op);
    expect(ai).toMatchObject({ slug: 'artificial-intelligence', name: 'Artificial intelligence', parent: null });
    expect(slugs(ai.children)).toEqual(['computer-vision', 'facial-recognition', 'speech-recognition']);
    expect(ai.entities.totalCount).toBe(7);
    expect(slugs(ai.entities.nodes).sort()).toEqual(['cn-dahua', 'cn-hikvision', 'cn-iflytek', 'cn-megvii', 'cn-sensetime', 'cn-yitu', 'us-movidius']);
    expect(ai.direct.totalCount).toBe(4); // IFLYTEK, Megvii, SenseTime and Yitu are filed under AI itself
    const bySlug = Object.fromEntries(ai.entities.nodes.map((n: any) => [n.slug, n]));
    expect(slugs(bySlug['cn-hikvision'].technologies)).toEqual(['facial-recognition', 'video-surveillance']);
    expect(bySlug['cn-hikvision'].listings.map((l: any) => l.list.slug)).toContain('us-entity-list');
    expect(bySlug['us-movidius']).toMatchObject({ country: { code: 'US' }, listings: [] });
    expect(bySlug['cn-megvii'].listings.map((l: any) => l.list.slug).sort()).toEqual(['us-entity-list', 'us-ns-cmic-list']);

    const face = (await run(op, { slug: 'facial-recognition' })).technologyCategory;
    expect(face.parent).toEqual({ slug: 'artificial-intelligence' });
    expect(face.children).toEqual([]);
    expect(face.entities.totalCount).toBe(5);
    expect(face.direct.totalCount).toBe(5);
  },

  async 'xinjiang-letters-signatories.graphql'(op) {
    const { letter22, counterLetter, country } = await run(op);
    const codes = (action: any) => action.signatories.map((c: any) => c.code);
    expect(letter22).toMatchObject({ slug: LETTER_22, occurredOn: '2019-07-08', concerns: [{ code: 'CN', name: 'China' }] });
    expect(letter22.signatories).toHaveLength(22);
    expect([...codes(letter22)].sort()).toEqual(LETTER_22_SIGNATORIES);
    expect(codes(letter22)).not.toContain('US');
    expect(counterLetter).toMatchObject({ slug: COUNTER_LETTER, occurredOn: '2019-07-12', concerns: [{ code: 'CN', name: 'China' }] });
    // The 50 of the published annex plus Qatar, which withdrew.
    expect(counterLetter.signatories).toHaveLength(51);
    expect(codes(counterLetter)).toEqual(expect.arrayContaining(['QA', 'RU', 'PK', 'SA', 'CU']));
    expect(codes(letter22).filter((c: string) => codes(counterLetter).includes(c))).toEqual([]);
    expect(letter22.related).toEqual([{ kind: 'RESPONDED_TO_BY', action: expect.objectContaining({ slug: COUNTER_LETTER }) }]);
    expect(counterLetter.related).toEqual([{ kind: 'RESPONDS_TO', action: expect.objectContaining({ slug: LETTER_22 }) }]);
    expect(country).toMatchObject({ code: 'GB', name: 'United Kingdom' });
    expect(country.actionsSigned.totalCount).toBe(1);
    expect(country.actionsSigned.nodes).toEqual([expect.objectContaining({ slug: LETTER_22, kind: 'JOINT_LETTER' })]);

    expect(slugs((await run(op, { country: 'RU' })).country.actionsSigned.nodes)).toEqual([COUNTER_LETTER]);
    expect((await run(op, { country: 'US' })).country.actionsSigned.totalCount).toBe(0);
  },
};

describe('docs/queries: every example operation', () => {
  it('has a check in this file, and every check has a file', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(CHECKS).sort()).toEqual(FILES);
  });

  it('is one named operation per file, with a header comment, and names are unique', () => {
    const names = FILES.map((file) => {
      const op = loadOperation(file);
      expect(op.source.startsWith('# '), `${file} starts with a comment`).toBe(true);
      return op.name;
    });
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(FILES)('%s answers from the seeds', async (file) => {
    expect.hasAssertions();
    const check = CHECKS[file];
    if (!check) throw new Error(`docs/queries/${file} has no assertions: add an entry for it to CHECKS in test/example-operations.test.ts`);
    await check(loadOperation(file));
  });
});
