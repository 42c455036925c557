import { ChildProcess, spawn } from 'node:child_process';
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

export function freePort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}
