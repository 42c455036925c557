import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { MikroORM } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportData, parseExportFilter } from '../src/modules/bulk/exporter';
import { importFile } from '../src/modules/bulk/importer';
import { inject } from 'vitest';
import { connectOrm, migrateUp } from '../src/db/orm';
import { FIXTURES, fingerprint, freshDatabase, sql, tmpFile } from './helpers/bulk';
import { adminQuery, uniqueDatabaseName, withDatabase } from './helpers/database';

let db: Awaited<ReturnType<typeof freshDatabase>>;
let orm: MikroORM;
beforeAll(async () => {
  db = await freshDatabase();
  orm = db.orm;
  await importFile(orm, { file: path.join(FIXTURES, 'csl-sample.csv'), format: 'csl', rejectsFile: tmpFile('r.jsonl') });
});
afterAll(async () => {
  await db?.close();
});

async function exported(format: 'csv' | 'ftm' | 'policy-kb', filter: string[] = []): Promise<string> {
  const out = tmpFile(`export.${format}`);
  await exportData(orm, { format, out, filter: parseExportFilter(filter), pageSize: 7 });
  return fs.readFileSync(out, 'utf8');
}

describe('policy-kb export', () => {
  it('csv: one row per listing, filtered by list and date', async () => {
    const rows = parse(await exported('csv', ['list=us-entity-list', 'since=2021-11-01']), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({ list: 'us-entity-list', citation: '86 FR 67317', entity_name: 'Acme Vision Analytics Co. Ltd.', country: 'CN', aliases: 'Acme Vision; AVA Tech', license_policy: 'Presumption of denial.' }),
    ]);
    const all = parse(await exported('csv'), { columns: true }) as Record<string, string>[];
    expect(all.length).toBeGreaterThan(40); // the curated listings too, across pages of 7
    expect(new Set(all.map((r) => `${r.action} ${r.entity}`)).size).toBe(all.length);
  });

  it('ftm: parties, sanctions and links with ids stable across exports', async () => {
    const text = await exported('ftm', ['country=CN']);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    const acme = lines.find((l) => l.properties.name?.[0] === 'Acme Vision Analytics Co. Ltd.');
    expect(acme).toMatchObject({ id: 'pkb-entity-cn-acme-vision-analytics-co-ltd', schema: 'Company', properties: { country: ['cn'], alias: ['Acme Vision', 'AVA Tech'] } });
    expect(lines).toContainEqual(expect.objectContaining({ schema: 'Sanction', properties: expect.objectContaining({ entity: [acme.id], program: ['The Entity List'], startDate: ['2021-11-26'] }) }));
    expect(await exported('ftm', ['country=CN'])).toBe(text);
  });

  it('policy-kb: every table by natural key, deterministic', async () => {
    const text = await exported('policy-kb');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ type: 'policy-kb-export', version: 1 });
    const types = [...new Set(lines.slice(1).map((l) => l.type))];
    expect(types).toEqual(['country', 'technology', 'authority', 'list', 'source', 'entity', 'entity-relation', 'action', 'action-relation']);
    expect(lines.find((l) => l.type === 'entity' && l.slug === 'cn-acme-vision-analytics-co-ltd')).toMatchObject({ country: 'CN', sources: [expect.stringContaining('entity-list')] });
    expect(await exported('policy-kb')).toBe(text);
  });

  it('refuses a bad filter', () => {
    expect(() => parseExportFilter(['colour=red'])).toThrow(/unknown key "colour"/);
    expect(() => parseExportFilter(['since=2020'])).toThrow(/YYYY-MM-DD/);
  });
});

describe('policy-kb import --format policy-kb', () => {
  let empty: MikroORM;
  let emptyName: string;
  let first: string;
  let file: string;
  beforeAll(async () => {
    // An empty database: migrated, not seeded.
    emptyName = uniqueDatabaseName('policy_kb_test_empty');
    await adminQuery(inject('adminUrl'), `create database "${emptyName}"`);
    empty = await connectOrm(withDatabase(inject('adminUrl'), emptyName));
    await migrateUp(empty);
    // A deleted entity and a deleted participant travel too.
    await sql(orm, `update entity set deleted_at = '2024-05-06T07:08:09.123Z' where slug = (select slug from entity order by slug desc limit 1)`);
    file = tmpFile('backup.jsonl');
    await exportData(orm, { format: 'policy-kb', out: file, pageSize: 50 });
    first = fs.readFileSync(file, 'utf8');
  });
  afterAll(async () => {
    await empty?.close(true);
    if (emptyName) await adminQuery(inject('adminUrl'), `drop database if exists "${emptyName}" with (force)`);
  });

  it('export -> import into an empty database -> export gives the same bytes; revisions by "import"', async () => {
    const summary = await importFile(empty, { file, format: 'policy-kb', batchSize: 100, rejectsFile: tmpFile('r.jsonl') });
    expect(summary.rejects).toEqual([]);
    expect(summary.status).toBe('succeeded');
    expect(summary.created).toBeGreaterThan(100);
    const again = tmpFile('again.jsonl');
    await exportData(empty, { format: 'policy-kb', out: again, pageSize: 13 });
    expect(fs.readFileSync(again, 'utf8')).toBe(first);
    const actors = await sql(empty, `select distinct actor from revision`);
    expect(actors).toEqual([{ actor: 'import' }]);
    expect(await sql(empty, `select format, status from import_run`)).toEqual([{ format: 'policy-kb', status: 'succeeded' }]);
  });

  it('is idempotent, into the empty database and into the one it came from; a dry run writes nothing', async () => {
    for (const target of [empty, orm]) {
      const before = await fingerprint(target);
      const summary = await importFile(target, { file, format: 'policy-kb', rejectsFile: tmpFile('r.jsonl') });
      expect(summary.rejects).toEqual([]);
      expect([summary.created, summary.updated]).toEqual([0, 0]);
      expect(summary.unchanged).toBeGreaterThan(100);
      expect((await fingerprint(target)).replace(/import_run:.*/, '')).toBe(before.replace(/import_run:.*/, ''));
    }
    const before = await fingerprint(empty);
    const dry = await importFile(empty, { file, format: 'policy-kb', dryRun: true });
    expect(dry.created + dry.updated).toBe(0);
    expect(await fingerprint(empty)).toBe(before);
  });

  it('rejects bad lines with their line numbers; refuses a file that is not an export', async () => {
    const lines = first.split('\n');
    const entity = lines.findIndex((l) => l.includes('"type":"entity"'));
    const broken = [...lines];
    broken.splice(entity + 1, 0, JSON.stringify({ type: 'entity-relation', from: 'no-such-entity', to: 'also-missing', kind: 'AFFILIATE_OF' }), JSON.stringify({ type: 'gadget', slug: 'x' }));
    const summary = await importFile(empty, { file: tmpFile('broken.jsonl', broken.join('\n')), format: 'policy-kb', rejectsFile: tmpFile('r.jsonl') });
    expect(summary.rejects).toEqual([
      { line: entity + 3, reason: expect.stringMatching(/^unknown type "gadget"/) },
      { line: entity + 2, reason: 'entity "no-such-entity" is neither earlier in the file nor in the database' },
    ]);
    expect([summary.created, summary.updated]).toEqual([0, 0]);
    await expect(importFile(empty, { file: path.join(FIXTURES, 'csl-sample.json'), format: 'policy-kb' })).rejects.toThrow(/not a policy-kb export|not JSON/);
  });
});

describe('the CLI', () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/index.ts', ...args], {
      cwd: path.resolve(__dirname, '..'),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('has import and export with --help', () => {
    const help = cli(['--help']);
    expect(help.stdout).toMatch(/import \[options\] <file>/);
    expect(help.stdout).toMatch(/export \[options\]/);
    expect(help.stdout).toMatch(/keys/);
    expect(cli(['import', '--help']).stdout).toMatch(/--dry-run[\s\S]*--batch-size[\s\S]*--rejects/);
    expect(cli(['export', '--help']).stdout).toMatch(/--format <format>[\s\S]*--filter/);
  });

  it('import: exit code 2 and "Nothing was written" on a file with missing columns; a dry run prints its report', () => {
    const bad = tmpFile('bad.csv', 'source,type\nx,Entity\n');
    const run = cli(['import', bad, '--format', 'csl'], { DATABASE_URL: db.url });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/lacks the required column\(s\) name[\s\S]*Nothing was written/);
    const dry = cli(['import', path.join(FIXTURES, 'csl-sample.json'), '--format', 'csl', '--dry-run', '--no-progress'], { DATABASE_URL: db.url });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/Dry run \(nothing written\): would import 3 of 4 rows/);
  });
});
