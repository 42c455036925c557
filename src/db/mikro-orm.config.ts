import 'reflect-metadata';
import path from 'node:path';
import { defineConfig, Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { REPO_ROOT } from '../paths';
import { ENTITIES } from './entities';

/** The lowest pg_trgm word similarity a search candidate needs (0.6 is pg_trgm's default). */
export const WORD_SIMILARITY_THRESHOLD = 0.3;
/** The strict word similarity of a close match (`%>>`, search's first pass); pg_trgm's default, set explicitly. */
export const STRICT_WORD_SIMILARITY_THRESHOLD = 0.5;


/**
 * The ORM options for a database URL. The URL is passed in (never read at import time) so the
 * embedded database, tests and the CLI can each choose theirs.
 */
export interface SessionSettings {
  /** PostgreSQL statement_timeout of every pooled connection, in ms; 0 or unset: none (CLI, seeding). */
  statementTimeoutMs?: number;
  /** Send repeated reads as named (prepared) statements (db/prepared-statements.ts); the server's PREPARED_STATEMENTS. */
  preparedStatements?: boolean;
  /**
   * PostgreSQL max_parallel_workers_per_gather of every pooled connection; unset: the server's
   * own setting (CLI, seeding). The server's PARALLEL_WORKERS_PER_QUERY, 0 by default.
   */
  parallelWorkersPerQuery?: number;
}

/**
 * `replicaUrls` (DATABASE_REPLICA_URLS) become MikroORM read replicas. Each inherits the pool
 * options below (size, and afterCreate with the same session settings as the primary), since
 * MikroORM copies `pool` to every replica that does not set its own. Reads reach a replica only
 * when they ask for one through db/read.ts (`preferReadReplicas: false`): see that file for why.
 */
export function ormOptions(clientUrl: string, extra: Partial<Options> = {}, session: SessionSettings = {}, replicaUrls: readonly string[] = []): Options {
  const settings = [`set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`, `set pg_trgm.strict_word_similarity_threshold = ${STRICT_WORD_SIMILARITY_THRESHOLD}`];
  const statementTimeout = Math.floor(session.statementTimeoutMs ?? 0);
  // A runaway statement is cancelled by PostgreSQL itself (SQLSTATE 57014), before the HTTP request times out.
  if (statementTimeout > 0) settings.push(`set statement_timeout = ${statementTimeout}`);
  if (session.parallelWorkersPerQuery !== undefined) settings.push(`set max_parallel_workers_per_gather = ${Math.floor(session.parallelWorkersPerQuery)}`);
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    discovery: { requireEntitiesArray: true },
    // Migrations are .ts in the repo and .js once built; vitest and ts-node need import().
    migrations: {
      path: path.join(REPO_ROOT, 'dist/migrations'),
      pathTs: path.join(REPO_ROOT, 'migrations'),
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true, // the server logs what it applied, as structured JSON
    },
    dynamicImportProvider: (id: string) => (process.env.VITEST ? import(id) : Promise.resolve(require(id))),
    pool: {
      min: 0,
      max: 10,
      // Search uses pg_trgm's index-backed word-similarity operator (%>); its cut-off is a
      // session setting, so every connection gets it (see modules/search). The server also sets
      // statement_timeout here (STATEMENT_TIMEOUT_MS).
      afterCreate: (conn: { query(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) => {
        conn.query(settings.join('; '), (err) => done(err, conn));
      },
    },
    debug: false,
    allowGlobalContext: false,
    replicas: replicaUrls.map((url, i) => ({ name: `replica-${i + 1}`, clientUrl: url })),
    preferReadReplicas: false,
    ...extra,
  });
}

// Used by the MikroORM CLI (migration:create); the app calls ormOptions() itself.
export default ormOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/policy_kb_dev');
