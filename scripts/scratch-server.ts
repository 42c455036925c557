import { loadConfig } from '../src/config';
import { adminQuery, uniqueDatabaseName, withDatabase } from '../src/db/admin';
import { connectOrm, migrateUp, redactUrl } from '../src/db/orm';
import { createLogger } from '../src/logger';
import { RunningServer, startServer } from '../src/server';
import { seedDatabase } from '../src/seeds/seeder';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchServer {
  server: RunningServer;
  databaseUrl: string;
  /** Stops the server and drops the scratch database; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * For scripts (benchmarks, evaluations): a migrated, seeded scratch database on DATABASE_URL's
 * server and the real server on it, on a random loopback port. Dropped on stop and on Ctrl-C.
 */
export async function startScratchServer(prefix: string): Promise<ScratchServer> {
  const adminUrl = withDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL, 'postgres');
  const database = uniqueDatabaseName(prefix);
  const databaseUrl = withDatabase(adminUrl, database);
  console.error(`scratch database ${redactUrl(databaseUrl)}: migrating and seeding`);
  await adminQuery(adminUrl, `create database "${database}"`);
  let server: RunningServer | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await server?.stop().catch((e) => console.error('stopping the server:', e));
      await adminQuery(adminUrl, `drop database if exists "${database}" with (force)`).catch((e) => console.error(`dropping ${database}:`, e));
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: dropping the scratch database`);
      void stop().finally(() => process.exit(130));
    });
  }
  try {
    const orm = await connectOrm(databaseUrl);
    try {
      await migrateUp(orm);
      await seedDatabase(orm.em.fork()); // also gathers planner statistics (analyze)
    } finally {
      await orm.close(true);
    }
    // No rate limit: a benchmark is the one client, on purpose.
    const config = loadConfig({ DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', MIGRATE: 'false', SEED: 'false', RATE_LIMIT_COST_PER_MINUTE: '0' });
    server = await startServer(config, createLogger('silent'));
  } catch (error) {
    await stop();
    throw error;
  }
  return { server, databaseUrl, stop };
}
