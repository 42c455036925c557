#!/usr/bin/env node
import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { migrateUp, redactUrl } from '../db/orm';
import { createKey, listKeys, revokeKey } from '../modules/auth/api-keys.service';
import { Role } from '../modules/auth/role';
import { seedDatabase } from '../seeds/seeder';
import { withDatabase } from './database';

/** The `policy-kb` command: serve, migrate, seed and manage API keys. */
const program = new Command('policy-kb')
  .description('policy-kb: a policy-timeline and sanctions knowledge base served as a GraphQL API')
  .showHelpAfterError();

const config = (options: { migrate?: boolean } = {}) => loadConfig(process.env, options.migrate === false ? ['--no-migrate'] : []);

program
  .command('serve')
  .description('start the GraphQL server (same as npm start); settings come from the environment, see README')
  .option('--no-migrate', 'do not apply pending migrations at start-up')
  .option('--no-seed', 'do not load the curated seeds into an empty database')
  .action(() => {
    // main.ts reads the same flags from process.argv.
    require('../main');
  });

program
  .command('migrate')
  .description('apply pending migrations to DATABASE_URL (or the embedded database)')
  .action(async () => {
    await withDatabase(loadConfig(process.env, ['--no-migrate']), async (orm, url) => {
      const applied = await migrateUp(orm);
      console.log(applied.length ? `applied ${applied.length} migration(s) to ${redactUrl(url)}: ${applied.join(', ')}` : `${redactUrl(url)} is up to date`);
    });
  });

program
  .command('seed')
  .description('load the curated seeds (seeds/data) into the database; idempotent')
  .action(async () => {
    await withDatabase(config(), async (orm, url) => {
      const report = await seedDatabase(orm.em.fork(), { actor: 'seed' });
      console.log(`Seeded ${redactUrl(url)}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.`);
    });
  });

function parseRole(value: string): Role {
  const role = value.toUpperCase() as Role;
  if (!Object.values(Role).includes(role)) throw new InvalidArgumentError('must be reader, editor or admin');
  return role;
}

const keys = program.command('keys').description('create, list and revoke API keys (only hashes are stored)');

keys
  .command('create')
  .description('create a key and print it once')
  .requiredOption('--name <name>', 'who the key is for; shown as the actor in the audit history')
  .requiredOption('--role <role>', 'reader, editor or admin', parseRole)
  .action(async (options: { name: string; role: Role }) => {
    await withDatabase(config(), async (orm) => {
      const { key } = await createKey(orm.em.fork(), options.name, options.role);
      console.log(key);
      console.error(`Key "${options.name}" (${options.role}) created. This is the only time it is shown: store it now.`);
    });
  });

keys
  .command('list')
  .description('list keys (names, roles, status; never the keys)')
  .action(async () => {
    await withDatabase(config(), async (orm) => {
      const rows = await listKeys(orm.em.fork());
      if (!rows.length) console.log('no keys');
      for (const k of rows) {
        const status = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
        console.log(`${k.name}\t${k.role}\t${status}\tcreated ${k.createdAt.toISOString()}\tlast used ${k.lastUsedAt?.toISOString() ?? 'never'}`);
      }
    });
  });

keys
  .command('revoke')
  .description('revoke a key by name (takes effect within a minute on running servers)')
  .argument('<name>', 'the key name')
  .action(async (name: string) => {
    await withDatabase(config(), async (orm) => {
      if (!(await revokeKey(orm.em.fork(), name))) {
        console.error(`no active key named "${name}"`);
        process.exitCode = 1;
        return;
      }
      console.log(`revoked "${name}"`);
    });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `policy-kb: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
