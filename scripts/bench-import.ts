/**
 * Measures `policy-kb import` on N generated CSL rows (100,000 by default): generates the CSV,
 * creates a fresh migrated and seeded database on DATABASE_URL's server, runs the real CLI as a
 * child process under /usr/bin/time-like sampling, and prints rows/s and peak memory (RSS).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:import -- 100000
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const n = Number(process.argv[2] ?? 100_000);
const admin = process.env.DATABASE_URL;
if (!admin) {
  console.error('set DATABASE_URL to a PostgreSQL server where a scratch database may be created');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const file = path.join(os.tmpdir(), `policy-kb-csl-${n}.csv`);
const db = `policy_kb_bench_${Date.now()}`;
const dbUrl = (() => {
  const u = new URL(admin);
  u.pathname = `/${db}`;
  return u.toString();
})();

async function sql(query: string): Promise<void> {
  const u = new URL(admin as string);
  u.pathname = '/postgres';
  const c = new Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

/** Runs the CLI and samples the child's VmHWM (peak resident set) from /proc before it exits. */
function runCli(args: string[]): Promise<{ seconds: number; peakRssMb: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/index.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: dbUrl, PROGRESS: 'log' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let peak = 0;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => process.stderr.write(d));
    const timer = setInterval(() => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
      } catch {
        /* exited */
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`policy-kb ${args.join(' ')} exited with ${code}:\n${output}`));
      else resolve({ seconds: (Date.now() - started) / 1000, peakRssMb: Math.round(peak), output });
    });
  });
}

async function main() {
  console.error(`generating ${n} rows into ${file}`);
  fs.writeFileSync(file, execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/gen-csl.ts', String(n)], { cwd: root, maxBuffer: 1 << 30 }));
  await sql(`create database "${db}"`);
  try {
    await runCli(['seed']);
    const first = await runCli(['import', file, '--format', 'csl']);
    console.log(first.output.trim());
    const again = await runCli(['import', file, '--format', 'csl']);
    console.log(again.output.trim());
    const rate = (s: number) => Math.round(n / s);
    console.log(`\n${n} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB CSV, Node ${process.version}, ${os.cpus().length} CPUs`);
    console.log(`first import:  ${first.seconds.toFixed(1)} s wall (process incl. start-up), ${rate(first.seconds)} rows/s, peak RSS ${first.peakRssMb} MB`);
    console.log(`re-import:     ${again.seconds.toFixed(1)} s wall, ${rate(again.seconds)} rows/s, peak RSS ${again.peakRssMb} MB (changes nothing)`);
  } finally {
    await sql(`drop database if exists "${db}" with (force)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
