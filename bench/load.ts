/**
 * Bounded load test (loopback only): sends the example operations of docs/queries/ at a fixed
 * overall rate for a fixed time and prints the p99 latency and the number of 5xx answers.
 *
 *   npx ts-node -T bench/load.ts --duration 30 --rate 200        # scratch database on DATABASE_URL's server
 *   npx ts-node -T bench/load.ts --url http://127.0.0.1:4000 --duration 30 --rate 200
 *
 * Exits 1 when any request got a 5xx, failed or timed out. test/hardening-load.test.ts runs
 * runLoad() for a few seconds in CI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { connectOrm, migrateUp } from '../src/db/orm';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server';
import { seedDatabase } from '../src/seeds/seeder';

export interface LoadOptions {
  /** Server base URL (http://127.0.0.1:PORT); must be loopback. */
  url: string;
  durationSeconds: number;
  /** Requests per second, all connections together. */
  rate: number;
  connections?: number;
}

export interface LoadResult {
  requests: number;
  p50: number;
  p99: number;
  max: number;
  status5xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** The example operations that need no variables, as request bodies. */
function bodies(): string[] {
  const dir = path.resolve(__dirname, '../docs/queries');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .filter((q) => !/\$\w+\s*:\s*[\w[\]]+!(?!\s*=)/.test(q)) // skip operations with required variables
    .map((query) => JSON.stringify({ query }));
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const host = new URL(options.url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`load tests run against loopback only, not ${host}`);
  const payloads = bodies();
  let i = 0;
  let status5xx = 0;
  // Without a callback autocannon returns its instance, which is both an event emitter and a
  // promise of the result; the typings only describe the promise.
  const instance = autocannon({
    url: `${options.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: options.connections ?? 10,
    overallRate: options.rate,
    duration: options.durationSeconds,
    timeout: 10,
    requests: [{ setupRequest: (req) => ({ ...req, body: payloads[i++ % payloads.length] }) }],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client: unknown, statusCode: number) => {
    if (statusCode >= 500) status5xx++;
  });
  const result = await instance;
  return {
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    status5xx,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback?: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const durationSeconds = Number(flag('duration', '30'));
  const rate = Number(flag('rate', '100'));
  const connections = Number(flag('connections', '10'));
  let url = flag('url');
  let cleanup = async () => undefined as unknown;
  if (!url) {
    const admin = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
    admin.pathname = '/postgres';
    const name = `policy_kb_load_${randomBytes(5).toString('hex')}`;
    const adminQuery = async (sql: string) => {
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(sql).finally(() => c.end());
    };
    await adminQuery(`create database "${name}"`);
    const dbUrl = new URL(admin);
    dbUrl.pathname = `/${name}`;
    const orm = await connectOrm(dbUrl.toString());
    await migrateUp(orm);
    await seedDatabase(orm.em.fork());
    await orm.close(true);
    // Rate limiting off: the load generator is one client.
    const config = loadConfig({ DATABASE_URL: dbUrl.toString(), HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', MIGRATE: 'false', SEED: 'false', RATE_LIMIT_COST_PER_MINUTE: '0' });
    const server = await startServer(config, createLogger('silent'));
    url = server.url;
    cleanup = async () => {
      await server.stop();
      await adminQuery(`drop database if exists "${name}" with (force)`);
    };
  }
  try {
    console.log(`load: ${rate} req/s for ${durationSeconds} s over ${connections} connections against ${url}`);
    const r = await runLoad({ url, durationSeconds, rate, connections });
    console.log(`requests ${r.requests}  p50 ${r.p50} ms  p99 ${r.p99} ms  max ${r.max} ms  5xx ${r.status5xx}  non-2xx ${r.non2xx}  errors ${r.errors}  timeouts ${r.timeouts}`);
    process.exitCode = r.status5xx || r.errors || r.timeouts ? 1 : 0;
  } finally {
    await cleanup();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
