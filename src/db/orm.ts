import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions, SessionSettings } from './mikro-orm.config';
import { usePreparedStatements } from './prepared-statements';
import { replicaConnections } from './read';
import { redactUrl } from './redact-url';

export { redactUrl };

/**
 * Connects the ORM and fails with a clear message when the database, or one of the read
 * replicas (`replicaUrls`, from DATABASE_REPLICA_URLS), cannot be reached.
 */
export async function connectOrm(databaseUrl: string, session: SessionSettings = {}, replicaUrls: readonly string[] = []): Promise<MikroORM> {
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(ormOptions(databaseUrl, {}, session, replicaUrls));
  } catch (error) {
    throw new Error(`Cannot connect to the database at ${redactUrl(databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!(await orm.isConnected())) {
    const reason = await orm.checkConnection();
    await orm.close(true);
    throw new Error(`Cannot connect to the database at ${redactUrl(databaseUrl)}: ${reason.ok ? 'unknown error' : reason.reason}`);
  }
  // MikroORM opens replica pools lazily; a typo in DATABASE_REPLICA_URLS should stop the start,
  // not fail a random share of reads later.
  const checks = await Promise.all(replicaConnections(orm).map((replica) => replica.checkConnection()));
  const failed = checks.findIndex((check) => !check.ok);
  if (failed >= 0) {
    const check = checks[failed];
    await orm.close(true);
    throw new Error(
      `Cannot connect to the read replica at ${redactUrl(replicaUrls[failed] ?? '')} (DATABASE_REPLICA_URLS entry ${failed + 1}): ${check.ok ? 'unknown error' : check.reason}`,
    );
  }
  if (session.preparedStatements) {
    usePreparedStatements(orm.em.getConnection('write').getKnex());
    for (const replica of replicaConnections(orm)) usePreparedStatements(replica.getKnex());
  }
  return orm;
}

/** Migrations still to apply, then applies them; returns their names. */
export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const migrator = orm.getMigrator();
  const applied = await migrator.up();
  return applied.map((m) => m.name);
}
