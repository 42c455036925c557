/**
 * The servers `npm run bench` compares, each started as its own child process (so its RSS is
 * its own and it does not share an event loop with the load generator), and how to ask each of
 * them one operation.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Fixtures, OPERATIONS, OperationName } from './operations';

export const TARGET_NAMES = ['policy-kb', 'policy-kb-cached', 'postgraphile', 'raw'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** One HTTP request of an operation for a target: POST `path` with `body`. */
export interface TargetRequest {
  path: string;
  body: string;
}

/** PostGraphile's equivalents, from bench/compare/postgraphile/queries.ts (loaded only when that target runs). */
type PostgraphileQueries = Record<OperationName, ((fixtures: Fixtures) => { query: string; variables: Record<string, unknown> }) | null>;
let postgraphileQueries: PostgraphileQueries | undefined;

export async function loadPostgraphileQueries(): Promise<PostgraphileQueries> {
  postgraphileQueries ??= (await import('./postgraphile/queries')).postgraphileQueries as PostgraphileQueries;
  return postgraphileQueries;
}

/** The request for `op` on `target`, or null when the target cannot answer it. */
export function requestFor(target: TargetName, op: OperationName, fixtures: Fixtures): TargetRequest | null {
  switch (target) {
    case 'policy-kb':
    case 'policy-kb-cached':
      return { path: '/graphql', body: JSON.stringify(OPERATIONS[op].policyKb(fixtures)) };
    case 'postgraphile': {
      if (!postgraphileQueries) throw new Error('loadPostgraphileQueries() first');
      const build = postgraphileQueries[op];
      return build ? { path: '/graphql', body: JSON.stringify(build(fixtures)) } : null;
    }
    case 'raw':
      return { path: `/op/${op}`, body: JSON.stringify(OPERATIONS[op].raw(fixtures)) };
  }
}

/** Kernel clock ticks per second (the unit of utime/stime in /proc/<pid>/stat). */
const CLOCK_TICKS = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(out.stdout?.trim()) || 100;
})();

/** Peak resident set size of a process, sampled from /proc/<pid>/status every 250 ms; and its CPU time. */
export class RssSampler {
  /** Highest VmRSS seen since start, in kB. */
  peakKb = 0;
  /** Highest VmRSS seen since the last resetWindow(), in kB. */
  windowPeakKb = 0;
  private timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
  }

  sample(): void {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
      this.peakKb = Math.max(this.peakKb, kb);
      this.windowPeakKb = Math.max(this.windowPeakKb, kb);
    } catch {
      // the process has exited
    }
  }

  /** CPU time the process has used so far (user + system), in ms. */
  cpuMs(): number {
    try {
      const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return NaN;
    }
  }

  resetWindow(): void {
    this.windowPeakKb = 0;
    this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export interface RunningTarget {
  name: TargetName;
  pid: number;
  /** http://127.0.0.1:<port> */
  url: string;
  rss: RssSampler;
  /** The last lines the child printed (for error messages). */
  output(): string;
  /** How the child ended ("code 1", "signal SIGKILL"), or null while it runs. */
  exitStatus(): string | null;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the child has exited. */
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

/** Kills every child still running (synchronous: safe in an 'exit' handler). */
export function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let transpiledDir: string | undefined;

/**
 * bench/compare/*.ts transpiled to plain CommonJS in a temporary directory (same layout), so
 * servers written in TypeScript run without ts-node's compiler in their memory. Packages resolve
 * through NODE_PATH.
 */
function transpiledBenchDir(): string {
  if (transpiledDir) return transpiledDir;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-kb-bench-'));
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), path.join(rel, entry.name));
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const source = fs.readFileSync(path.join(dir, entry.name), 'utf8');
        const js = ts.transpileModule(source, {
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true },
          fileName: entry.name,
        }).outputText;
        fs.mkdirSync(path.join(out, rel), { recursive: true });
        fs.writeFileSync(path.join(out, rel, entry.name.replace(/\.ts$/, '.js')), js);
      }
    }
  };
  walk(__dirname, 'bench/compare');
  transpiledDir = out;
  process.once('exit', () => fs.rmSync(out, { recursive: true, force: true }));
  return out;
}

/**
 * A one-line file in the temporary directory that loads dist/src/main.js. The server is the
 * same; only its command line differs, so that a cleanup elsewhere on the machine that signals
 * processes by the pattern "dist/src/main.js" (which happened while this was written: the
 * server died with exit code 130, async-exit-hook's answer to SIGINT) leaves it alone.
 */
function policyKbEntry(): string {
  const file = path.join(transpiledBenchDir(), 'policy-kb-bench-server.js');
  if (!fs.existsSync(file)) fs.writeFileSync(file, `require(${JSON.stringify(path.join(REPO_ROOT, 'dist/src/main.js'))});\n`);
  return file;
}

/** Whether a TypeScript file under bench/compare/ imports only packages and files of bench/compare/ (so its transpiled copy runs). */
function selfContained(file: string): boolean {
  const seen = new Set<string>();
  const visit = (f: string): boolean => {
    if (seen.has(f)) return true;
    seen.add(f);
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.resolve(path.dirname(f), m[1]);
      if (!target.startsWith(__dirname + path.sep)) return false;
      const candidate = [target, `${target}.ts`, path.join(target, 'index.ts')].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
      if (candidate?.endsWith('.ts') && !visit(candidate)) return false;
    }
    return true;
  };
  return visit(file);
}

interface SpawnSpec {
  name: TargetName;
  args: string[];
  env: Record<string, string>;
  port: number;
  /** How to tell it is ready: a stdout line, or /readyz answering 200. */
  ready: 'listening-line' | 'readyz';
}

/** The environment of a child: PATH and HOME from ours, and `extra`; nothing else leaks in. */
function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TZ']) if (process.env[key] !== undefined) env[key] = process.env[key] as string;
  return { ...env, NODE_ENV: 'production', ...extra };
}

/** The application_name (PGAPPNAME) a target's connections carry, to tell them apart in pg_stat_activity. */
export function applicationName(target: TargetName): string {
  return `bench-${target}`;
}

async function spawnTarget(spec: SpawnSpec, startTimeoutMs = 180_000): Promise<RunningTarget> {
  const env = childEnv({ PGAPPNAME: applicationName(spec.name), ...spec.env });
  const child = spawn(process.execPath, spec.args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const lines: string[] = [];
  let stdoutText = '';
  const remember = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    remember(chunk);
    if (stdoutText.length < 100_000) stdoutText += chunk.toString('utf8');
  });
  child.stderr?.on('data', remember);
  let exitStatus: string | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      // 128 + n: the process exited because of signal n (async-exit-hook, which policy-kb loads, exits so).
      const hint = code === 130 ? ', i.e. it got SIGINT' : code === 143 ? ', i.e. it got SIGTERM' : '';
      exitStatus = signal ? `signal ${signal}` : `code ${code}${hint}`;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${spec.port}`;

  await new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timeout);
      if (error) reject(error);
      else resolve();
    };
    const timeout = setTimeout(() => finish(new Error(`${spec.name} did not start within ${startTimeoutMs / 1000} s:\n${lines.join('\n')}`)), startTimeoutMs);
    child.once('exit', (code, signal) => finish(new Error(`${spec.name} exited (${signal ?? `code ${code}`}) before it was ready:\n${lines.join('\n')}`)));
    if (spec.ready === 'listening-line') {
      const line = new RegExp(`^listening ${spec.port}\\b`, 'm');
      child.stdout?.on('data', () => {
        if (line.test(stdoutText)) finish();
      });
    } else {
      const poll = async () => {
        while (!done) {
          try {
            const response = await fetch(`${url}/readyz`);
            if (response.ok) return finish();
          } catch {
            // not listening yet
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      void poll();
    }
  }).catch(async (error) => {
    child.kill('SIGKILL');
    await exited;
    children.delete(child);
    throw error;
  });

  const rss = new RssSampler(child.pid as number);
  return {
    name: spec.name,
    pid: child.pid as number,
    url,
    rss,
    output: () => lines.join('\n'),
    exitStatus: () => exitStatus,
    async stop() {
      rss.stop();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  };
}

/** Starts one target against `databaseUrl`. policy-kb must have been built (dist/src/main.js). */
export async function startTarget(name: TargetName, databaseUrl: string): Promise<RunningTarget> {
  const port = await freePort();
  switch (name) {
    case 'policy-kb':
    case 'policy-kb-cached':
      return spawnTarget({
        name,
        port,
        args: [policyKbEntry()],
        ready: 'readyz',
        env: {
          DATABASE_URL: databaseUrl,
          HOST: '127.0.0.1',
          PORT: String(port),
          LOG_LEVEL: 'silent',
          MIGRATE: 'false',
          SEED: 'false',
          RATE_LIMIT_COST_PER_MINUTE: '0',
          MAX_CONNECTIONS_PER_ADDRESS: '0',
          RESPONSE_CACHE_TTL_SECONDS: name === 'policy-kb-cached' ? '60' : '0',
        },
      });
    case 'postgraphile':
    case 'raw': {
      const file = name === 'raw' ? 'raw-server.ts' : 'postgraphile/server.ts';
      const source = path.join(__dirname, file);
      if (!fs.existsSync(source)) throw new Error(`${path.relative(REPO_ROOT, source)} does not exist`);
      // Plain JavaScript when the server's own imports allow it; ts-node otherwise.
      const args = selfContained(source)
        ? [path.join(transpiledBenchDir(), 'bench/compare', file.replace(/\.ts$/, '.js'))]
        : ['-r', 'ts-node/register/transpile-only', source];
      return spawnTarget({
        name,
        port,
        args,
        ready: 'listening-line',
        env: { DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NODE_PATH: path.join(REPO_ROOT, 'node_modules') },
      });
    }
  }
}

export interface Answer {
  status: number;
  text: string;
  json: unknown;
}

/**
 * Sends one request on a connection of its own (no keep-alive: a pooled connection the server
 * has timed out meanwhile would fail the check for the wrong reason) and reads the whole answer.
 */
export function send(target: RunningTarget, request: TargetRequest, timeoutMs = 120_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${target.url}${request.path}`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = undefined;
          try {
            json = JSON.parse(text);
          } catch {
            // reported by answerProblem
          }
          resolve({ status: res.statusCode ?? 0, text, json });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', (error) => reject(new Error(`${target.name} ${request.path}: ${error.message}`)));
    req.end(request.body);
  });
}

/** Why an answer is not a success (HTTP status, GraphQL errors, no data), or null when it is one. */
export function answerProblem(answer: Answer): string | null {
  const body = answer.json as { data?: unknown; errors?: unknown[] } | undefined;
  if (answer.status < 200 || answer.status > 299) return `HTTP ${answer.status}: ${answer.text.slice(0, 400)}`;
  if (!body || typeof body !== 'object') return `not JSON: ${answer.text.slice(0, 400)}`;
  if (body.errors?.length) return `errors: ${JSON.stringify(body.errors).slice(0, 600)}`;
  if (!body.data || typeof body.data !== 'object') return `no data: ${answer.text.slice(0, 400)}`;
  const empty = Object.entries(body.data as Record<string, unknown>).filter(([, v]) => v === null || (Array.isArray(v) && v.length === 0));
  if (empty.length) return `empty answer (${empty.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}): the fixtures found nothing`;
  return null;
}
