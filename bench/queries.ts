/**
 * Load benchmark of the example operations in docs/queries/ (npm run bench:queries).
 *
 * Creates a scratch database on DATABASE_URL's server, migrates, seeds and ANALYZEs it, starts
 * the real server in this process on a random loopback port, and for each operation: checks that it
 * answers without errors, warms it up, then runs autocannon for a fixed duration. It also
 * counts the SQL statements of one single request. A `{ __typename }` baseline, which reaches
 * neither resolvers nor the database, is measured in the same run, and each operation's
 * throughput is reported as a ratio to it. The scratch database is dropped at the end.
 *
 *   npm run bench:queries -- --duration 2 --connections 10
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import type { RunningServer } from '../src/server';
import { startScratchServer } from '../scripts/scratch-server';

const QUERIES_DIR = path.resolve(__dirname, '../docs/queries');

interface Options {
  duration: number;
  connections: number;
  warmup: number;
  only?: string;
  /** Print the SQL of the single counted request (stderr). */
  showSql: boolean;
  /** ANALYZE the scratch database after seeding. */
}

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('usage: npm run bench:queries -- [--duration SECONDS (5)] [--connections N (10)] [--warmup REQUESTS (100)] [--only NAME] [--show-sql]');
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const options: Options = { duration: 5, connections: 10, warmup: 100, showSql: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    const positive = (raw: string, max: number) => {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > max) usage(`${flag} must be an integer from 1 to ${max}, got "${raw}"`);
      return n;
    };
    if (flag === '--duration') options.duration = positive(value(), 600);
    else if (flag === '--connections') options.connections = positive(value(), 1000);
    else if (flag === '--warmup') options.warmup = positive(value(), 100_000);
    else if (flag === '--only') options.only = value();
    else if (flag === '--show-sql') options.showSql = true;
    else if (flag === '--help' || flag === '-h') usage();
    else usage(`unknown argument "${argv[i]}"`);
  }
  return options;
}

interface Operation {
  /** Operation name, or "baseline". */
  name: string;
  file?: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Reads docs/queries/*.graphql: one named operation per file. */
function loadOperations(): { name: string; file: string; query: string; required: string[] }[] {
  return fs
    .readdirSync(QUERIES_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = fs.readFileSync(path.join(QUERIES_DIR, file), 'utf8');
      const ops = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (ops.length !== 1 || !ops[0].name) throw new Error(`docs/queries/${file}: expected one named operation`);
      const required = (ops[0].variableDefinitions ?? []).filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue).map((v) => v.variable.name.value);
      return { name: ops[0].name.value, file, query, required };
    });
}

async function post(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

/** Values for the variables an operation requires (those without a default). */
async function requiredVariables(graphqlUrl: string, name: string, required: string[]): Promise<Record<string, unknown>> {
  if (required.length === 0) return {};
  if (name === 'NetworkAroundEntity' && required.join() === 'rootIds') {
    const { json } = await post(graphqlUrl, { query: '{ entity(slug: "cn-hikvision") { id } }' });
    return { rootIds: [json.data.entity.id] };
  }
  throw new Error(`${name} requires ${required.map((v) => `$${v}`).join(', ')}: add values for it in bench/queries.ts (requiredVariables)`);
}

/** Resolves once no SQL statement has started for `quietMs` (at most `maxMs`). */
async function waitForQuiet(knex: ReturnType<RunningServer['orm']['em']['getKnex']>, quietMs = 300, maxMs = 30_000): Promise<void> {
  let last = Date.now();
  const onQuery = () => {
    last = Date.now();
  };
  knex.on('query', onQuery);
  try {
    const start = Date.now();
    while (Date.now() - last < quietMs && Date.now() - start < maxMs) await new Promise((r) => setTimeout(r, 50));
  } finally {
    knex.removeListener('query', onQuery);
  }
}

interface Row {
  name: string;
  reqPerSec: number;
  medianMs: number;
  p99Ms: number;
  sql: number;
  failures: number;
}

async function measure(server: RunningServer, op: Operation, options: Options): Promise<Row> {
  const graphqlUrl = `${server.url}/graphql`;
  const body = { query: op.query, operationName: op.name === 'baseline' ? undefined : op.name, variables: op.variables };

  // One single request, alone, with every SQL statement counted. autocannon stops at its
  // deadline with requests still in flight, so first wait until the server has gone quiet.
  const knex = server.orm.em.getKnex();
  await waitForQuiet(knex);
  let sql = 0;
  const started = new Map<string, { n: number; at: number; sql: string }>();
  const onQuery = (query: { sql: string; __knexQueryUid: string }) => {
    started.set(query.__knexQueryUid, { n: ++sql, at: performance.now(), sql: query.sql });
  };
  const onResponse = (_response: unknown, query: { __knexQueryUid: string }) => {
    const q = started.get(query.__knexQueryUid);
    if (q && options.showSql) console.error(`  [${op.name} #${q.n}, ${(performance.now() - q.at).toFixed(1)} ms] ${q.sql}`);
  };
  knex.on('query', onQuery);
  knex.on('query-response', onResponse);
  let check: { status: number; json: any };
  const requestStart = performance.now();
  try {
    check = await post(graphqlUrl, body);
  } finally {
    knex.removeListener('query', onQuery);
    knex.removeListener('query-response', onResponse);
  }
  if (options.showSql) console.error(`  [${op.name}: ${sql} statements, request ${(performance.now() - requestStart).toFixed(1)} ms]`);
  if (check.status !== 200 || check.json.errors) {
    throw new Error(`${op.name} fails: HTTP ${check.status} ${JSON.stringify(check.json.errors ?? check.json).slice(0, 500)}`);
  }

  const target = {
    url: graphqlUrl,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections: options.connections,
  };
  await autocannon({ ...target, amount: Math.max(options.warmup, options.connections) });
  const result = await autocannon({ ...target, duration: options.duration });
  return {
    name: op.name,
    reqPerSec: result.requests.average,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    sql,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

function printTable(rows: Row[], options: Options): void {
  const baseline = rows.find((r) => r.name === 'baseline')!;
  const header = ['operation', 'req/s', 'median ms', 'p99 ms', 'SQL/req', 'vs baseline'];
  const lines = rows.map((r) => [
    r.name,
    r.reqPerSec.toFixed(0),
    String(r.medianMs),
    String(r.p99Ms),
    String(r.sql),
    `${(r.reqPerSec / baseline.reqPerSec).toFixed(3)}x`,
    ...(r.failures ? [`(${r.failures} failed requests)`] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : i < widths.length ? c.padStart(widths[i]) : c)).join('  ');
  console.log(`POST /graphql, ${options.connections} connections, ${options.duration} s per operation after ${options.warmup} warm-up requests (Node ${process.version})`);
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const scratch = await startScratchServer('policy_kb_bench');
  const server = scratch.server;
  try {
    const graphqlUrl = `${server.url}/graphql`;

    const operations: Operation[] = [{ name: 'baseline', query: '{ __typename }', variables: {} }];
    for (const op of loadOperations()) {
      if (options.only && op.name !== options.only && op.file !== options.only) continue;
      operations.push({ name: op.name, file: op.file, query: op.query, variables: await requiredVariables(graphqlUrl, op.name, op.required) });
    }
    if (operations.length === 1) usage(`no operation in docs/queries matches --only ${options.only}`);

    const rows: Row[] = [];
    for (const op of operations) {
      console.error(`${op.name}...`);
      rows.push(await measure(server, op, options));
    }
    printTable(rows, options);
    if (rows.some((r) => r.failures)) process.exitCode = 1;
  } finally {
    await scratch.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
