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

export const TARGET_NAMES = ['policy-kb', 'policy-kb-cached', 'policy-kb-workers', 'postgraphile', 'raw'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** Server processes of the policy-kb-workers target (WORKERS): a primary that forks this many workers sharing the port. */
export const POLICY_KB_WORKERS = 2;

/** Whether a target is policy-kb itself (it answers policy-kb's GraphQL queries). */
export const isPolicyKb = (target: TargetName): boolean => target === 'policy-kb' || target === 'policy-kb-cached' || target === 'policy-kb-workers';

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
    case 'policy-kb-workers':
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

interface ProcStat {
  ppid: number;
  /** Z for a zombie (exited, not yet reaped). */
  state: string;
  /** utime + stime + cutime + cstime, clock ticks: the process's own CPU time and that of the children it has reaped. */
  ticks: number;
  /** Start time since boot (clock ticks): tells a process from a later one that reuses its pid. */
  startTime: string;
}

function readStat(pid: number): ProcStat | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm) ": state ppid ... utime(11) stime(12) cutime(13) cstime(14) ... starttime(19).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      state: fields[0],
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
      startTime: fields[19],
    };
  } catch {
    return null; // gone
  }
}

/**
 * Every descendant of `root` (children, their children...), found by scanning /proc/<pid>/stat
 * for parent pids (this kernel has no /proc/<pid>/task/<tid>/children).
 */
function descendantsOf(root: number): Map<number, ProcStat> {
  const byParent = new Map<number, Array<[number, ProcStat]>>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return new Map();
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = readStat(pid);
    if (!stat) continue;
    const siblings = byParent.get(stat.ppid);
    if (siblings) siblings.push([pid, stat]);
    else byParent.set(stat.ppid, [[pid, stat]]);
  }
  const found = new Map<number, ProcStat>();
  const queue = [root];
  while (queue.length) {
    for (const [pid, stat] of byParent.get(queue.shift() as number) ?? []) {
      if (found.has(pid)) continue;
      found.set(pid, stat);
      queue.push(pid);
    }
  }
  return found;
}

/** SIGKILL to every living descendant of `root` (synchronous). */
function killDescendants(root: number): void {
  for (const [pid, stat] of descendantsOf(root)) {
    if (stat.state === 'Z') continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Samplers of the targets still running (their descendants are killed on exit too). */
const samplers = new Set<RssSampler>();

/**
 * Peak resident set size and CPU time of a server's process tree: the process the harness
 * started and every descendant (policy-kb-workers: the cluster primary and its workers), sampled
 * together from /proc every 250 ms. A single process has no descendants, so this is its own
 * VmRSS and CPU time.
 */
export class RssSampler {
  /** Highest sum of VmRSS over the tree seen since start, in kB. */
  peakKb = 0;
  /** Highest sum of VmRSS over the tree seen since the last resetWindow(), in kB. */
  windowPeakKb = 0;
  /** Most processes seen in the tree at once since the last resetWindow() (1 for a single process). */
  windowProcesses = 0;
  /** Every descendant seen so far, with its start time (to check at the end that none outlived the server). */
  readonly seen = new Map<number, string>();
  private timer: NodeJS.Timeout;

  constructor(readonly root: number) {
    samplers.add(this);
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
  }

  /** The root's pid and its living descendants' (scanned now). */
  private tree(): number[] {
    const pids = [this.root];
    for (const [pid, stat] of descendantsOf(this.root)) {
      this.seen.set(pid, stat.startTime);
      if (stat.state !== 'Z') pids.push(pid);
    }
    return pids;
  }

  sample(): void {
    let kb = 0;
    let processes = 0;
    for (const pid of this.tree()) {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        kb += Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
        processes++;
      } catch {
        // the process has exited
      }
    }
    this.peakKb = Math.max(this.peakKb, kb);
    this.windowPeakKb = Math.max(this.windowPeakKb, kb);
    this.windowProcesses = Math.max(this.windowProcesses, processes);
  }

  /**
   * CPU time the tree has used so far (user + system), in ms: each process's own time and that
   * of the children it has reaped (so a worker that exits keeps counting, in its parent's). NaN
   * when the root has exited.
   */
  cpuMs(): number {
    const root = readStat(this.root);
    if (!root) return NaN;
    let ticks = root.ticks;
    for (const [pid, stat] of descendantsOf(this.root)) {
      this.seen.set(pid, stat.startTime);
      ticks += stat.ticks;
    }
    return (ticks * 1000) / CLOCK_TICKS;
  }

  /** Descendants seen while the root ran that still run (the same process: same start time, not a zombie). */
  survivors(): number[] {
    return [...this.seen].filter(([pid, startTime]) => {
      const stat = readStat(pid);
      return stat !== null && stat.startTime === startTime && stat.state !== 'Z';
    }).map(([pid]) => pid);
  }

  /** SIGKILL to every descendant that still runs (synchronous). */
  killSurvivors(): number[] {
    this.tree();
    const left = this.survivors();
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    return left;
  }

  resetWindow(): void {
    this.windowPeakKb = 0;
    this.windowProcesses = 0;
    this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
    samplers.delete(this);
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
  /**
   * SIGTERM, then SIGKILL after 10 s (policy-kb-workers: 30 s, for the primary to drain its
   * workers); resolves when the child has exited, with how it ended and the pids of descendants
   * (workers) that were still running after it and had to be killed (none, normally).
   */
  stop(): Promise<StopResult>;
}

export interface StopResult {
  /** "code 0", "signal SIGKILL", ... */
  exit: string | null;
  /** Descendants left running after the child exited, killed with SIGKILL. */
  strays: number[];
}

const children = new Set<ChildProcess>();

/** Kills every child still running (synchronous: safe in an 'exit' handler). */
export function killAllChildren(): void {
  for (const sampler of [...samplers]) sampler.killSurvivors();
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
  /**
   * How to tell it is ready: a stdout line, /readyz answering 200, or (a cluster primary with
   * logging off, whose "serving with N worker processes" line is hidden) /readyz answering 200
   * and then /healthz answering from `workers` different worker processes.
   */
  ready: 'listening-line' | 'readyz' | { workers: number };
  /** SIGTERM to SIGKILL, ms (10 s). */
  stopTimeoutMs?: number;
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
      const workers = spec.ready === 'readyz' ? 0 : spec.ready.workers;
      const poll = async () => {
        while (!done) {
          try {
            const response = await fetch(`${url}/readyz`);
            if (response.ok) break;
          } catch {
            // not listening yet
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        // Each /healthz on a connection of its own: the cluster hands new connections to the
        // workers in turn, and each answers with its number.
        const answered = new Set<number>();
        while (!done && answered.size < workers) {
          const worker = await healthzWorker(url).catch(() => null);
          if (worker !== null) answered.add(worker);
          else await new Promise((r) => setTimeout(r, 100));
        }
        finish();
      };
      void poll();
    }
  }).catch(async (error) => {
    // A cluster primary's workers go too (they would exit on their own when it dies).
    killDescendants(child.pid as number);
    child.kill('SIGKILL');
    await exited;
    children.delete(child);
    throw error;
  });

  const rss = new RssSampler(child.pid as number);
  const stopTimeoutMs = spec.stopTimeoutMs ?? 10_000;
  return {
    name: spec.name,
    pid: child.pid as number,
    url,
    rss,
    output: () => lines.join('\n'),
    exitStatus: () => exitStatus,
    async stop() {
      rss.sample(); // the latest descendants, while the child is still their parent
      rss.stop();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
      // Workers stop before their primary exits; give a straggler a moment, then kill it.
      const deadline = Date.now() + 2_000;
      while (rss.survivors().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const strays = rss.killSurvivors();
      return { exit: exitStatus, strays };
    },
  };
}

/** GET /healthz on a connection of its own: the answering worker's number (cluster), or null when the answer has none. */
export function healthzWorker(url: string, agent: http.Agent | false = false): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/healthz`, { agent, timeout: 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { worker?: unknown };
          resolve(res.statusCode === 200 && typeof body.worker === 'number' ? body.worker : null);
        } catch {
          resolve(null);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('/healthz: no answer within 5 s')));
    req.on('error', reject);
  });
}

/** Redis of the policy-kb-workers target. */
export const POLICY_KB_REDIS_URL = 'redis://127.0.0.1:6379';
let starts = 0;

/** Starts one target against `databaseUrl`. policy-kb must have been built (dist/src/main.js). */
export async function startTarget(name: TargetName, databaseUrl: string): Promise<RunningTarget> {
  const port = await freePort();
  switch (name) {
    case 'policy-kb':
    case 'policy-kb-cached':
    case 'policy-kb-workers':
      return spawnTarget({
        name,
        port,
        args: [policyKbEntry()],
        ready: name === 'policy-kb-workers' ? { workers: POLICY_KB_WORKERS } : 'readyz',
        stopTimeoutMs: name === 'policy-kb-workers' ? 30_000 : undefined,
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
          // The cluster: a primary that forks the servers; they share the port, and Redis (a
          // channel prefix of this start's own, so nothing mixes with other servers on it).
          ...(name === 'policy-kb-workers'
            ? { WORKERS: String(POLICY_KB_WORKERS), REDIS_URL: POLICY_KB_REDIS_URL, REDIS_CHANNEL_PREFIX: `policy-kb-bench-${process.pid}-${Date.now()}-${++starts}` }
            : {}),
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
 * With `agent`, on that agent's connections instead (the counting pass keeps one connection, so
 * one worker of a cluster, for the warm-up and the counted request).
 */
export function send(target: RunningTarget, request: TargetRequest, timeoutMs = 120_000, agent: http.Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${target.url}${request.path}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) }, timeout: timeoutMs },
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
