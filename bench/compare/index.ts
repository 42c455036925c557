/**
 * `npm run bench`: policy-kb side by side with PostGraphile v5 and a raw-SQL baseline, on a
 * 10k-entity and a 1M-entity database. See bench/README.md and docs/benchmarks.md.
 *
 * For each size: picks fixtures from the database (generating it first when it is missing),
 * then for each target (each server its own child process) and each operation: checks one
 * answer, warms up, and runs autocannon from this process; then, in a separate pass with every
 * server connected through a counting proxy, counts the SQL statements of one request. Prints a
 * table per size, the ratios, and the issue's targets as PASS/FAIL.
 *
 *   npm run bench -- --sizes 10k --duration 5
 *   npm run bench -- --sizes 10k --targets policy-kb,raw --only entityPage,search --db-10k postgres://...
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { Fixtures, OPERATION_NAMES, OperationName, pickFixtures } from './operations';
import { Cell, Check, evaluateChecks, formatMarkdown, formatText, Machine, Report, RunOptions, SizeResult } from './report';
import { medianPasses } from './rounds';
import { startSqlCounter, SqlCounter } from './sql-counter-proxy';
import {
  Answer,
  answerProblem,
  applicationName,
  healthzWorker,
  isPolicyKb,
  killAllChildren,
  loadPostgraphileQueries,
  REPO_ROOT,
  requestFor,
  RunningTarget,
  send,
  startTarget,
  TARGET_NAMES,
  TargetName,
  TargetRequest,
} from './targets';

const SIZES = { '10k': 10_000, '1m': 1_000_000 } as const;
type Size = keyof typeof SIZES;
const DEFAULT_DB: Record<Size, string> = {
  '10k': 'postgres://postgres@127.0.0.1:5432/policy_kb_gen_10k',
  '1m': 'postgres://postgres@127.0.0.1:5432/policy_kb_gen_1m',
};

interface Options {
  sizes: Size[];
  db: Record<Size, string>;
  targets: TargetName[];
  only: OperationName[];
  duration: number;
  connections: number;
  warmup: number;
  /** Load passes over every target; each cell reports its median pass. */
  rounds: number;
  out?: string;
  sqlCount: boolean;
  showSql: boolean;
  build: boolean;
}

const USAGE = `usage: npm run bench -- [options]
  --sizes 10k,1m          database sizes to run (default both)
  --db-10k URL            10k database (default ${DEFAULT_DB['10k']}); generated when missing
  --db-1m URL             1M database (default ${DEFAULT_DB['1m']}); generated when missing
  --targets LIST          ${TARGET_NAMES.join(',')} (default all)
  --only LIST             operations: ${OPERATION_NAMES.join(',')} (default all)
  --duration SECONDS      load per operation and target (default 10)
  --connections N         concurrent connections (default 32)
  --warmup REQUESTS       warm-up requests before each run, sent for at most 2 s (default 2000)
  --rounds N              load passes over every target, one after the other; each cell reports the pass
                          with its median req/s and lists every pass's (default 1)
  --out FILE              also write the results: FILE.md and FILE.json (or FILE as given, if it ends in .md or .json, and the other beside it)
  --no-sql-count          skip the SQL-counting pass
  --show-sql              print the SQL of each counted request (stderr)
  --no-build              use the existing dist/ instead of running npm run build first`;

function usage(message?: string): never {
  if (message) console.error(`npm run bench: ${message}\n`);
  console.error(USAGE);
  process.exit(2);
}

export function parseOptions(argv: string[]): Options {
  const options: Options = {
    sizes: ['10k', '1m'],
    db: { ...DEFAULT_DB },
    targets: [...TARGET_NAMES],
    only: [...OPERATION_NAMES],
    duration: 10,
    connections: 32,
    // Enough for V8 to have optimised the hot paths of every server (2 s at most): after 200
    // requests (0.1-0.2 s of a fast operation) the first seconds of the run still paid for
    // compiling them (policy-kb's entity page: 1.08 CPU ms/req, 0.84 once warm).
    warmup: 2000,
    rounds: 1,
    sqlCount: true,
    showSql: false,
    build: true,
  };
  const list = <T extends string>(flag: string, raw: string, allowed: readonly T[]): T[] => {
    const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
    if (!items.length) usage(`${flag} needs at least one value (${allowed.join(', ')})`);
    for (const item of items) if (!allowed.includes(item as T)) usage(`${flag}: unknown value "${item}" (expected ${allowed.join(', ')})`);
    return [...new Set(items)] as T[];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) usage(`${flag} needs a value`);
      return v;
    };
    const integer = (min: number, max: number) => {
      const raw = value();
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || n < min || n > max) usage(`${flag} must be an integer from ${min} to ${max}, got "${raw}"`);
      return n;
    };
    const url = () => {
      const raw = value();
      if (!/^postgres(ql)?:\/\//.test(raw)) usage(`${flag} must be a postgres:// URL, got "${raw}"`);
      try {
        new URL(raw);
      } catch {
        usage(`${flag} is not a valid URL: "${raw}"`);
      }
      return raw;
    };
    const noValue = () => {
      if (inline !== undefined) usage(`${flag} takes no value`);
    };
    switch (flag) {
      case '--sizes':
        options.sizes = list('--sizes', value(), Object.keys(SIZES) as Size[]);
        break;
      case '--db-10k':
        options.db['10k'] = url();
        break;
      case '--db-1m':
        options.db['1m'] = url();
        break;
      case '--targets':
        options.targets = list('--targets', value(), TARGET_NAMES);
        break;
      case '--only':
        options.only = list('--only', value(), OPERATION_NAMES);
        break;
      case '--duration':
        options.duration = integer(1, 3600);
        break;
      case '--connections':
        options.connections = integer(1, 1000);
        break;
      case '--warmup':
        options.warmup = integer(0, 1_000_000);
        break;
      case '--rounds':
        options.rounds = integer(1, 20);
        break;
      case '--out': {
        const out = value();
        if (!fs.existsSync(path.dirname(path.resolve(out)))) usage(`--out: directory ${path.dirname(out)} does not exist`);
        options.out = out;
        break;
      }
      case '--no-sql-count':
        noValue();
        options.sqlCount = false;
        break;
      case '--show-sql':
        noValue();
        options.showSql = true;
        break;
      case '--no-build':
        noValue();
        options.build = false;
        break;
      case '--help':
      case '-h':
        usage();
        break;
      default:
        usage(`unknown argument "${arg}"`);
    }
  }
  // Canonical orders: tables read the same whatever order the flags gave.
  options.sizes = (Object.keys(SIZES) as Size[]).filter((s) => options.sizes.includes(s));
  options.targets = TARGET_NAMES.filter((t) => options.targets.includes(t));
  options.only = OPERATION_NAMES.filter((o) => options.only.includes(o));
  return options;
}

const log = (message: string) => console.error(message);
const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

// ---------------------------------------------------------------------------------------------
// Databases.

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function databaseExists(url: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new Pool({ connectionString: withDatabase(url, 'postgres'), max: 1 });
  try {
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    return rows.length > 0;
  } finally {
    await admin.end();
  }
}

/** The database of a size, generated with scripts/gen-data when it does not exist. */
async function ensureDatabase(size: Size, url: string): Promise<void> {
  if (await databaseExists(url)) return;
  log(`[${size}] ${redact(url)} does not exist: generating it (${SIZES[size].toLocaleString('en-US')} entities)...`);
  // Loaded only when needed: the generator and its dependencies stay out of ordinary runs.
  const { generateData } = await import('../../scripts/gen-data/generate');
  await generateData({ databaseUrl: url, entities: SIZES[size], log });
}

async function rowCounts(pool: Pool): Promise<SizeResult['rows']> {
  const { rows } = await pool.query<{ e: string; a: string; p: string }>(
    'select (select count(*) from entity) as e, (select count(*) from government_action) as a, (select count(*) from participation) as p',
  );
  return { entities: Number(rows[0].e), actions: Number(rows[0].a), participations: Number(rows[0].p) };
}

async function machine(pool: Pool): Promise<Machine> {
  const { rows } = await pool.query<{ v: string }>(`select split_part(version(), ' on ', 1) as v`);
  return {
    date: new Date().toISOString(),
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    ramGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    postgres: rows[0].v,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Load.

interface LoadResult {
  requests: number;
  reqPerSec: number;
  medianMs: number;
  p99Ms: number;
  failed: number;
}

/** Answers with GraphQL errors (or the raw server's errors) count as failures. */
const hasErrors = (body: string) => body.includes('"errors":') || body.includes('"errors" :');

/** A warm-up stops after this long even when it has not sent all its requests (slow operations at 1M). */
const WARMUP_MAX_SECONDS = 2;

async function load(
  target: RunningTarget,
  request: TargetRequest,
  connections: number,
  run: { duration?: number; amount?: number },
  maxSeconds?: number,
): Promise<LoadResult> {
  let errorAnswers = 0;
  const instance = autocannon({
    url: target.url,
    connections,
    ...run,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: request.path,
        headers: { 'content-type': 'application/json' },
        body: request.body,
        onResponse: (_status: number, body: string) => {
          if (hasErrors(body)) errorAnswers++;
        },
      },
    ],
  }) as unknown as PromiseLike<autocannon.Result> & { stop(): void }; // a thenable, not a full Promise
  const timer = maxSeconds ? setTimeout(() => instance.stop(), maxSeconds * 1000) : undefined;
  let result: autocannon.Result;
  try {
    result = await instance;
  } finally {
    clearTimeout(timer);
  }
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: result.non2xx + result.errors + errorAnswers,
  };
}

/**
 * Waits until requests autocannon left in flight at its deadline have finished: the server's CPU
 * is quiet and no statement is running in the database (at most 120 s), so one cell's backlog
 * does not slow down (or time out) the next.
 */
async function settle(target: RunningTarget, db: Pool): Promise<void> {
  const started = Date.now();
  let quietSamples = 0;
  let cpu = target.rss.cpuMs();
  while (Date.now() - started < 120_000) {
    await new Promise((r) => setTimeout(r, 250));
    if (target.exitStatus()) return;
    const now = target.rss.cpuMs();
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where state = 'active' and application_name = $1`,
      [applicationName(target.name)],
    );
    quietSamples = now - cpu < 25 && rows[0].n === 0 ? quietSamples + 1 : 0;
    cpu = now;
    if (quietSamples >= 2) return;
  }
  log(`  (${target.name} still busy after 120 s: carrying on)`);
}

// ---------------------------------------------------------------------------------------------
// Answers.

/** Sorted keys, and graph edges sorted (policy-kb's edge order follows unordered SQL rows). */
function canonical(op: OperationName, value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
    return v;
  };
  const copy = sortKeys(value) as { data?: { graph?: { edges?: unknown[] } } };
  if (op === 'graphDepth2' && copy.data?.graph?.edges) copy.data.graph.edges = copy.data.graph.edges.map((e) => JSON.stringify(e)).sort();
  return JSON.stringify(copy);
}

/** How raw's answer compares with policy-kb's. */
function compareAnswers(op: OperationName, policyKb: unknown, raw: unknown): string {
  if (canonical(op, policyKb) === canonical(op, raw)) return 'same';
  const list = (v: unknown) => {
    const data = (v as { data?: Record<string, unknown> }).data ?? {};
    const first = Object.values(data)[0];
    return Array.isArray(first) ? first : null;
  };
  const a = list(policyKb);
  const b = list(raw);
  if (a && b) {
    const key = (x: unknown) => canonical(op, x);
    const same = a.filter((x, i) => b[i] !== undefined && key(x) === key(b[i])).length;
    const slug = (x: unknown) => JSON.stringify((x as { node?: { slug?: unknown }; entity?: { slug?: unknown } }).node?.slug ?? (x as { entity?: { slug?: unknown } }).entity?.slug);
    const sameSlugs = a.filter((x, i) => b[i] !== undefined && slug(x) === slug(b[i])).length;
    return `nearest: ${same}/${a.length} items identical, ${sameSlugs}/${a.length} same record at the same rank (raw has ${b.length})`;
  }
  const size = (v: unknown) => {
    const g = (v as { data?: { graph?: { nodes?: unknown[]; edges?: unknown[] } } }).data?.graph;
    return g ? `${g.nodes?.length} nodes, ${g.edges?.length} edges` : `${JSON.stringify(v).length} bytes`;
  };
  return `differs (policy-kb ${size(policyKb)}, raw ${size(raw)})`;
}

// ---------------------------------------------------------------------------------------------
// One size.

async function policyKbGlobalId(target: RunningTarget, fixtures: Fixtures): Promise<string | null> {
  const answer = await send(target, {
    path: '/graphql',
    body: JSON.stringify({ query: 'query($slug: String!) { entity(slug: $slug) { id } }', variables: { slug: fixtures.entitySlug } }),
  });
  return (answer.json as { data?: { entity?: { id?: string } } } | undefined)?.data?.entity?.id ?? null;
}

async function runSize(size: Size, options: Options, runOptions: RunOptions): Promise<SizeResult> {
  const url = options.db[size];
  await ensureDatabase(size, url);
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    return await runSizeOn(size, url, pool, options, runOptions);
  } finally {
    await pool.end();
  }
}

async function runSizeOn(size: Size, url: string, pool: Pool, options: Options, runOptions: RunOptions): Promise<SizeResult> {
  const rows = await rowCounts(pool);
  if (!rows.entities) throw new Error(`${redact(url)} has no entities (is it still being generated?)`);
  log(`[${size}] ${redact(url)}: ${rows.entities} entities, ${rows.actions} actions, ${rows.participations} participations; picking fixtures...`);
  const fixtures = await pickFixtures(pool);
  log(`[${size}] fixtures: ${JSON.stringify(fixtures)}`);

  const result: SizeResult = { size, database: redact(url), loadAverage: os.loadavg()[0], rows, fixtures: { ...fixtures }, cells: [], peakRssMb: {}, pageSizeSql: {}, rawAnswer: {}, checks: [] };
  const answers = new Map<string, unknown>();

  // Load passes: one target at a time, every target once per round, so that a slow spell of the
  // machine falls on one round of every target rather than on all of one target's cells.
  const passes: Cell[][] = [];
  for (let round = 1; round <= options.rounds; round++) {
    if (options.rounds > 1) log(`[${size}] round ${round} of ${options.rounds}`);
    const cells: Cell[] = [];
    passes.push(cells);
    for (const name of options.targets) {
      log(`[${size}] starting ${name}...`);
      let target: RunningTarget;
      try {
        target = await startTarget(name, url);
      } catch (error) {
        // A server that does not start fails all its cells, loudly; the other targets still run.
        const message = `did not start: ${error instanceof Error ? error.message : String(error)}`;
        log(`[${size}] FAILED ${name} ${message}`);
        for (const op of options.only) cells.push({ op, target: name, status: 'failed', error: message });
        continue;
      }
      try {
        if (isPolicyKb(name)) {
          const id = await policyKbGlobalId(target, fixtures);
          if (!id) throw new Error(`${name}: entity(slug: "${fixtures.entitySlug}") { id } found nothing`);
          if (id !== fixtures.entityGlobalId) {
            log(`[${size}] policy-kb's global id of ${fixtures.entitySlug} is ${id}, not ${fixtures.entityGlobalId}: using policy-kb's`);
            fixtures.entityGlobalId = id;
            result.fixtures.entityGlobalId = id;
          }
        }
        for (const op of options.only) {
          const request = requestFor(name, op, fixtures);
          if (!request) {
            cells.push({ op, target: name, status: 'n/a' });
            log(`[${size}] ${name} ${op}: n/a (the target cannot answer it)`);
            continue;
          }
          const cell: Cell = { op, target: name, status: 'ok' };
          cells.push(cell);
          try {
            if (target.exitStatus()) throw new Error(`the server is gone (${target.exitStatus()})`);
            const first = await send(target, request);
            const problem = answerProblem(first);
            if (problem) throw new Error(`check before load: ${problem}`);
            cell.bytes = Buffer.byteLength(first.text);
            cell.sample = first.text.slice(0, 2000);
            answers.set(`${name}:${op}`, first.json);
            target.rss.resetWindow();
            const warm = options.warmup
              ? await load(target, request, options.connections, { amount: Math.max(options.warmup, options.connections) }, WARMUP_MAX_SECONDS)
              : undefined;
            await settle(target, pool);
            const cpuBefore = target.rss.cpuMs();
            const run = await load(target, request, options.connections, { duration: options.duration });
            const cpuMs = target.rss.cpuMs() - cpuBefore;
            await settle(target, pool);
            target.rss.sample();
            if (!run.requests) throw new Error(`no request completed within the ${options.duration} s run (${run.failed} failed)`);
            const after = answerProblem(await send(target, request));
            if (after) throw new Error(`check after load: ${after}`);
            Object.assign(cell, {
              reqPerSec: run.reqPerSec,
              medianMs: run.medianMs,
              p99Ms: run.p99Ms,
              failedRequests: run.failed + (warm?.failed ?? 0),
              rssMb: target.rss.windowPeakKb / 1024,
              processes: target.rss.windowProcesses,
              cpuMsPerReq: run.requests ? cpuMs / run.requests : undefined,
            });
            log(
              `[${size}] ${name} ${op}: ${run.reqPerSec.toFixed(0)} req/s, median ${run.medianMs} ms, p99 ${run.p99Ms} ms, ${(cell.rssMb ?? 0).toFixed(0)} MB` +
                `${(cell.processes ?? 1) > 1 ? ` (${cell.processes} processes)` : ''}, ` +
                `${(cell.cpuMsPerReq ?? NaN).toFixed(2)} CPU ms/req` +
                (cell.failedRequests ? `, ${cell.failedRequests} FAILED REQUESTS` : ''),
            );
          } catch (error) {
            cell.status = 'failed';
            cell.error = error instanceof Error ? error.message : String(error);
            await settle(target, pool).catch(() => undefined);
            if (target.exitStatus() && !cell.error.startsWith('the server is gone')) {
              cell.error = `the server exited (${target.exitStatus()}): ${cell.error}`;
              log(`[${size}] ${name} exited (${target.exitStatus()}); its last output:\n${target.output() || '(nothing)'}`);
            }
            cell.rssMb = target.rss.windowPeakKb / 1024;
            log(`[${size}] FAILED ${name} ${op}: ${cell.error}`);
          }
        }
        target.rss.sample();
        result.peakRssMb[name] = Math.max(result.peakRssMb[name] ?? 0, target.rss.peakKb / 1024);
      } finally {
        await stopTarget(size, target, pool);
      }
    }
  }
  result.cells = medianPasses(passes);

  // Raw answers against policy-kb's.
  for (const op of options.only) {
    const a = answers.get(`policy-kb:${op}`);
    const b = answers.get(`raw:${op}`);
    if (a !== undefined && b !== undefined) result.rawAnswer[op] = compareAnswers(op, a, b);
  }

  if (options.sqlCount) await countStatements(size, url, options, fixtures, result);
  result.checks = evaluateChecks(result, runOptions);
  return result;
}

/**
 * SQL statements per request, whatever the server: each target runs once more with its
 * DATABASE_URL pointing at the counting proxy; each operation is sent once to warm up (start-up
 * and new pool connections send statements of their own), then once more and counted.
 */
async function countStatements(size: Size, url: string, options: Options, fixtures: Fixtures, result: SizeResult): Promise<void> {
  const upstream = new URL(url);
  const proxy: SqlCounter = await startSqlCounter(upstream.hostname || '127.0.0.1', Number(upstream.port || 5432));
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  try {
    for (const name of options.targets) {
      if (!result.cells.some((c) => c.target === name && c.status !== 'failed')) continue;
      log(`[${size}] counting SQL statements of ${name}...`);
      let target: RunningTarget;
      try {
        target = await startTarget(name, proxied.toString());
      } catch (error) {
        log(`[${size}] ${name} did not start behind the counting proxy: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      try {
        const countOnce = async (request: TargetRequest, agent: http.Agent | false): Promise<{ n: number; sql: string[] } | null> => {
          const warm = await send(target, request, undefined, agent);
          if (answerProblem(warm)) return null;
          await proxy.quiet();
          proxy.reset();
          const answer: Answer = await send(target, request, undefined, agent);
          await proxy.quiet();
          if (answerProblem(answer)) return null;
          return { n: proxy.count, sql: proxy.statements.map((s) => s.replace(/\s+/g, ' ').trim()) };
        };
        // A cluster: each worker has its own pool, so the warm-up and the counted request must
        // reach the same worker. They go on one kept-alive connection (the cluster hands a
        // connection to one worker), checked by asking /healthz on it before and after.
        const countOnWorker = async (request: TargetRequest): Promise<{ n: number; sql: string[] } | null> => {
          for (let attempt = 1; attempt <= 3; attempt++) {
            const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
            const sockets = new Set<unknown>();
            agent.on('free', (socket: unknown) => sockets.add(socket)); // each connection, once it has answered
            try {
              const before = await healthzWorker(target.url, agent);
              const counted = await countOnce(request, agent);
              const after = await healthzWorker(target.url, agent);
              if (before !== null && before === after && sockets.size === 1) return counted;
              log(`  ${name}: the requests went over ${sockets.size} connections (workers ${before} and ${after}): counting again`);
            } finally {
              agent.destroy();
            }
          }
          return null;
        };
        const count = async (label: string, request: TargetRequest): Promise<{ n: number; sql: string[] } | null> => {
          const counted = name === 'policy-kb-workers' ? await countOnWorker(request) : await countOnce(request, false);
          if (!counted) return null;
          const sql = counted.sql;
          if (options.showSql) {
            log(`  ${name} ${label}: ${counted.n} statements`);
            sql.forEach((s, i) => log(`    #${i + 1} ${s.slice(0, 1000)}`));
          }
          return counted;
        };
        for (const op of options.only) {
          const request = requestFor(name, op, fixtures);
          const cell = result.cells.find((c) => c.op === op && c.target === name);
          if (!request || !cell) continue;
          const counted = await count(op, request);
          cell.sql = counted?.n ?? null;
          cell.sqlText = counted?.sql.map((s) => s.slice(0, 300));
          if (op === 'entityList100') {
            const small = requestFor(name, op, { ...fixtures, listPageSize: 10 });
            const first10 = small ? await count('entityList100 with first: 10', small) : null;
            result.pageSizeSql[name] = { first10: first10?.n ?? null, first100: cell.sql };
          }
        }
      } finally {
        await stopTarget(size, target);
      }
    }
  } finally {
    await proxy.close();
  }
}

/**
 * Stops a target and says so when it did not end cleanly: policy-kb exits with code 0 on
 * SIGTERM (a cluster primary once its workers have drained), and no worker outlives it.
 */
/** Stops a target; with `db` (the load pass), also ends the PostgreSQL sessions it leaves behind. */
async function stopTarget(size: Size, target: RunningTarget, db?: Pool): Promise<void> {
  const { exit, strays } = await target.stop();
  if (isPolicyKb(target.name) && exit !== 'code 0') log(`[${size}] ${target.name} ended with ${exit} on SIGTERM (expected code 0)`);
  if (strays.length) log(`[${size}] ${target.name}: processes ${strays.join(', ')} were still running after it exited: killed them`);
  if (!db) return;
  // PostgreSQL finishes a statement whose client has gone before it notices: raw's match at 1M
  // left seconds of trigram scans running into the next target's first cells (policy-kb's
  // entity page at 44 req/s instead of 1,079 in a --rounds 3 run). The stopped server's sessions go with it.
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()) t`,
    [applicationName(target.name)],
  );
  if (rows[0].n) log(`[${size}] ${target.name}: ended ${rows[0].n} of its PostgreSQL sessions left after it stopped`);
}

// ---------------------------------------------------------------------------------------------

function outputPaths(out: string): { md: string; json: string } {
  if (out.endsWith('.json')) return { json: out, md: out.replace(/\.json$/, '.md') };
  if (out.endsWith('.md')) return { md: out, json: out.replace(/\.md$/, '.json') };
  return { md: `${out}.md`, json: `${out}.json` };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`\n${signal}: stopping the servers`);
      killAllChildren();
      process.exit(130);
    });
  }
  process.on('exit', killAllChildren);

  if (options.targets.includes('postgraphile')) await loadPostgraphileQueries();
  if (options.build && options.targets.some((t) => t.startsWith('policy-kb'))) {
    log('npm run build...');
    const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${(build.stdout + build.stderr).slice(-4000)}`);
  }
  if (options.targets.some((t) => t.startsWith('policy-kb')) && !fs.existsSync(path.join(REPO_ROOT, 'dist/src/main.js'))) {
    throw new Error('dist/src/main.js is missing: run npm run build (or drop --no-build)');
  }

  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const runOptions: RunOptions = {
    sizes: options.sizes,
    targets: options.targets,
    operations: options.only,
    duration: options.duration,
    connections: options.connections,
    warmup: options.warmup,
    rounds: options.rounds,
    sqlCount: options.sqlCount,
    command: command.replace(/postgres(ql)?:\/\/\S+/g, (u) => redact(u)),
  };

  const firstUrl = options.db[options.sizes[0]];
  let machineInfo: Machine | undefined;
  const sizes: SizeResult[] = [];
  for (const size of options.sizes) {
    const result = await runSize(size, options, runOptions);
    if (!machineInfo) {
      const pool = new Pool({ connectionString: options.db[size] ?? firstUrl, max: 1 });
      machineInfo = await machine(pool).finally(() => pool.end());
    }
    sizes.push(result);
  }
  const report: Report = { machine: machineInfo as Machine, options: runOptions, sizes };
  console.log(formatText(report));
  if (options.out) {
    const { md, json } = outputPaths(options.out);
    fs.writeFileSync(md, formatMarkdown(report));
    fs.writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
    log(`wrote ${md} and ${json}`);
  }
  const failed = sizes.some((s) => s.cells.some((c) => c.status === 'failed' || (c.failedRequests ?? 0) > 0));
  const checks: Check[] = sizes.flatMap((s) => s.checks);
  if (checks.some((c) => c.result === 'FAIL')) log('some performance targets are not met: see FAIL above');
  // Exit code 1 for broken measurements only; a target not met is a result, not an error.
  if (failed) {
    log('some operations failed: see FAILED in the table');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  killAllChildren();
  process.exit(1);
});
