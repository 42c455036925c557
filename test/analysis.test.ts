import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

/** Adds one period of a granularity to an ISO date (UTC). */
function addPeriod(date: string, granularity: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (granularity === 'DAY') d.setUTCDate(d.getUTCDate() + 1);
  if (granularity === 'WEEK') d.setUTCDate(d.getUTCDate() + 7);
  if (granularity === 'MONTH') d.setUTCMonth(d.getUTCMonth() + 1);
  if (granularity === 'QUARTER') d.setUTCMonth(d.getUTCMonth() + 3);
  if (granularity === 'YEAR') d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

describe('timeline', () => {
  for (const granularity of ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']) {
    it(`${granularity} buckets are contiguous, include empty periods and add up`, async () => {
      const res = await t.gql(`query($g: Granularity) { timeline(granularity: $g) { granularity total buckets { start end count byKind { kind count } } } all: actions { totalCount } }`, { g: granularity });
      expect(res.errors).toBeUndefined();
      const { timeline, all } = res.data!;
      expect(timeline.granularity).toBe(granularity);
      expect(timeline.total).toBe(all.totalCount);
      const buckets = timeline.buckets as any[];
      expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(timeline.total);
      for (let i = 0; i < buckets.length; i++) {
        const b = buckets[i];
        expect(b.byKind.reduce((s: number, k: any) => s + k.count, 0)).toBe(b.count);
        expect(addPeriod(b.start, granularity)).toBe(addPeriod(b.end, 'DAY'));
        if (i > 0) expect(b.start).toBe(addPeriod(buckets[i - 1].end, 'DAY'));
      }
      expect(buckets[0].count).toBeGreaterThan(0);
      expect(buckets[buckets.length - 1].count).toBeGreaterThan(0);
      if (granularity === 'MONTH') {
        // 2019-05 (Huawei) to 2021-12 (UFLPA, NS-CMIC): 32 months, most of them empty.
        expect(buckets[0].start).toBe('2019-05-01');
        expect(buckets[buckets.length - 1].start).toBe('2021-12-01');
        expect(buckets).toHaveLength(32);
        expect(buckets.some((b) => b.count === 0)).toBe(true);
      }
      if (granularity === 'WEEK') expect(new Date(`${buckets[0].start}T00:00:00Z`).getUTCDay()).toBe(1);
    });
  }

  it('counts per month the actions that targeted facial-recognition firms, with the first actions of each bucket', async () => {
    const res = await t.gql(`{ timeline(filter: { technology: ["facial-recognition"] }, granularity: YEAR) {
      total buckets { start count byKind { kind count } actions(first: 1) { slug occurredOn } } } }`);
    expect(res.errors).toBeUndefined();
    const buckets = res.data!.timeline.buckets as any[];
    expect(buckets.map((b) => b.start)).toEqual(['2019-01-01', '2020-01-01', '2021-01-01']);
    expect(buckets[0]).toMatchObject({ count: 1, byKind: [{ kind: 'LISTING', count: 1 }], actions: [{ slug: 'bis-el-2019-10-xinjiang-28' }] });
    for (const b of buckets) expect(b.actions.length).toBe(Math.min(1, b.count));
  });

  it('is empty when nothing matches, and refuses an inverted date range naming the field', async () => {
    const none = await t.gql('{ timeline(filter: { kind: [EXECUTIVE_ORDER] }) { total buckets { start } } }');
    expect(none.data!.timeline).toEqual({ total: 0, buckets: [] });
    const bad = await t.gql('{ timeline(filter: { occurredBetween: { from: "2021-01-01", to: "2020-01-01" } }) { total } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('occurredBetween');
  });
});

describe('stats', () => {
  it('facets actions under a filter, each facet summing sensibly', async () => {
    const res = await t.gql(`{
      all: actionStats { total byKind { key label count } byYear { key count } byIssuingCountry { key count } }
      bis: actionStats(filter: { authority: ["us-doc"] }) { total byAuthority { key label count } bySignatory { key } }
      letters: actionStats(filter: { kind: [JOINT_LETTER] }) { total bySignatory { key label count } }
      tech: actionStats(filter: { technology: ["artificial-intelligence"] }) { total byTechnology { key count } }
    }`);
    expect(res.errors).toBeUndefined();
    const { all, bis, letters, tech } = res.data!;
    expect(all.byKind.reduce((s: number, f: any) => s + f.count, 0)).toBe(all.total);
    expect(all.byYear.map((f: any) => f.key)).toEqual(['2019', '2020', '2021']);
    expect(all.byYear.reduce((s: number, f: any) => s + f.count, 0)).toBe(all.total);
    expect(all.byKind[0]).toEqual({ key: 'LISTING', label: 'Listing', count: expect.any(Number) });
    expect(all.byIssuingCountry[0].key).toBe('US');
    // us-doc includes its sub-authority BIS.
    expect(bis.byAuthority.map((f: any) => f.key).sort()).toEqual(['us-bis', 'us-doc']);
    expect(bis.bySignatory).toEqual([]);
    expect(letters.total).toBe(2);
    const gb = letters.bySignatory.find((f: any) => f.key === 'GB');
    expect(gb).toEqual({ key: 'GB', label: 'United Kingdom', count: 1 });
    expect(letters.bySignatory.length).toBeGreaterThan(59);
    const face = tech.byTechnology.find((f: any) => f.key === 'facial-recognition');
    expect(face.count).toBeGreaterThan(0);
    expect(face.count).toBeLessThanOrEqual(tech.total);
  });

  it('facets entities: the Entity List by kind, technology and list, and on a date', async () => {
    const res = await t.gql(`{
      el: entityStats(filter: { list: ["us-entity-list"] }) { total byKind { key count } byCountry { key count } byList { key count } byTechnology { key count } }
      on2020: entityStats(filter: { list: ["us-entity-list"], activeOn: "2020-01-01" }) { total byList { key count } }
      everything: entities(first: 1) { totalCount }
      all: entityStats { total }
    }`);
    expect(res.errors).toBeUndefined();
    const { el, on2020, everything, all } = res.data!;
    expect(all.total).toBe(everything.totalCount);
    expect(el.byKind.reduce((s: number, f: any) => s + f.count, 0)).toBe(el.total);
    expect(el.byCountry).toEqual([{ key: 'CN', count: el.total }]);
    expect(el.byList.find((f: any) => f.key === 'us-entity-list').count).toBe(el.total);
    expect(on2020.total).toBe(29);
    expect(on2020.byList.find((f: any) => f.key === 'us-entity-list').count).toBe(29);
  });

  it('warns when every slug of a filter field is unknown, and only then', async () => {
    const typo = await t.gql('{ entities(filter: { technology: ["facial-recogniton"] }) { totalCount } }');
    expect(typo.data!.entities.totalCount).toBe(0);
    expect((typo as any).extensions?.warnings).toEqual([{ field: 'filter.technology', message: expect.stringContaining('facial-recogniton') }]);
    const mixed = await t.gql('{ entities(filter: { technology: ["facial-recogniton", "facial-recognition"] }) { totalCount } }');
    expect(mixed.data!.entities.totalCount).toBeGreaterThan(0);
    expect((mixed as any).extensions?.warnings).toBeUndefined();
  });
});

describe('graph', () => {
  it('walks breadth-first from Hikvision: depth 1 has its rules and categories, depth 2 reaches the Xinjiang PSB', async () => {
    const ids = await t.gql('{ entity(slug: "cn-hikvision") { id } psb: entity(slug: "cn-xuar-psb") { id } rule: action(slug: "bis-el-2019-10-xinjiang-28") { id } }');
    const { entity, psb, rule } = ids.data!;
    const q = `query($ids: [ID!]!, $d: Int, $m: Int) { graph(rootIds: $ids, depth: $d, maxNodes: $m) { truncated nodes { id type label node { id } } edges { source target kind } } }`;
    const one = (await t.gql(q, { ids: [entity.id], d: 1 })).data!.graph;
    expect(one.truncated).toBe(false);
    expect(one.nodes[0]).toMatchObject({ id: entity.id, type: 'Entity', label: 'Hikvision', node: { id: entity.id } });
    expect(one.nodes.map((n: any) => n.id)).toContain(rule.id);
    expect(one.nodes.map((n: any) => n.type)).toContain('TechnologyCategory');
    expect(one.edges).toContainEqual({ source: rule.id, target: entity.id, kind: 'TARGET' });
    expect(one.nodes.map((n: any) => n.id)).not.toContain(psb.id);

    const two = (await t.gql(q, { ids: [entity.id], d: 2 })).data!.graph;
    const nodeIds = new Set(two.nodes.map((n: any) => n.id));
    expect(nodeIds.has(psb.id)).toBe(true);
    expect(two.nodes.find((n: any) => n.type === 'Authority')?.label).toBe('Bureau of Industry and Security');
    expect(new Set(two.nodes.map((n: any) => n.id)).size).toBe(two.nodes.length);
    for (const e of two.edges) {
      expect(nodeIds.has(e.source)).toBe(true);
      expect(nodeIds.has(e.target)).toBe(true);
    }
    expect(two.edges).toContainEqual({ source: rule.id, target: psb.id, kind: 'TARGET' });
    // Edges among the outermost nodes are drawn too: the bureaus are subordinate to the PSB.
    const aksu = (await t.gql('{ entity(slug: "cn-psb-aksu") { id } }')).data!.entity.id;
    expect(two.edges).toContainEqual({ source: aksu, target: psb.id, kind: 'SUBORDINATE_OF' });
  });

  it('stops at maxNodes and says so; leaves unknown roots out; refuses bad bounds naming the argument', async () => {
    const ids = await t.gql('{ rule: action(slug: "bis-el-2019-10-xinjiang-28") { id } }');
    const small = await t.gql('query($ids: [ID!]!) { graph(rootIds: $ids, depth: 2, maxNodes: 5) { truncated nodes { id } } }', { ids: [ids.data!.rule.id, 'RW50aXR5Ojk5OTk5'] });
    expect(small.data!.graph.truncated).toBe(true);
    expect(small.data!.graph.nodes).toHaveLength(5);
    expect(small.data!.graph.nodes[0].id).toBe(ids.data!.rule.id);
    const empty = await t.gql('{ graph(rootIds: ["RW50aXR5Ojk5OTk5", "nonsense"]) { truncated nodes { id } edges { kind } } }');
    expect(empty.data!.graph).toEqual({ truncated: false, nodes: [], edges: [] });
    for (const [args, name] of [
      ['depth: 9', 'depth'],
      ['maxNodes: 0', 'maxNodes'],
    ]) {
      const bad = await t.gql(`{ graph(rootIds: [], ${args}) { truncated } }`);
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.message).toContain(`"${name}"`);
    }
  });
});
