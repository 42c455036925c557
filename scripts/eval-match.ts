/**
 * Screening evaluation (npm run eval:match).
 *
 * Runs the labelled query variants of test/fixtures/match-eval.json through `matchMany` over
 * HTTP and reports precision, recall, top-1 accuracy, false matches on names that must not
 * match, a per-category table and the failing rows.
 *
 * Standalone it creates a scratch database on DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres), migrates and seeds it, starts the real server
 * in this process on a random loopback port, evaluates, and drops the database at the end.
 * test/match.test.ts reuses `evaluateMatch` against its own test server.
 *
 *   npm run eval:match -- [--threshold 0.5] [--json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { startScratchServer } from './scratch-server';

export const FIXTURE = path.resolve(__dirname, '../test/fixtures/match-eval.json');
/** matchMany takes at most this many inputs per call. */
const CHUNK = 100;

export interface EvalInput {
  name: string;
  country?: string;
  kind?: string;
  aliases?: string[];
  address?: string;
}

export interface EvalCase {
  input: EvalInput;
  /** The slug of the entity the input names, or null when it must match nothing. */
  expected: string | null;
  category: string;
  note?: string;
}

export interface EvalMatch {
  slug: string;
  score: number;
  matchedName: string;
  explanation: string[];
}

export interface EvalRow {
  case: EvalCase;
  /** The matches at the threshold, best first. */
  matches: EvalMatch[];
  /** The first match, or null when nothing reached the threshold. */
  top: EvalMatch | null;
  /** Top-1 is right: the expected entity first, or no match when none is expected. */
  correct: boolean;
}

export interface CategoryStats {
  category: string;
  total: number;
  correct: number;
  accuracy: number;
}

export interface EvalReport {
  threshold: number;
  total: number;
  /** Top-1 is the expected entity. */
  truePositives: number;
  /** Top-1 is an entity, but not the expected one (or none was expected). */
  falsePositives: number;
  /** An entity was expected and top-1 is not it (no match, or another entity). */
  falseNegatives: number;
  /** truePositives / (truePositives + falsePositives): how often a reported match is right. */
  precision: number;
  /** truePositives / rows expecting an entity: how many named entities are found first. */
  recall: number;
  /** Correct rows / all rows. */
  top1Accuracy: number;
  /** Rows expecting no match. */
  nullRows: number;
  /** Rows expecting no match that matched something: false alarms. */
  falseMatches: number;
  /** Rows of category "near-miss" (different parties with similar names) and how many of them matched something. */
  nearMisses: { total: number; falseMatches: number };
  byCategory: CategoryStats[];
  rows: EvalRow[];
  failures: EvalRow[];
}

/** Posts one GraphQL request; the test helper's `gql` fits. */
export type Gql = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: Record<string, any> | null; errors?: { message: string }[] }>;

const MATCH_MANY = `query EvalMatchMany($inputs: [MatchInput!]!, $threshold: Float!) {
  matchMany(inputs: $inputs, threshold: $threshold, first: 5) {
    score matchedName explanation entity { slug }
  }
}`;

export function loadCases(file = FIXTURE): EvalCase[] {
  const cases = JSON.parse(fs.readFileSync(file, 'utf8')) as EvalCase[];
  if (!Array.isArray(cases) || !cases.length) throw new Error(`${file}: expected a non-empty array of cases`);
  cases.forEach((c, i) => {
    if (!c?.input?.name || typeof c.input.name !== 'string') throw new Error(`${file}[${i}]: input.name is required`);
    if (c.expected !== null && typeof c.expected !== 'string') throw new Error(`${file}[${i}]: expected must be a slug or null`);
    if (!c.category) throw new Error(`${file}[${i}]: category is required`);
  });
  return cases;
}

const ratio = (n: number, d: number) => (d ? n / d : 1);
/** The category of names that must not match although they look like a listed one. */
export const NEAR_MISS = 'near-miss';

/** Runs every case through matchMany (chunks of 100) and scores the answers. */
export async function evaluateMatch(gql: Gql, cases: readonly EvalCase[] = loadCases(), threshold = 0.5): Promise<EvalReport> {
  const rows: EvalRow[] = [];
  for (let start = 0; start < cases.length; start += CHUNK) {
    const chunk = cases.slice(start, start + CHUNK);
    const res = await gql(MATCH_MANY, { inputs: chunk.map((c) => c.input), threshold });
    if (res.errors?.length || !res.data) throw new Error(`matchMany failed: ${JSON.stringify(res.errors)}`);
    const answers = res.data.matchMany as { score: number; matchedName: string; explanation: string[]; entity: { slug: string } }[][];
    if (answers.length !== chunk.length) throw new Error(`matchMany answered ${answers.length} lists for ${chunk.length} inputs`);
    chunk.forEach((c, i) => {
      const matches = answers[i].map((m) => ({ slug: m.entity.slug, score: m.score, matchedName: m.matchedName, explanation: m.explanation }));
      const top = matches[0] ?? null;
      rows.push({ case: c, matches, top, correct: c.expected === null ? top === null : top?.slug === c.expected });
    });
  }
  const positives = rows.filter((r) => r.case.expected !== null);
  const truePositives = positives.filter((r) => r.correct).length;
  const falsePositives = rows.filter((r) => r.top && r.top.slug !== r.case.expected).length;
  const nullRows = rows.filter((r) => r.case.expected === null);
  const categories = [...new Set(rows.map((r) => r.case.category))];
  const byCategory = categories.map((category) => {
    const inCategory = rows.filter((r) => r.case.category === category);
    const correct = inCategory.filter((r) => r.correct).length;
    return { category, total: inCategory.length, correct, accuracy: ratio(correct, inCategory.length) };
  });
  return {
    threshold,
    total: rows.length,
    truePositives,
    falsePositives,
    falseNegatives: positives.length - truePositives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, positives.length),
    top1Accuracy: ratio(rows.filter((r) => r.correct).length, rows.length),
    nullRows: nullRows.length,
    falseMatches: nullRows.filter((r) => r.top).length,
    nearMisses: {
      total: rows.filter((r) => r.case.category === NEAR_MISS).length,
      falseMatches: rows.filter((r) => r.case.category === NEAR_MISS && r.case.expected === null && r.top).length,
    },
    byCategory,
    rows,
    failures: rows.filter((r) => !r.correct),
  };
}

const fmt = (n: number) => n.toFixed(3);

function describeInput(input: EvalInput): string {
  const hints = [
    input.country && `country ${input.country}`,
    input.kind && `kind ${input.kind}`,
    input.aliases?.length && `aliases ${JSON.stringify(input.aliases)}`,
    input.address && `address ${JSON.stringify(input.address)}`,
  ].filter(Boolean);
  return JSON.stringify(input.name) + (hints.length ? ` (${hints.join(', ')})` : '');
}

/** The report as plain text: summary, per-category table, failing rows. */
export function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  lines.push(`match evaluation: ${report.total} cases, threshold ${report.threshold}`);
  lines.push(`  precision        ${fmt(report.precision)}  (${report.truePositives} right of ${report.truePositives + report.falsePositives} reported top matches)`);
  lines.push(`  recall           ${fmt(report.recall)}  (${report.truePositives} of ${report.total - report.nullRows} named entities found first)`);
  lines.push(`  top-1 accuracy   ${fmt(report.top1Accuracy)}  (${report.total - report.failures.length} of ${report.total} rows)`);
  lines.push(`  false matches    ${report.nearMisses.falseMatches} of ${report.nearMisses.total} near-misses`);
  const nullCategories = [...new Set(report.rows.filter((r) => r.case.expected === null).map((r) => r.case.category))].map((category) => {
    const rows = report.rows.filter((r) => r.case.expected === null && r.case.category === category);
    return `${category} ${rows.filter((r) => r.top).length}/${rows.length}`;
  });
  lines.push(`                   ${report.falseMatches} of ${report.nullRows} names that must not match (${nullCategories.join(', ')})`);
  lines.push('');
  const width = Math.max(8, ...report.byCategory.map((c) => c.category.length));
  lines.push(`  ${'category'.padEnd(width)}  rows  right  accuracy`);
  for (const c of report.byCategory) {
    lines.push(`  ${c.category.padEnd(width)}  ${String(c.total).padStart(4)}  ${String(c.correct).padStart(5)}  ${fmt(c.accuracy).padStart(8)}`);
  }
  lines.push('');
  if (!report.failures.length) {
    lines.push('no failing rows');
  } else {
    lines.push(`failing rows (${report.failures.length}):`);
    for (const r of report.failures) {
      const got = r.top ? `${r.top.slug} ${fmt(r.top.score)} via "${r.top.matchedName}"` : 'no match';
      lines.push(`  [${r.case.category}] ${describeInput(r.case.input)}: expected ${r.case.expected ?? 'no match'}, got ${got}`);
      const expected = r.matches.find((m) => m.slug === r.case.expected);
      if (expected && expected !== r.top) lines.push(`      expected entity scored ${fmt(expected.score)}`);
      if (r.top) for (const e of r.top.explanation) lines.push(`      ${e}`);
    }
  }
  return lines.join('\n');
}

function parseArgs(argv: string[]): { threshold: number; json: boolean } {
  const options = { threshold: 0.5, json: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--json') options.json = true;
    else if (flag === '--threshold') {
      const n = Number(inline ?? argv[++i]);
      if (!(n >= 0 && n <= 1)) throw new Error(`--threshold must be between 0 and 1`);
      options.threshold = n;
    } else throw new Error(`unknown option ${argv[i]}; usage: npm run eval:match -- [--threshold 0.5] [--json]`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const scratch = await startScratchServer('policy_kb_eval');
  try {
    const url = `${scratch.server.url}/graphql`;
    const gql: Gql = async (query, variables) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as Awaited<ReturnType<Gql>>;
    };
    const report = await evaluateMatch(gql, loadCases(), options.threshold);
    console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  } finally {
    await scratch.stop();
  }
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
