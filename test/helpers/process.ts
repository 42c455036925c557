import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Runs `src/main.ts` as a real process (ts-node, no type-check) with exactly `env`. */
export function runMain(env: Record<string, string>, args: string[] = []): ServerProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits until the output contains `text`, the process exits, or time runs out. */
export async function waitFor(proc: ServerProcess, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void proc.exited.then(() => (exited = true));
  while (!proc.output().includes(text)) {
    if (exited) throw new Error(`process exited before "${text}":\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The first port of the range the kernel hands out to outgoing connections: a test server's
 * port must lie below it, or an outgoing connection (to PostgreSQL, Redis) may already hold it
 * (a cluster test once failed with EADDRINUSE on 32916).
 */
function ephemeralPortStart(): number {
  try {
    const start = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) && start > 21000 ? start : 32768;
  } catch {
    return 32768; // Linux's default
  }
}

/** A random port for a child server, below the ephemeral range (processes listen on it themselves, so it cannot be reserved here). */
export function freePort(): number {
  const end = ephemeralPortStart();
  return 20000 + Math.floor(Math.random() * (end - 20000));
}
