import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  // These tests change rows with SQL behind the server's back, which no response cache can see.
  t = await startTestServer({ RESPONSE_CACHE_TTL_SECONDS: '0' });
});
afterAll(async () => {
  await t?.stop();
});

const slugsOf = (conn: any): string[] => conn.nodes.map((n: any) => n.slug);

async function entitySlugs(filter: Record<string, unknown>): Promise<string[]> {
  const res = await t.gql('query($f: EntityFilter) { entities(filter: $f, first: 100) { totalCount nodes { slug } } }', { f: filter });
  expect(res.errors, JSON.stringify(filter)).toBeUndefined();
  expect(res.data!.entities.totalCount).toBe(res.data!.entities.nodes.length);
  return slugsOf(res.data!.entities);
}

async function actionSlugs(filter: Record<string, unknown>): Promise<string[]> {
  const res = await t.gql('query($f: ActionFilter) { actions(filter: $f, first: 100) { totalCount nodes { slug } } }', { f: filter });
  expect(res.errors, JSON.stringify(filter)).toBeUndefined();
  return slugsOf(res.data!.actions);
}

describe('EntityFilter', () => {
  it('targetedBy, authority and targetedBetween must hold for one and the same action', async () => {
    const bisIn2020 = await entitySlugs({ authority: ['us-bis'], targetedBetween: { from: '2020-01-01', to: '2020-12-31' } });
    expect(bisIn2020).toContain('cn-cloudwalk');
    expect(bisIn2020).not.toContain('cn-hikvision'); // listed by BIS in 2019, by the FCC in 2021
    const sdn = await entitySlugs({ targetedBy: ['LISTING'], authority: ['us-ofac'] });
    expect(sdn).toContain('person-chen-quanguo');
    expect(sdn).not.toContain('cn-dahua');
  });

  it('ORs within a field and ANDs across fields', async () => {
    const companies = await entitySlugs({ kind: ['COMPANY'] });
    const people = await entitySlugs({ kind: ['PERSON'] });
    const both = await entitySlugs({ kind: ['COMPANY', 'PERSON'] });
    expect(both.sort()).toEqual([...companies, ...people].sort());
    const usCompanies = await entitySlugs({ kind: ['COMPANY'], country: ['US'] });
    expect(usCompanies.sort()).toEqual(['us-intel', 'us-movidius', 'us-nvidia']);
  });

  it('text matches names and aliases, case- and typo-tolerantly', async () => {
    expect(await entitySlugs({ text: 'hikvision' })).toContain('cn-hikvision');
    expect(await entitySlugs({ text: 'Megvi Technology' })).toContain('cn-megvii');
    const aliasHit = await t.gql('{ entity(slug: "cn-megvii") { aliases } }');
    const alias = (aliasHit.data!.entity.aliases as string[]).find((a) => a.toLowerCase() !== 'megvii technology');
    if (alias) expect(await entitySlugs({ text: alias })).toContain('cn-megvii');
    expect(await entitySlugs({ text: '%' })).toEqual([]);
  });

  it('ids, list + activeOn, and includeDeleted', async () => {
    const idRes = await t.gql('{ a: entity(slug: "cn-dahua") { id } b: entity(slug: "us-intel") { id } }');
    expect((await entitySlugs({ ids: [idRes.data!.a.id, idRes.data!.b.id, 'bm9wZQ'] })).sort()).toEqual(['cn-dahua', 'us-intel']);
    expect(await entitySlugs({ list: ['us-entity-list'], activeOn: '2019-06-01' })).toEqual(['cn-huawei']);
    const nsCmic = await entitySlugs({ list: ['us-ns-cmic-list'] });
    expect(nsCmic).toContain('cn-sensetime');

    await t.server.orm.em.getConnection().execute(`update entity set deleted_at = now() where slug = 'cn-dahua'`);
    try {
      expect(await entitySlugs({ kind: ['COMPANY'] })).not.toContain('cn-dahua');
      expect(await entitySlugs({ kind: ['COMPANY'], includeDeleted: true })).toContain('cn-dahua');
      const lookup = await t.gql('{ entity(slug: "cn-dahua") { id } }');
      expect(lookup.data!.entity).toBeNull();
    } finally {
      await t.server.orm.em.getConnection().execute(`update entity set deleted_at = null where slug = 'cn-dahua'`);
    }
  });
});

describe('ActionFilter', () => {
  it('signatory, concerning, issuingCountry, list, tag and text', async () => {
    expect((await actionSlugs({ signatory: ['JP'] })).sort()).toEqual(['unhrc-2019-07-08-joint-letter-22']);
    const aboutChina = await actionSlugs({ concerning: ['CN'] });
    expect(aboutChina).toContain('unhrc-2019-07-08-joint-letter-22');
    expect(await actionSlugs({ issuingCountry: ['GB'] })).toEqual(['uk-2021-03-22-ghr']);
    const el = await actionSlugs({ list: ['us-entity-list'] });
    expect(el).toContain('bis-el-2019-10-xinjiang-28');
    expect(el).not.toContain('ofac-2020-07-09-glomag-xinjiang');
    const tagged = await t.gql('{ action(slug: "bis-el-2019-10-xinjiang-28") { tags } }');
    const tag = tagged.data!.action.tags[0];
    expect(await actionSlugs({ tag: [tag] })).toContain('bis-el-2019-10-xinjiang-28');
    expect(await actionSlugs({ text: '54002' })).toEqual(['bis-el-2019-10-xinjiang-28']);
    expect(await actionSlugs({ text: '2019-22210' })).toEqual(['bis-el-2019-10-xinjiang-28']);
  });

  it('entity, technology (with descendants) and authority (with sub-authorities)', async () => {
    const hik = await t.gql('{ entity(slug: "cn-hikvision") { id } }');
    expect((await actionSlugs({ entity: [hik.data!.entity.id] })).sort()).toEqual(['bis-el-2019-10-xinjiang-28', 'fcc-covered-list-2021-03-12']);
    const ai = await actionSlugs({ technology: ['artificial-intelligence'] });
    const face = await actionSlugs({ technology: ['facial-recognition'] });
    for (const slug of face) expect(ai).toContain(slug);
    const doc = await actionSlugs({ authority: ['us-doc'] });
    const bis = await actionSlugs({ authority: ['us-bis'] });
    for (const slug of bis) expect(doc).toContain(slug);
    expect(doc.length).toBeGreaterThan(bis.length);
  });

  it('refuses an unknown enum value and an inverted range as BAD_USER_INPUT naming the field', async () => {
    const badEnum = await t.gql('{ actions(filter: { kind: [SANCTION] }) { totalCount } }');
    expect(badEnum.errors?.[0]?.message).toMatch(/SANCTION/);
    expect(badEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badEnum.errors?.[0]?.message).toContain('"kind"');
    const unknownField = await t.gql('{ entities(filter: { colour: "red" }) { totalCount } }');
    expect(unknownField.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownField.errors?.[0]?.message).toContain('colour');
    const inverted = await t.gql('{ entities(filter: { targetedBetween: { from: "2021-01-01", to: "2019-01-01" } }) { totalCount } }');
    expect(inverted.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inverted.errors?.[0]?.message).toContain('"targetedBetween"');
  });
});

describe('orderBy', () => {
  it('sorts by every order field, in both directions', async () => {
    const res = await t.gql(`{
      name: entities(orderBy: [{ field: NAME, direction: DESC }], first: 100) { nodes { name } }
      first: entities(orderBy: [{ field: FIRST_TARGETED_ON }], first: 100) { nodes { slug participations(role: [TARGET], last: 1) { nodes { action { occurredOn } } } } }
      title: actions(orderBy: [{ field: TITLE, direction: ASC }], first: 100) { nodes { title } }
      targets: actions(orderBy: [{ field: TARGET_COUNT }], first: 100) { nodes { targets(first: 0) { totalCount } } }
      created: actions(orderBy: [{ field: CREATED_AT, direction: ASC }], first: 100) { nodes { createdAt } }
      occurred: actions(orderBy: [{ field: OCCURRED_ON, direction: ASC }], first: 100) { nodes { occurredOn } }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    const isSorted = (values: any[], cmp: (a: any, b: any) => number) => values.every((v, i) => i === 0 || cmp(values[i - 1], v) <= 0);
    expect(d.name.nodes.length).toBeGreaterThan(50);
    const names = d.name.nodes.map((n: any) => n.name);
    expect(names[0] >= names[names.length - 1] || names[0].localeCompare(names[names.length - 1]) > 0).toBe(true);
    // participations are newest first, so last: 1 is the first time the entity was targeted.
    const firstTargeted = d.first.nodes.map((n: any) => n.participations.nodes[0]?.action.occurredOn ?? '9999-12-31');
    expect(isSorted(firstTargeted, (a, b) => a.localeCompare(b))).toBe(true);
    expect(d.first.nodes[0].slug).toBe('cn-huawei');
    expect(isSorted(d.targets.nodes.map((n: any) => -n.targets.totalCount), (a, b) => a - b)).toBe(true);
    expect(d.targets.nodes[0].targets.totalCount).toBe(28);
    expect(isSorted(d.created.nodes.map((n: any) => n.createdAt), (a, b) => a.localeCompare(b))).toBe(true);
    expect(isSorted(d.occurred.nodes.map((n: any) => n.occurredOn), (a, b) => a.localeCompare(b))).toBe(true);
    expect(d.title.nodes.length).toBe(d.occurred.nodes.length);
  });
});

describe('nested connections take the same filters and pagination', () => {
  it('Country.actionsSigned, TechnologyCategory.entities, Entity.participations, GovernmentAction.targets, SanctionsList.entries', async () => {
    const res = await t.gql(`{
      cn: country(code: "CN") { actionsConcerning(filter: { kind: [JOINT_LETTER] }) { totalCount } actionsSigned(first: 100) { totalCount } }
      us: country(code: "US") { actionsIssued(filter: { occurredBetween: { from: "2021-01-01" } }, first: 2) { totalCount pageInfo { hasNextPage } nodes { occurredOn } } entities(filter: { kind: [COMPANY] }) { totalCount } }
      ai: technologyCategory(slug: "artificial-intelligence") { entities(filter: { list: ["us-entity-list"], activeOn: "2020-01-01" }, first: 100) { nodes { slug } } }
      hik: entity(slug: "cn-hikvision") { participations(filter: { list: ["us-entity-list"] }) { totalCount nodes { action { slug } } } }
      rule: action(slug: "bis-el-2019-10-xinjiang-28") { targets(filter: { kind: [COMPANY] }, first: 3) { totalCount nodes { entity { name } } pageInfo { hasNextPage } } }
      el: list(slug: "us-entity-list") { entries(activeOn: "2019-12-31", first: 5) { totalCount nodes { entity { slug } } } }
      bis: authority(slug: "us-doc") { actions(filter: { kind: [LISTING] }, first: 100) { totalCount } }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.cn.actionsConcerning.totalCount).toBe(2);
    expect(d.cn.actionsSigned.totalCount).toBe(0);
    expect(d.us.actionsIssued.nodes).toHaveLength(2);
    expect(d.us.actionsIssued.pageInfo.hasNextPage).toBe(d.us.actionsIssued.totalCount > 2);
    for (const a of d.us.actionsIssued.nodes) expect(a.occurredOn >= '2021-01-01').toBe(true);
    expect(d.us.entities.totalCount).toBe(3);
    const aiListed = d.ai.entities.nodes.map((n: any) => n.slug);
    expect(aiListed).toContain('cn-hikvision');
    expect(aiListed).not.toContain('us-nvidia');
    expect(d.hik.participations).toEqual({ totalCount: 1, nodes: [{ action: { slug: 'bis-el-2019-10-xinjiang-28' } }] });
    expect(d.rule.targets.totalCount).toBe(8);
    expect(d.rule.targets.nodes.map((n: any) => n.entity.name)).toEqual([...d.rule.targets.nodes.map((n: any) => n.entity.name)].sort());
    expect(d.rule.targets.pageInfo.hasNextPage).toBe(true);
    expect(d.el.entries.totalCount).toBe(29);
    expect(d.bis.actions.totalCount).toBeGreaterThanOrEqual(6);
  });
});
