import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { startEmbeddedPostgres } from '../db/embedded';
import { connectOrm, migrateUp, redactUrl } from '../db/orm';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  const url = config.databaseUrl ?? (embedded as { url: string }).url;
  const orm = await connectOrm(url);
  try {
    const applied = await migrateUp(orm);
    console.log(applied.length ? `applied ${applied.length} migration(s) to ${redactUrl(url)}: ${applied.join(', ')}` : `${redactUrl(url)} is up to date`);
  } finally {
    await orm.close(true);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
