import fs from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../src/modules/bulk/importer';
import { BadInputError } from '../src/modules/bulk/readers';
import { FIXTURES, fingerprint, freshDatabase, sql, tmpFile } from './helpers/bulk';

const CSV = path.join(FIXTURES, 'csl-sample.csv');
const JSON_FILE = path.join(FIXTURES, 'csl-sample.json');

let db: Awaited<ReturnType<typeof freshDatabase>>;
let orm: MikroORM;
beforeAll(async () => {
  db = await freshDatabase();
  orm = db.orm;
});
afterAll(async () => {
  await db?.close();
});

const entity = async (name: string) =>
  (await sql(orm, `select id, slug, kind, name, aliases, country_code, addresses, identifiers from entity where name = ?`, [name]))[0];

describe('policy-kb import --format csl (CSV)', () => {
  it('a dry run reports what would change and writes nothing', async () => {
    const before = await fingerprint(orm);
    const summary = await importFile(orm, { file: CSV, format: 'csl', dryRun: true });
    expect(summary.dryRun).toBe(true);
    expect(summary.runId).toBeNull();
    expect(summary.rowsImported).toBe(5);
    expect(summary.created).toBeGreaterThan(10);
    expect(summary.byTable.entity.created).toBe(4);
    expect(summary.rejectsFile).toBeNull();
    expect(await fingerprint(orm)).toBe(before);
  });

  let rejects: string;
  it('imports the good rows and writes the bad ones to the rejects file with line numbers and reasons', async () => {
    rejects = tmpFile('rejects.jsonl');
    const summary = await importFile(orm, { file: CSV, format: 'csl', rejectsFile: rejects, batchSize: 2 });
    expect(summary.status).toBe('succeeded');
    expect(summary.rowsRead).toBe(8);
    expect(summary.rowsImported).toBe(5);
    expect(summary.rowsRejected).toBe(3);
    const lines = fs.readFileSync(rejects, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.line, l.reason])).toEqual([
      [7, 'start_date "09/10/2019" is not a date in the form YYYY-MM-DD'],
      [8, 'name is empty'],
      [9, 'type "Spaceship" is not Entity, Individual, Vessel or Aircraft'],
    ]);
    expect(lines[0].record.name).toBe('Bad Date Corp');
    const [run] = await sql(orm, `select * from import_run where id = ?`, [summary.runId]);
    expect(run).toMatchObject({ format: 'csl', status: 'succeeded', rows_read: 8, rows_imported: 5, rows_rejected: 3, rejects_file: rejects });
    expect(run.finished_at).not.toBeNull();
    expect(run.created).toBe(summary.created);
  });

  it('maps an Entity List row: entity, aliases, addresses, identifiers, sources, a TARGET in a LISTING per notice', async () => {
    const acme = await entity('Acme Vision Analytics Co. Ltd.');
    expect(acme).toMatchObject({ slug: 'cn-acme-vision-analytics-co-ltd', kind: 'COMPANY', country_code: 'CN', aliases: ['Acme Vision', 'AVA Tech'] });
    expect(acme.addresses.map((a: { full: string; country: string }) => [a.full, a.country])).toEqual([
      ['12 Keji Road, Shenzhen, Guangdong, CN', 'CN'],
      ['Room 5, 88 Harbour Road, Wan Chai, HK', 'HK'],
    ]);
    expect(acme.identifiers).toEqual([{ scheme: 'Unified Social Credit Code', value: '91440300MA5XXXXX01, CN' }]);
    const sources = await sql(orm, `select s.url from entity_source es join source s on s.id = es.source_id where es.entity_id = ? order by 1`, [acme.id]);
    expect(sources.map((s) => s.url)).toEqual(['https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list']);
    const [p] = await sql(
      orm,
      `select p.role, p.name_as_listed, p.license_requirement, p.license_policy, a.kind, a.citation, a.occurred_on::text, l.slug as list, au.slug as authority
         from participation p join government_action a on a.id = p.action_id join sanctions_list l on l.id = a.list_id join authority au on au.id = a.authority_id where p.entity_id = ?`,
      [acme.id],
    );
    expect(p).toEqual({
      role: 'TARGET', name_as_listed: 'Acme Vision Analytics Co. Ltd.', license_requirement: 'For all items subject to the EAR.', license_policy: 'Presumption of denial.',
      kind: 'LISTING', citation: '86 FR 67317', occurred_on: '2021-11-26', list: 'us-entity-list', authority: 'us-bis',
    });
    const actionSources = await sql(orm, `select s.url, s.kind from action_source x join source s on s.id = x.source_id join government_action a on a.id = x.action_id where a.citation = '86 FR 67317' order by 1`);
    expect(actionSources).toContainEqual({ url: 'https://www.federalregister.gov/citation/86-FR-67317', kind: 'FEDERAL_REGISTER' });
  });

  it('reuses the curated action for a notice it already has (one action per list and notice)', async () => {
    const actions = await sql(orm, `select slug from government_action where citation = '84 FR 54002'`);
    expect(actions.map((a) => a.slug)).toEqual(['bis-el-2019-10-xinjiang-28']);
    const [row] = await sql(orm, `select count(*)::int as n from participation p join entity e on e.id = p.entity_id where e.name = 'Hangzhou Hikvision Digital Technology Co. Ltd.' and p.action_id = (select id from government_action where slug = 'bis-el-2019-10-xinjiang-28')`);
    expect(row.n).toBe(1);
  });

  it('deduplicates by normalized name + country: "CHEN Quanguo" (CN) merges into the curated Chen Quanguo', async () => {
    const curated = await sql(orm, `select id, kind, aliases from entity where lower(name) = 'chen quanguo'`);
    expect(curated).toHaveLength(1);
    expect(curated[0].kind).toBe('PERSON');
    expect(curated[0].aliases).toContain('CHEN Quanguo');
    const lists = await sql(orm, `select l.slug, p.note from participation p join government_action a on a.id = p.action_id join sanctions_list l on l.id = a.list_id where p.entity_id = ? and a.list_id is not null and p.note like 'Programs%'`, [curated[0].id]);
    expect(lists).toEqual([{ slug: 'us-sdn-list', note: expect.stringContaining('Programs: GLOMAG. Title: Party Secretary') }]);
  });

  it('maps Vessel to OTHER with its call sign, and creates a list for a CSL source the seeds lack', async () => {
    const vessel = await entity('OCEAN STAR');
    expect(vessel.kind).toBe('OTHER');
    expect(vessel.identifiers).toContainEqual({ scheme: 'Call Sign', value: '9HA1234' });
    expect(vessel.identifiers).toContainEqual({ scheme: 'CSL entity_number', value: 'Specially Designated Nationals (SDN) 36002' });
    const [action] = await sql(orm, `select a.slug, a.verified, a.note from participation p join government_action a on a.id = p.action_id where p.entity_id = ?`, [vessel.id]);
    expect(action.slug).toBe('us-sdn-list-no-notice'); // shared with CHEN Quanguo's row: one action per list and notice
    const dpl = await sql(orm, `select l.slug, l.name, a.slug as authority from sanctions_list l join authority a on a.id = l.authority_id where l.slug like 'csl-%'`);
    expect(dpl).toEqual([{ slug: 'csl-denied-persons-list', name: 'Denied Persons List (DPL)', authority: 'us-bis' }]);
    expect((await entity('Example Trading LLC')).kind).toBe('COMPANY');
  });

  it('records revisions with the actor "import"', async () => {
    const [row] = await sql(orm, `select count(*)::int as n from revision r join entity e on e.id = r.subject_id where r.subject_type = 'Entity' and r.actor = 'import' and r.operation = 'create' and e.name = 'OCEAN STAR'`);
    expect(row.n).toBe(1);
  });

  it('is idempotent: importing the same file again changes nothing', async () => {
    const before = await fingerprint(orm);
    const summary = await importFile(orm, { file: CSV, format: 'csl', rejectsFile: tmpFile('r.jsonl') });
    expect(summary.created).toBe(0);
    expect(summary.updated).toBe(0);
    expect(summary.unchanged).toBeGreaterThan(0);
    // Only the new import_run row differs.
    expect((await fingerprint(orm)).replace(/import_run:.*/, '')).toBe(before.replace(/import_run:.*/, ''));
  });
});

describe('policy-kb import --format csl (JSON)', () => {
  it('reads the {"results": [...]} download; the same rows as the CSV change nothing, new ones are added', async () => {
    const rejects = tmpFile('r.jsonl');
    const summary = await importFile(orm, { file: JSON_FILE, format: 'csl', rejectsFile: rejects });
    expect(summary.rowsRead).toBe(4);
    expect(summary.rowsRejected).toBe(1);
    expect(summary.rejects).toEqual([{ index: 3, reason: 'start_date "2021-02-30" is not a date in the form YYYY-MM-DD' }]);
    expect(summary.byTable.entity).toEqual({ created: 1, updated: 0, unchanged: 2 });
    const meu = await entity('Northern Apex Aviation Institute');
    expect(meu.kind).toBe('OTHER');
    const [list] = await sql(orm, `select l.slug from participation p join government_action a on a.id = p.action_id join sanctions_list l on l.id = a.list_id where p.entity_id = ?`, [meu.id]);
    expect(list.slug).toBe('csl-military-end-user-list');
  });
});

describe('bad input stops before anything is written', () => {
  const header = fs.readFileSync(CSV, 'utf8').split('\n')[0];
  const good = fs.readFileSync(CSV, 'utf8').split('\n')[2];
  const cases: [string, string, string | Buffer, RegExp][] = [
    ['a CSV without required columns', 'missing.csv', 'source,type,addresses\nx,Entity,y\n', /lacks the required column\(s\) name/],
    ['a JSON file that is not an array', 'scalar.json', '"hello"', /expected a JSON array of records or an object with "results", found a string/],
    ['a JSON object without results', 'object.json', '{"meta": {"count": 1}, "items": []}', /found an object without them/],
    ['a truncated JSON file', 'truncated.json', fs.readFileSync(JSON_FILE, 'utf8').slice(0, 1500), /not valid JSON .*truncated/],
    ['a truncated CSV file (open quote)', 'truncated.csv', `${header}\n${good}\nx,"Entity List (EL) - Bureau of Indus`, /quoted field is never closed/],
    ['invalid UTF-8', 'latin1.csv', Buffer.concat([Buffer.from(`${header}\n${good}\n`), Buffer.from('x,Entity List (EL) - Bureau of Industry and Security,,Entity,,M\xfcller GmbH\n', 'latin1')]), /invalid UTF-8 at line 3/],
    ['an empty file', 'empty.json', '', /empty/],
  ];
  for (const [what, name, content, message] of cases) {
    it(what, async () => {
      const before = await fingerprint(orm);
      const file = tmpFile(name, content);
      await expect(importFile(orm, { file, format: 'csl' })).rejects.toThrow(BadInputError);
      await expect(importFile(orm, { file, format: 'csl' })).rejects.toThrow(message);
      expect(await fingerprint(orm)).toBe(before);
    });
  }

  it('a missing file', async () => {
    await expect(importFile(orm, { file: '/nonexistent/x.csv', format: 'csl' })).rejects.toThrow(/cannot read \/nonexistent\/x.csv: no such file/);
  });

  it('a good file with a bad row far in: good batches commit, the bad row is rejected, no batch is half-written', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => good.replace('Acme Vision Analytics Co. Ltd.', `Batch Test ${i} Ltd`).replace('86 FR 67317', '86 FR 99999'));
    rows[17] = rows[17].replace('2021-11-26', '2021-13-01');
    const file = tmpFile('batches.csv', `${header}\n${rows.join('\n')}\n`);
    const summary = await importFile(orm, { file, format: 'csl', batchSize: 4, rejectsFile: tmpFile('r.jsonl') });
    expect(summary.rowsImported).toBe(29);
    expect(summary.rejects).toEqual([{ line: 19, reason: 'start_date "2021-13-01" is not a date in the form YYYY-MM-DD' }]);
    const [n] = await sql(orm, `select count(*)::int as n from entity where name like 'Batch Test %'`);
    expect(n.n).toBe(29);
  });
});
