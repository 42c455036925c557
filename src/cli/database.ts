import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../db/embedded';
import { connectOrm, migrateUp } from '../db/orm';

/**
 * Runs a CLI command against the configured database (DATABASE_URL, or the embedded one the
 * server uses), migrated first, and closes everything afterwards.
 */
export async function withDatabase<T>(config: Config, run: (orm: MikroORM, url: string) => Promise<T>): Promise<T> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    url = embedded.url;
  }
  try {
    const orm = await connectOrm(url);
    try {
      if (config.migrate) await migrateUp(orm);
      return await run(orm, url);
    } finally {
      await orm.close(true);
    }
  } finally {
    await embedded?.stop();
  }
}
