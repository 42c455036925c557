import 'reflect-metadata';
import path from 'node:path';
import { defineConfig, Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { REPO_ROOT } from '../paths';
import { ENTITIES } from './entities';


/**
 * The ORM options for a database URL. The URL is passed in (never read at import time) so the
 * embedded database, tests and the CLI can each choose theirs.
 */
export function ormOptions(clientUrl: string, extra: Partial<Options> = {}): Options {
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
    pool: { min: 0, max: 10 },
    debug: false,
    allowGlobalContext: false,
    ...extra,
  });
}

// Used by the MikroORM CLI (migration:create); the app calls ormOptions() itself.
export default ormOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/policy_kb_dev');
