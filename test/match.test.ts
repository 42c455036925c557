import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateMatch, formatReport, loadCases, NEAR_MISS } from '../scripts/eval-match';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

const MATCH = `query($input: MatchInput!, $threshold: Float, $first: Int) {
  match(input: $input, threshold: $threshold, first: $first) { score matchedName explanation entity { slug } }
}`;
const MATCH_MANY = `query($inputs: [MatchInput!]!, $threshold: Float, $first: Int) {
  matchMany(inputs: $inputs, threshold: $threshold, first: $first) { score matchedName entity { slug } }
}`;

async function match(input: Record<string, unknown>, threshold?: number) {
  const res = await t.gql(MATCH, { input, threshold });
  expect(res.errors).toBeUndefined();
  return res.data!.match as { score: number; matchedName: string; explanation: string[]; entity: { slug: string } }[];
}

function expectBadInput(res: Awaited<ReturnType<TestServer['gql']>>, argument: string | RegExp) {
  expect(res.errors, JSON.stringify(res.data)).toHaveLength(1);
  const [error] = res.errors!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error.message).toMatch(argument);
}

describe('screening evaluation set (test/fixtures/match-eval.json) through matchMany', () => {
  it('finds the right entity first for at least 90% of the variants and never matches a near-miss', async () => {
    const cases = loadCases();
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.category === NEAR_MISS && c.expected === null).length).toBeGreaterThanOrEqual(12);
    const report = await evaluateMatch(t.gql, cases, 0.5);
    expect(report.total).toBe(cases.length);
    expect(report.top1Accuracy, formatReport(report)).toBeGreaterThanOrEqual(0.9);
    expect(report.nearMisses.total).toBeGreaterThanOrEqual(12);
    expect(report.nearMisses.falseMatches, formatReport(report)).toBe(0);
    for (const row of report.rows) {
      for (const m of row.matches) {
        expect(m.score).toBeGreaterThanOrEqual(0.5);
        expect(m.score).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('match', () => {
  it('screens "SENSE TIME GROUP LIMITED" (CN) to SenseTime with a high score and an explanation', async () => {
    const matches = await match({ name: 'SENSE TIME GROUP LIMITED', country: 'CN' });
    expect(matches[0].entity.slug).toBe('cn-sensetime');
    expect(matches[0].score).toBeGreaterThanOrEqual(0.8);
    expect(matches[0].explanation.length).toBeGreaterThan(0);
    expect(matches[0].explanation.join(' ')).toMatch(/country CN matches/);
  });

  it('explains a fuzzy match feature by feature', async () => {
    const [top] = await match({ name: 'Hikvisoin' });
    expect(top.entity.slug).toBe('cn-hikvision');
    expect(top.matchedName).toBe('Hikvision');
    expect(top.explanation.join('\n')).toMatch(/spelling: trigram[\s\S]*words:[\s\S]*sound:/);
  });

  it('keeps scores in [0, 1], best first, even with every hint agreeing', async () => {
    for (const input of [
      { name: 'Hikvision', country: 'CN', kind: 'COMPANY', address: 'Hangzhou' },
      { name: 'Xinjiang Public Security Bureau', kind: 'GOVERNMENT_AGENCY' },
      { name: 'Public Security Bureau' },
    ]) {
      const matches = await match(input, 0);
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) {
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
      }
      const scores = matches.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('a wrong country hint lowers the score', async () => {
    const [plain] = await match({ name: 'Hikvisoin' }, 0);
    const [right] = await match({ name: 'Hikvisoin', country: 'CN' }, 0);
    const [wrong] = await match({ name: 'Hikvisoin', country: 'US' }, 0);
    for (const m of [plain, right, wrong]) expect(m.entity.slug).toBe('cn-hikvision');
    expect(right.score).toBeGreaterThan(plain.score);
    expect(wrong.score).toBeLessThan(plain.score);
    expect(wrong.explanation.join(' ')).toMatch(/country US differs from CN/);
    // Below the default threshold, the wrong-country candidate drops out.
    expect((await match({ name: 'Sense Networks', country: 'US' })).map((m) => m.entity.slug)).not.toContain('cn-sensetime');
  });

  it('rejects an empty or white-space name, a threshold outside [0, 1] and first over 100', async () => {
    expectBadInput(await t.gql(MATCH, { input: { name: '' } }), /input\.name/);
    expectBadInput(await t.gql(MATCH, { input: { name: '  \t ' } }), /input\.name/);
    expectBadInput(await t.gql(MATCH, { input: { name: 'Hikvision' }, threshold: 1.5 }), /threshold/);
    expectBadInput(await t.gql(MATCH, { input: { name: 'Hikvision' }, threshold: -0.1 }), /threshold/);
    expectBadInput(await t.gql(MATCH, { input: { name: 'Hikvision' }, first: 101 }), /first/);
  });
});

describe('matchMany', () => {
  it('answers in input order, an empty list where nothing matches', async () => {
    const names = ['Megvii', 'Acme Corporation', 'hikvison', '商汤科技', 'Chen Quanguo', 'Sugon'];
    const res = await t.gql(MATCH_MANY, { inputs: names.map((name) => ({ name })) });
    expect(res.errors).toBeUndefined();
    const tops = (res.data!.matchMany as { entity: { slug: string } }[][]).map((m) => m[0]?.entity.slug ?? null);
    expect(tops).toEqual(['cn-megvii', null, 'cn-hikvision', 'cn-sensetime', 'person-chen-quanguo', 'cn-dawning']);
  });

  it('takes at most 100 inputs, and checks threshold, first and every name', async () => {
    const inputs = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Name ${i}` }));
    const ok = await t.gql(MATCH_MANY, { inputs: inputs(100) });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.matchMany).toHaveLength(100);
    const tooMany = await t.gql(MATCH_MANY, { inputs: inputs(101) });
    expectBadInput(tooMany, /"inputs"/);
    expect(tooMany.errors![0].extensions?.argument).toBe('inputs');
    expectBadInput(await t.gql(MATCH_MANY, { inputs: inputs(2), threshold: 2 }), /threshold/);
    expectBadInput(await t.gql(MATCH_MANY, { inputs: inputs(2), threshold: -1 }), /threshold/);
    expectBadInput(await t.gql(MATCH_MANY, { inputs: inputs(2), first: 101 }), /first/);
    expectBadInput(await t.gql(MATCH_MANY, { inputs: [{ name: 'Hikvision' }, { name: '   ' }] }), /inputs\[1\]\.name/);
  });

  it('runs at most two SQL statements, for 1 input as for 50 (exact names, then fuzzy candidates)', async () => {
    const count = async (n: number, aliases: string[]) => {
      const { res, statements } = await t.gqlWithStatements(`query($inputs: [MatchInput!]!) {
          matchMany(inputs: $inputs, threshold: 0) { score entity { slug name country { code } } }
        }`, {
        inputs: Array.from({ length: n }, (_, i) => ({ name: ['Hikvision', 'Hikvison Digitel', 'Public Security Bureau', 'Chen'][i % 4], aliases })),
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.matchMany).toHaveLength(n);
      return statements.length;
    };
    await count(3, []); // warm-up: reference tables (countries) are read once per pool, not per request
    // "Hikvision" is an entity's exact name: the exact-name statement alone answers it.
    expect(await count(1, [])).toBe(1);
    // "Hikvison Digitel", "Public Security Bureau" and "Chen" are not: the fuzzy statement runs too, once for all.
    expect(await count(2, [])).toBe(2);
    expect(await count(50, [])).toBe(2);
    // An alias that is an exact name ("Megvii") answers every input exactly.
    expect(await count(50, ['Megvii'])).toBe(1);
  });
});
