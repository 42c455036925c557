/**
 * Results of `npm run bench`: their shape, the issue's targets (PASS/FAIL), and the tables, as
 * aligned text for the terminal and as markdown for --out.
 */
import type { OperationName } from './operations';
import { POLICY_KB_WORKERS, type TargetName } from './targets';

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  ramGb: number;
  node: string;
  postgres: string;
  platform: string;
}

export interface RunOptions {
  sizes: string[];
  targets: TargetName[];
  operations: OperationName[];
  duration: number;
  connections: number;
  warmup: number;
  /** Load passes per cell (--rounds); each cell reports its median pass. */
  rounds?: number;
  sqlCount: boolean;
  command: string;
}

export interface Cell {
  op: OperationName;
  target: TargetName;
  /** ok: measured; n/a: the target cannot answer it; failed: see error. */
  status: 'ok' | 'n/a' | 'failed';
  error?: string;
  reqPerSec?: number;
  /** req/s of each load pass (--rounds), in pass order; reqPerSec and the rest are the median pass's. */
  rounds?: number[];
  medianMs?: number;
  p99Ms?: number;
  /** Non-2xx, connection errors, timeouts and answers with GraphQL errors, warm-up and run together. */
  failedRequests?: number;
  /** Peak VmRSS of the server while this operation ran (warm-up and run), MB; for a cluster (policy-kb-workers), the peak of the sum over the primary and its workers sampled together. */
  rssMb?: number;
  /** Most processes of the server's process tree seen at once during the operation: 1, or 1 + WORKERS for policy-kb-workers. */
  processes?: number;
  /** Server CPU time (user + system) per request over the run, ms, summed over its process tree (primary and workers): the server's own cost, less sensitive to a busy machine than req/s. */
  cpuMsPerReq?: number;
  /** SQL statements of one request (counting pass). */
  sql?: number | null;
  /** Their text (counting pass), each cut to 300 characters. */
  sqlText?: string[];
  /** Size of one answer, bytes. */
  bytes?: number;
  /** The start of that answer (first 2,000 characters). */
  sample?: string;
}

export interface Check {
  name: string;
  result: 'PASS' | 'FAIL' | 'n/a';
  detail: string;
}

export interface SizeResult {
  size: string;
  database: string;
  /** 1-minute load average before the size started: other work on the machine skews the numbers. */
  loadAverage: number;
  rows: { entities: number; actions: number; participations: number };
  fixtures: Record<string, unknown>;
  cells: Cell[];
  /** Peak VmRSS of each server over the whole size's load runs, MB (policy-kb-workers: of the sum over its processes). */
  peakRssMb: Partial<Record<TargetName, number>>;
  /** entityList100's SQL statements with first: 10 and first: 100. */
  pageSizeSql: Partial<Record<TargetName, { first10: number | null; first100: number | null }>>;
  /** How the raw server's answer compares with policy-kb's, per operation. */
  rawAnswer: Partial<Record<OperationName, string>>;
  checks: Check[];
}

export interface Report {
  machine: Machine;
  options: RunOptions;
  sizes: SizeResult[];
}

const cellOf = (r: SizeResult, op: OperationName, target: TargetName) => r.cells.find((c) => c.op === op && c.target === target);
const ok = (c: Cell | undefined): c is Cell & { reqPerSec: number } => c?.status === 'ok' && c.reqPerSec !== undefined;

/** The issue's performance targets, for one size. */
export function evaluateChecks(r: SizeResult, options: RunOptions): Check[] {
  const checks: Check[] = [];
  const ops = options.operations;
  const is1m = r.size === '1m';
  const pkb = (op: OperationName) => cellOf(r, op, 'policy-kb');

  const ratioCheck = (name: string, other: TargetName, min: number) => {
    const pairs = ops.map((op) => ({ op, a: pkb(op), b: cellOf(r, op, other) })).filter((p) => ok(p.a) && ok(p.b));
    if (!pairs.length) return checks.push({ name, result: 'n/a', detail: `no operation measured on both policy-kb and ${other}` });
    const below = pairs.filter((p) => p.a!.reqPerSec! < min * p.b!.reqPerSec!);
    checks.push({
      name,
      result: below.length ? 'FAIL' : 'PASS',
      detail: below.length
        ? `below on ${below.map((p) => `${p.op} (${(p.a!.reqPerSec! / p.b!.reqPerSec!).toFixed(2)}x)`).join(', ')}`
        : `on all ${pairs.length} operations measured on both (lowest ${Math.min(...pairs.map((p) => p.a!.reqPerSec! / p.b!.reqPerSec!)).toFixed(2)}x)`,
    });
  };
  ratioCheck('policy-kb (uncached) req/s >= PostGraphile req/s, every operation both answer', 'postgraphile', 1);
  ratioCheck('policy-kb (uncached) req/s >= 50% of raw SQL, every operation', 'raw', 0.5);

  const p99Check = (target: TargetName, name: string) => {
    const cells = ops.map((op) => cellOf(r, op, target));
    const failedCells = cells.filter((c) => c?.status === 'failed');
    const measured = cells.filter(ok);
    if (!measured.length && !failedCells.length) return checks.push({ name, result: 'n/a', detail: `${target} not measured` });
    const slow = measured.filter((c) => (c.p99Ms ?? Infinity) >= 50);
    const bad = [...slow.map((c) => `${c.op} ${c.p99Ms} ms`), ...failedCells.map((c) => `${c!.op} failed`)];
    const applies = is1m && options.connections === 32;
    const detail = `${bad.length ? `over on ${bad.join(', ')}` : `all ${measured.length} under (max ${Math.max(...measured.map((c) => c.p99Ms ?? 0))} ms)`}`;
    checks.push({
      name,
      result: applies ? (bad.length ? 'FAIL' : 'PASS') : 'n/a',
      detail: applies ? detail : `${is1m ? `run with ${options.connections} connections` : `the target is for 1M; at ${r.size}`}: ${detail}`,
    });
  };
  const rssCheck = (targets: TargetName[], name: string) => {
    const peaks = targets.filter((t) => r.peakRssMb[t] !== undefined).map((t) => ({ t, mb: r.peakRssMb[t] as number }));
    if (!peaks.length) return checks.push({ name, result: 'n/a', detail: `${targets.join(', ')} not run` });
    const over = peaks.filter((p) => p.mb >= 400);
    const detail = peaks.map((p) => `${p.t} ${p.mb.toFixed(0)} MB`).join(', ');
    checks.push({ name, result: is1m ? (over.length ? 'FAIL' : 'PASS') : 'n/a', detail: is1m ? detail : `the target is for 1M; at ${r.size}: ${detail}` });
  };
  p99Check('policy-kb', `p99 < 50 ms at 1M, every operation (policy-kb uncached, 32 connections)`);
  p99Check('policy-kb-workers', `p99 < 50 ms at 1M, every operation (policy-kb-workers: the WORKERS=${POLICY_KB_WORKERS} deployment, uncached, 32 connections)`);
  rssCheck(['policy-kb', 'policy-kb-cached'], 'server RSS < 400 MB at 1M (policy-kb, uncached and cached)');
  rssCheck(['policy-kb-workers'], `server RSS < 400 MB at 1M (policy-kb-workers: the WORKERS=${POLICY_KB_WORKERS} deployment, primary + ${POLICY_KB_WORKERS} workers summed)`);
  {
    const name = 'SQL statements per request independent of page size (entityList first: 10 vs 100, policy-kb)';
    const s = r.pageSizeSql['policy-kb'];
    if (!s || s.first10 === null || s.first100 === null) checks.push({ name, result: 'n/a', detail: 'not counted (policy-kb not run, entityList100 not selected, or --no-sql-count)' });
    else checks.push({ name, result: s.first10 === s.first100 ? 'PASS' : 'FAIL', detail: `${s.first10} with first: 10, ${s.first100} with first: 100` });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Formatting.

const num = (n: number | undefined, digits = 0) => (n === undefined || !Number.isFinite(n) ? '' : n.toFixed(digits));

const sqlOf = (c: Cell) => (c.sql === undefined || c.sql === null ? '' : String(c.sql));

function cellRow(c: Cell): string[] {
  if (c.status === 'n/a') return [c.op, c.target, 'n/a', '', '', '', '', '', 'cannot answer it'];
  if (c.status === 'failed') return [c.op, c.target, 'FAILED', '', '', sqlOf(c), num(c.rssMb), '', (c.error ?? '').replace(/\s+/g, ' ').slice(0, 100)];
  return [
    c.op,
    c.target,
    num(c.reqPerSec),
    num(c.medianMs),
    num(c.p99Ms),
    sqlOf(c),
    num(c.rssMb),
    num(c.cpuMsPerReq, 2),
    [c.rounds ? `req/s of the rounds: ${c.rounds.map((n) => num(n)).join(', ')}` : '', c.failedRequests ? `${c.failedRequests} failed requests` : ''].filter(Boolean).join('; '),
  ];
}

const MAIN_HEADER = ['operation', 'target', 'req/s', 'median ms', 'p99 ms', 'SQL/req', 'RSS MB', 'CPU ms/req', 'notes'];
const RATIO_HEADER = ['operation', 'policy-kb / PostGraphile', 'policy-kb workers / PostGraphile', 'policy-kb / raw', 'policy-kb cached / raw', 'raw answer vs policy-kb'];

function ratio(a: Cell | undefined, b: Cell | undefined): string {
  if (!ok(a) || !ok(b)) return a?.status === 'failed' || b?.status === 'failed' ? 'failed' : 'n/a';
  return `${(a.reqPerSec / b.reqPerSec).toFixed(2)}x`;
}

function ratioRows(r: SizeResult, ops: OperationName[]): string[][] {
  return ops.map((op) => [
    op,
    ratio(cellOf(r, op, 'policy-kb'), cellOf(r, op, 'postgraphile')),
    ratio(cellOf(r, op, 'policy-kb-workers'), cellOf(r, op, 'postgraphile')),
    ratio(cellOf(r, op, 'policy-kb'), cellOf(r, op, 'raw')),
    ratio(cellOf(r, op, 'policy-kb-cached'), cellOf(r, op, 'raw')),
    r.rawAnswer[op] ?? '',
  ]);
}

function textTable(header: string[], rows: string[][], leftColumns: number[] = [0, 1]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const last = header.length - 1;
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i === last ? c : leftColumns.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

function mdTable(header: string[], rows: string[][], leftColumns: number[] = [0, 1]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, i) => (leftColumns.includes(i) || i === header.length - 1 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(esc).join(' | ')} |`),
  ].join('\n');
}

function machineLine(m: Machine, withDate = true): string {
  return `${withDate ? `${m.date}; ` : ''}${m.cpus} CPUs (${m.cpuModel}), ${m.ramGb.toFixed(0)} GB RAM, ${m.platform}; Node ${m.node}; ${m.postgres}`;
}

function sizeIntro(r: SizeResult, o: RunOptions): string {
  return (
    `size ${r.size}: ${r.database} (${r.rows.entities.toLocaleString('en-US')} entities, ${r.rows.actions.toLocaleString('en-US')} actions, ` +
    `${r.rows.participations.toLocaleString('en-US')} participations); ${o.connections} connections, ${o.duration} s per operation after a warm-up of ${o.warmup} requests (2 s at most)` +
    `${(o.rounds ?? 1) > 1 ? `, ${o.rounds} rounds (each target once per round; a cell is its median round)` : ''}; ` +
    `load average ${r.loadAverage.toFixed(1)} before the run`
  );
}

export function formatText(report: Report): string {
  const out: string[] = [`machine: ${machineLine(report.machine)}`, `command: ${report.options.command}`];
  for (const r of report.sizes) {
    const ops = report.options.operations;
    out.push('', sizeIntro(r, report.options), '');
    out.push(textTable(MAIN_HEADER, ops.flatMap((op) => r.cells.filter((c) => c.op === op).map(cellRow))));
    out.push('', 'ratios (req/s):', textTable(RATIO_HEADER, ratioRows(r, ops), [0, 5]));
    const ps = Object.entries(r.pageSizeSql).map(([t, s]) => `${t} ${s?.first10 ?? '-'} / ${s?.first100 ?? '-'}`);
    if (ps.length) out.push('', `SQL statements of entityList with first: 10 / first: 100: ${ps.join('; ')}`);
    out.push(`peak RSS over the run: ${Object.entries(r.peakRssMb).map(([t, mb]) => `${t} ${num(mb)} MB`).join(', ')}`);
    out.push('', 'targets:');
    for (const c of r.checks) out.push(`  ${c.result.padEnd(4)}  ${c.name}: ${c.detail}`);
  }
  return out.join('\n');
}

export function formatMarkdown(report: Report): string {
  const o = report.options;
  const out: string[] = [
    `Measured ${report.machine.date} with \`${o.command}\`.`,
    '',
    `Machine: ${machineLine(report.machine, false)}.`,
  ];
  for (const r of report.sizes) {
    const ops = o.operations;
    out.push('', `### ${r.size}`, '', `${sizeIntro(r, o)}.`, '');
    out.push(mdTable(MAIN_HEADER, ops.flatMap((op) => r.cells.filter((c) => c.op === op).map(cellRow))));
    out.push('', 'Ratios of req/s:', '', mdTable(RATIO_HEADER, ratioRows(r, ops), [0, 5]));
    const ps = Object.entries(r.pageSizeSql).map(([t, s]) => `${t} ${s?.first10 ?? '-'} / ${s?.first100 ?? '-'}`);
    if (ps.length) out.push('', `SQL statements of entityList with first: 10 / first: 100: ${ps.join('; ')}.`);
    out.push('', `Peak RSS over the run: ${Object.entries(r.peakRssMb).map(([t, mb]) => `${t} ${num(mb)} MB`).join(', ')}.`);
    out.push('', '| target | result | detail |', '|---|---|---|', ...r.checks.map((c) => `| ${c.name} | ${c.result} | ${c.detail.replace(/\|/g, '\\|')} |`));
  }
  return out.join('\n') + '\n';
}
