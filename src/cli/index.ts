#!/usr/bin/env node
import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { migrateUp, redactUrl } from '../db/orm';
import { createKey, listKeys, revokeKey } from '../modules/auth/api-keys.service';
import { Role } from '../modules/auth/role';
import { seedDatabase } from '../seeds/seeder';
import { withDatabase } from './database';
import { BadInputError } from '../modules/bulk/readers';
import { formatSummary, IMPORT_FORMATS, importFile, ImportFormat } from '../modules/bulk/importer';
import { defaultProgress, LogProgress, silentProgress } from '../modules/bulk/progress';
import { EXPORT_FORMATS, exportData, ExportFormat, parseExportFilter } from '../modules/bulk/exporter';

/** The `policy-kb` command: serve, migrate, seed, import, export and manage API keys. */
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

/** Exit code for import/export (process.exitCode does not survive closing the ORM's pool). */
let exitWith = 0;

function parseChoice<T extends string>(choices: readonly T[]) {
  return (value: string): T => {
    if (!choices.includes(value as T)) throw new InvalidArgumentError(`must be one of ${choices.join(', ')}`);
    return value as T;
  };
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError('must be a whole number from 1 to 100000');
  return n;
}

function progressFor(option: boolean | undefined) {
  if (option === false) return silentProgress;
  return process.env.PROGRESS === 'log' ? new LogProgress() : defaultProgress();
}

program
  .command('import')
  .description('import a file: the Consolidated Screening List (CSV or JSON), FollowTheMoney entities (JSON lines) or a policy-kb export; idempotent')
  .argument('<file>', 'the file to import (csl: .csv, .json with a results array, .jsonl; ftm: .json lines; policy-kb: an `export --format policy-kb` file)')
  .requiredOption('--format <format>', `input format: ${IMPORT_FORMATS.join(', ')}`, parseChoice(IMPORT_FORMATS))
  .option('--dry-run', 'report what would be created and updated, write nothing')
  .option('--batch-size <n>', 'rows per transaction', parsePositive, 500)
  .option('--rejects <file>', 'where to write rejected rows with their line numbers and reasons (default: FILE.rejects.jsonl)')
  .option('--no-progress', 'no progress bar or progress lines')
  .addHelpText(
    'after',
    `
The whole file is read once before anything is written: a file that is not valid UTF-8, not
valid CSV/JSON, truncated, or lacks required columns stops the import with a message and
exit code 2. Then rows are written in batches, one transaction each, with an import run
record (table import_run). Rows that cannot be mapped (bad dates, empty names, unknown types)
go to the rejects file; the others are imported. Re-importing the same file changes nothing.

Examples:
  policy-kb import consolidated.csv --format csl --dry-run
  policy-kb import consolidated.json --format csl
  policy-kb import entities.ftm.json --format ftm
  policy-kb import backup.jsonl --format policy-kb   # restores an export; export again gives the same bytes`,
  )
  .action(async (file: string, options: { format: ImportFormat; dryRun?: boolean; batchSize: number; rejects?: string; progress?: boolean }) => {
    await withDatabase(config(), async (orm) => {
      try {
        const summary = await importFile(orm, {
          file,
          format: options.format,
          dryRun: options.dryRun,
          batchSize: options.batchSize,
          rejectsFile: options.rejects,
          progress: progressFor(options.progress),
        });
        console.log(formatSummary(summary));
        if (summary.status === 'failed') exitWith = 1;
      } catch (error) {
        if (!(error instanceof BadInputError)) throw error;
        console.error(`policy-kb import: ${error.message}\nNothing was written.`);
        exitWith = 2;
      }
    });
  });

program
  .command('export')
  .description('export entities and listings as the project\'s JSON lines (policy-kb), a flattened listings CSV, or FollowTheMoney JSON lines')
  .requiredOption('--format <format>', `output format: ${EXPORT_FORMATS.join(', ')}`, parseChoice(EXPORT_FORMATS))
  .option('--out <file>', 'write to a file instead of stdout')
  .option('--filter <filter...>', 'only some entities: list=SLUG, country=CC, kind=KIND, since=YYYY-MM-DD (repeatable; policy-kb format exports everything)')
  .option('--no-progress', 'no progress bar or progress lines')
  .addHelpText(
    'after',
    `
Formats:
  policy-kb  every table in dependency order, one JSON object per line; importing it into an
             empty database and exporting again gives the same bytes
  csv        one row per listing (entity x LISTING action): list, entity, country, dates...
  ftm        FollowTheMoney entities (Company, Person, ..., Sanction, Ownership); ids are
             stable across exports ("pkb-entity-<slug>")

Examples:
  policy-kb export --format csv --filter list=us-entity-list --out entity-list.csv
  policy-kb export --format ftm > policy-kb.ftm.json
  policy-kb export --format policy-kb --out backup.jsonl`,
  )
  .action(async (options: { format: ExportFormat; out?: string; filter?: string[]; progress?: boolean }) => {
    let filter;
    try {
      filter = parseExportFilter(options.filter ?? []);
    } catch (error) {
      console.error(`policy-kb export: ${(error as Error).message}`);
      exitWith = 2;
      return;
    }
    await withDatabase(config(), async (orm) => {
      const progress = options.out ? progressFor(options.progress) : options.progress === false ? silentProgress : new LogProgress(undefined, 5000);
      const count = await exportData(orm, { format: options.format, out: options.out, filter, progress: options.out || process.env.PROGRESS ? progress : silentProgress });
      console.error(`Exported ${count} records (${options.format})${options.out ? ` to ${options.out}` : ''}.`);
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

program.parseAsync(process.argv).then(() => {
  if (exitWith) process.exit(exitWith);
}).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `policy-kb: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
