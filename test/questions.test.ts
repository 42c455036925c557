import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

const AI_FIRMS_ON_ENTITY_LIST = `{
  entities(filter: {technology: ["artificial-intelligence", "surveillance"], list: ["us-entity-list"]}, first: 50) {
    totalCount
    nodes { slug name technologies { slug }
      participations(role: [TARGET]) { nodes { grounds licensePolicy action { slug title citation occurredOn authority { name abbreviation } list { slug } } } } }
  }
}`;

describe('the questions policy-kb was built for, through the HTTP endpoint', () => {
  it('names the AI and surveillance firms of the October 2019 Entity List rule, with grounds, citation and date', async () => {
    const res = await t.gql(AI_FIRMS_ON_ENTITY_LIST);
    expect(res.errors).toBeUndefined();
    const firms = res.data!.entities.nodes as any[];
    const slugs = firms.map((f) => f.slug);
    for (const slug of ['cn-hikvision', 'cn-dahua', 'cn-megvii', 'cn-sensetime', 'cn-iflytek', 'cn-yitu']) expect(slugs).toContain(slug);
    // Government bureaus and the forensics firm are on the list but not in these categories.
    expect(slugs).not.toContain('cn-xuar-psb');
    expect(slugs).not.toContain('cn-meiya-pico');
    expect(res.data!.entities.totalCount).toBe(firms.length);
    for (const firm of firms) {
      const rule = firm.participations.nodes.find((p: any) => p.action.slug === 'bis-el-2019-10-xinjiang-28');
      expect(rule, firm.slug).toBeDefined();
      expect(rule.action).toMatchObject({ citation: '84 FR 54002', occurredOn: '2019-10-09', authority: { abbreviation: 'BIS' }, list: { slug: 'us-entity-list' } });
      expect(rule.grounds).toMatch(/Uighurs/);
      expect(rule.licensePolicy).toMatch(/presumption of denial/i);
    }
  });

  it('the October 2019 rule names 28 targets, each with grounds and licence terms, and cites sources', async () => {
    const res = await t.gql(`{ action(slug: "bis-el-2019-10-xinjiang-28") {
      kind documentNumber effectiveOn issuingCountry { code } sources { url kind }
      targets(first: 100) { totalCount nodes { grounds licenseRequirement licensePolicy entity { slug verified note } } }
      technologies { slug } } }`);
    expect(res.errors).toBeUndefined();
    const action = res.data!.action;
    expect(action).toMatchObject({ kind: 'LISTING', documentNumber: '2019-22210', effectiveOn: '2019-10-09', issuingCountry: { code: 'US' } });
    expect(action.targets.totalCount).toBe(28);
    for (const target of action.targets.nodes) {
      expect(target.grounds).toBeTruthy();
      expect(target.licenseRequirement).toBe('For all items subject to the EAR');
      expect(target.licensePolicy).toBeTruthy();
    }
    expect(action.sources.map((s: any) => s.url)).toContain('https://www.federalregister.gov/d/2019-22210');
    // Subordinate bureaus whose names the fact sheet could not verify say so.
    const aksu = action.targets.nodes.find((n: any) => n.entity.slug === 'cn-psb-aksu');
    expect(aksu.entity.verified).toBe(false);
    expect(aksu.entity.note).toMatch(/unverified|could not|not (been )?verified|reconstructed/i);
    expect(action.technologies.map((x: any) => x.slug)).toEqual(expect.arrayContaining(['facial-recognition', 'video-surveillance']));
  });

  it('answers who was on the Entity List on 2020-01-01, and whether Hikvision was listed on a date', async () => {
    const res = await t.gql(`{
      list(slug: "us-entity-list") {
        on2020: entries(activeOn: "2020-01-01", first: 100) { totalCount nodes { since active entity { slug } addedBy { slug } } }
        on2019: entries(activeOn: "2019-06-01", first: 100) { totalCount nodes { entity { slug } } }
      }
      hik: entity(slug: "cn-hikvision") {
        before: listings(activeOn: "2019-10-08") { since }
        after: listings(activeOn: "2019-10-09") { since active list { slug } addedBy { citation } grounds }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const on2020 = res.data!.list.on2020;
    const slugs = on2020.nodes.map((n: any) => n.entity.slug);
    expect(slugs).toContain('cn-hikvision');
    expect(slugs).toContain('cn-huawei');
    // 28 from October 2019 plus Huawei (May 2019); the 2020 tranches came later.
    expect(on2020.totalCount).toBe(29);
    expect(slugs).not.toContain('cn-cloudwalk');
    expect(on2020.nodes.every((n: any) => n.active && n.since <= '2020-01-01')).toBe(true);
    expect(res.data!.list.on2019.nodes.map((n: any) => n.entity.slug)).toEqual(['cn-huawei']);
    expect(res.data!.hik.before).toEqual([]);
    expect(res.data!.hik.after).toEqual([
      expect.objectContaining({ since: '2019-10-09', active: true, list: { slug: 'us-entity-list' }, addedBy: { citation: '84 FR 54002' } }),
    ]);
  });

  it('lists the 22 signatories of the July 2019 letter, China as its subject, and the counter-letter that responds to it', async () => {
    const res = await t.gql(`{
      letter: action(slug: "unhrc-2019-07-08-joint-letter-22") {
        kind signatories { code } concerns { code } authority { slug kind }
        related { kind action { slug } }
      }
      counter: action(slug: "unhrc-2019-07-12-joint-letter-37") { related(kind: [RESPONDS_TO]) { kind action { slug } } signatories { code } }
      gb: country(code: "gb") { actionsSigned(filter: { kind: [JOINT_LETTER] }) { totalCount nodes { slug } } }
    }`);
    expect(res.errors).toBeUndefined();
    const { letter, counter, gb } = res.data!;
    expect(letter.kind).toBe('JOINT_LETTER');
    expect(letter.signatories).toHaveLength(22);
    expect(letter.signatories.map((c: any) => c.code)).toEqual(expect.arrayContaining(['GB', 'DE', 'FR', 'JP', 'AU', 'CA']));
    expect(letter.signatories.map((c: any) => c.code)).not.toContain('US');
    expect(letter.concerns).toEqual([{ code: 'CN' }]);
    expect(letter.related).toContainEqual({ kind: 'RESPONDED_TO_BY', action: { slug: 'unhrc-2019-07-12-joint-letter-37' } });
    expect(counter.related).toEqual([{ kind: 'RESPONDS_TO', action: { slug: 'unhrc-2019-07-08-joint-letter-22' } }]);
    expect(counter.signatories.length).toBeGreaterThanOrEqual(37);
    const both = letter.signatories.filter((c: any) => counter.signatories.some((d: any) => d.code === c.code));
    expect(both).toEqual([]);
    expect(gb.actionsSigned.nodes.map((a: any) => a.slug)).toEqual(['unhrc-2019-07-08-joint-letter-22']);
  });

  it('links the coordinated sanctions of 2021-03-22 and the firms and bureaus by their relations, from both ends', async () => {
    const res = await t.gql(`{
      ofac: action(slug: "ofac-2021-03-22-glomag") { related(kind: [COORDINATED_WITH]) { action { slug issuingCountry { code } } } }
      movidius: entity(slug: "us-movidius") { country { code } technologies { slug } relations { kind entity { slug } sources { url } } sources { url } }
      intel: entity(slug: "us-intel") { relations(kind: [PARENT_OF]) { kind entity { slug } } }
      aksu: entity(slug: "cn-psb-aksu") { relations { kind entity { slug } } }
    }`);
    expect(res.errors).toBeUndefined();
    const { ofac, movidius, intel, aksu } = res.data!;
    expect(ofac.related.map((r: any) => r.action.slug).sort()).toEqual(['ca-2021-03-22-sema', 'eu-2021-03-22-ghrsr', 'uk-2021-03-22-ghr']);
    expect(movidius.country.code).toBe('US');
    expect(movidius.relations).toEqual([expect.objectContaining({ kind: 'SUBSIDIARY_OF', entity: { slug: 'us-intel' } })]);
    expect(movidius.relations[0].sources.length).toBeGreaterThan(0);
    expect(movidius.sources.length).toBeGreaterThan(0);
    expect(intel.relations).toEqual([{ kind: 'PARENT_OF', entity: { slug: 'us-movidius' } }]);
    expect(aksu.relations).toEqual([{ kind: 'SUBORDINATE_OF', entity: { slug: 'cn-xuar-psb' } }]);
  });

  it('filters by technology with descendants, kind, country and occurredBetween', async () => {
    const res = await t.gql(`{
      ai: entities(filter: { technology: ["artificial-intelligence"] }, first: 100) { nodes { slug } }
      face: entities(filter: { technology: ["facial-recognition"] }, first: 100) { nodes { slug } }
      us: entities(filter: { country: ["US"], kind: [COMPANY] }, first: 100) { nodes { slug } }
      in2020: actions(filter: { occurredBetween: { from: "2020-01-01", to: "2020-12-31" }, kind: [LISTING] }, first: 100) { nodes { occurredOn kind } }
      tree: technologyCategory(slug: "artificial-intelligence") { children { slug } entities(first: 100) { totalCount }
        direct: entities(includeDescendants: false, first: 100) { totalCount } }
      roots: technologyCategories(rootsOnly: true) { slug parent { slug } }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    const ai = d.ai.nodes.map((n: any) => n.slug);
    // Hikvision is filed under facial-recognition, a child of artificial-intelligence.
    expect(ai).toContain('cn-hikvision');
    expect(d.face.nodes.map((n: any) => n.slug)).not.toContain('cn-iflytek');
    expect(d.us.nodes.map((n: any) => n.slug).sort()).toEqual(['us-intel', 'us-movidius', 'us-nvidia']);
    expect(d.in2020.nodes.length).toBeGreaterThan(0);
    for (const a of d.in2020.nodes) {
      expect(a.kind).toBe('LISTING');
      expect(a.occurredOn >= '2020-01-01' && a.occurredOn <= '2020-12-31').toBe(true);
    }
    expect(d.tree.children.map((c: any) => c.slug)).toEqual(expect.arrayContaining(['computer-vision', 'facial-recognition', 'speech-recognition']));
    expect(d.tree.entities.totalCount).toBe(ai.length);
    expect(d.tree.direct.totalCount).toBeLessThan(ai.length);
    expect(d.roots.every((r: any) => r.parent === null)).toBe(true);
    expect(d.roots.map((r: any) => r.slug)).toEqual(expect.arrayContaining(['artificial-intelligence', 'surveillance', 'semiconductors', 'digital-forensics', 'telecommunications-equipment']));
  });

  it('resolves every global id it hands out with node and nodes', async () => {
    const res = await t.gql(`{ entity(slug: "cn-megvii") { id name country { id } } action(slug: "law-us-uflpa-2021") { id kind authority { id slug } } }`);
    const { entity, action } = res.data!;
    const again = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Entity { name } ... on GovernmentAction { kind } ... on Country { code } ... on Authority { slug } } }`, {
      ids: [entity.id, action.id, entity.country.id, action.authority.id, 'bm9wZQ'],
    });
    expect(again.errors).toBeUndefined();
    expect(again.data!.nodes).toEqual([
      { id: entity.id, __typename: 'Entity', name: 'Megvii Technology' },
      { id: action.id, __typename: 'GovernmentAction', kind: 'LEGISLATION' },
      { id: entity.country.id, __typename: 'Country', code: 'CN' },
      { id: action.authority.id, __typename: 'Authority', slug: action.authority.slug },
      null,
    ]);
  });

  it('every seeded action and entity cites at least one source', async () => {
    const res = await t.gql(`{ actions(first: 100) { totalCount nodes { slug sources { url } } } entities(first: 100) { totalCount nodes { slug sources { url } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.actions.totalCount).toBe(res.data!.actions.nodes.length);
    expect(res.data!.entities.totalCount).toBe(res.data!.entities.nodes.length);
    for (const record of [...res.data!.actions.nodes, ...res.data!.entities.nodes]) expect(record.sources.length, record.slug).toBeGreaterThan(0);
  });
});
