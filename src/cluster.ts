import cluster, { type Worker } from 'node:cluster';
import { WORKER_INDEX_VARIABLE, type Config } from './config';
import { resolveDatabase } from './db/embedded';
import { redactUrl } from './db/redact-url';
import type { Logger } from './logger';


/** Marks the one-off child that prepares the database (main.ts runs prepareDatabaseAt in it). */
export const PREPARE_ROLE = { variable: 'POLICY_KB_CLUSTER_ROLE', value: 'prepare' } as const;

/** Runs the preparation (migrations, seeds) in a child process and waits for it to succeed. */
async function prepareInChild(databaseUrl: string): Promise<void> {
  const child = cluster.fork({ DATABASE_URL: databaseUrl, [PREPARE_ROLE.variable]: PREPARE_ROLE.value });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  if (code !== 0) throw new Error(`preparing the database failed (exit code ${code}); see the log above`);
}

/*
 * WORKERS > 1: several server processes on one machine, sharing its port.
 *
 * One Node process serves one core; on a machine with more, a single server leaves the rest
 * to PostgreSQL alone. The primary process prepares the database once (the embedded
 * PostgreSQL when there is no DATABASE_URL; migrations and seeds in a one-off child), then forks WORKERS copies of
 * the ordinary server with MIGRATE and SEED off; Node's cluster module hands them incoming
 * connections in turn. The workers are stateless like separate instances, and share the
 * response cache, subscription events and rate limits through Redis (config.ts refuses
 * WORKERS > 1 without REDIS_URL). A worker that dies is replaced; SIGTERM / SIGINT drain every
 * worker (each finishes its in-flight requests) before the primary exits.
 */

/** Restarts allowed within RESTART_WINDOW_MS before the primary gives up. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  const { url: databaseUrl, embedded } = await resolveDatabase(config, logger);
  try {
    // In a child of its own, so the primary never loads the ORM and the schema: it only
    // supervises, and stays a few tens of MB.
    await prepareInChild(databaseUrl);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  const workerEnv = { DATABASE_URL: databaseUrl, MIGRATE: 'false', SEED: 'false' };
  let stopping = false;
  const restarts: number[] = [];
  let listening = 0;
  const alive = new Set<number>();

  // Each worker has an index 1..n (WORKER_INDEX_VARIABLE; /healthz shows it); a replacement takes the dead one's.
  const indexOf = new Map<number, number>();
  const fork = (index: number): Worker => {
    const worker = cluster.fork({ ...workerEnv, [WORKER_INDEX_VARIABLE]: String(index) });
    indexOf.set(worker.id, index);
    alive.add(worker.id);
    worker.once('listening', () => {
      if (++listening === config.workers) logger.info({ workers: config.workers, port: config.port, database: redactUrl(databaseUrl) }, `policy-kb is serving with ${config.workers} worker processes`);
    });
    return worker;
  };

  const stopped = new Promise<number>((resolve) => {
    cluster.on('exit', (worker, code, signal) => {
      alive.delete(worker.id);
      if (stopping) {
        if (alive.size === 0) resolve(0);
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length > MAX_RESTARTS) {
        logger.fatal({ restarts: restarts.length, windowMs: RESTART_WINDOW_MS }, 'workers keep dying: giving up');
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
        resolve(1);
        return;
      }
      logger.error({ pid: worker.process.pid, code, signal }, 'a worker process died: starting another');
      fork(indexOf.get(worker.id) ?? 0);
    });
  });

  for (let i = 1; i <= config.workers; i++) fork(i);

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: alive.size }, 'shutting down: draining every worker');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    // Each worker has SHUTDOWN_TIMEOUT_MS for its requests and 5 s for its pool; then it exits itself.
    setTimeout(() => {
      logger.error('workers did not stop in time: exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const code = await stopped;
  await embedded?.stop().catch((error: unknown) => logger.warn({ err: error }, 'could not stop the embedded PostgreSQL'));
  logger.info('stopped');
  process.exit(code);
}
