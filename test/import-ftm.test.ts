import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../src/modules/bulk/importer';
import { FIXTURES, fingerprint, freshDatabase, sql, tmpFile } from './helpers/bulk';

const FTM = path.join(FIXTURES, 'ftm-sample.jsonl');
let db: Awaited<ReturnType<typeof freshDatabase>>;
let orm: MikroORM;
beforeAll(async () => {
  db = await freshDatabase();
  orm = db.orm;
});
afterAll(async () => {
  await db?.close();
});

const entity = async (name: string) => (await sql(orm, `select * from entity where name = ?`, [name]))[0];

describe('policy-kb import --format ftm', () => {
  let summary: Awaited<ReturnType<typeof importFile>>;
  beforeAll(async () => {
    summary = await importFile(orm, { file: FTM, format: 'ftm', rejectsFile: tmpFile('r.jsonl') });
  });

  it('counts what it read, skipped and rejected (with line numbers)', () => {
    expect(summary.rowsRead).toBe(12);
    expect(summary.rowsSkipped).toBe(1); // the Vessel
    expect(summary.rejects).toEqual([
      { line: 12, reason: 'Company NK-noname has no name' },
      { line: 11, reason: 'Sanction NK-sanction-ghost: its entity NK-missing is neither in the file nor in the database' },
    ]);
    expect(summary.rowsImported).toBe(9);
  });

  it('maps Company, Person, PublicBody, Organization and LegalEntity onto entities', async () => {
    const acme = await entity('Acme Surveillance Systems Ltd');
    expect(acme).toMatchObject({ kind: 'COMPANY', country_code: 'CN', website: 'https://acme.example.cn', aliases: ['ACME SURVEILLANCE', 'Acme SS'] });
    expect(acme.identifiers).toEqual([{ scheme: 'registrationNumber', value: '91650100MA77XXXX1' }, { scheme: 'ftm', value: 'NK-acme' }]);
    expect((await entity('Wang Example')).kind).toBe('PERSON');
    expect((await entity('Example Public Security Bureau')).kind).toBe('GOVERNMENT_AGENCY');
    expect(await entity('Acme Holding Trust')).toMatchObject({ kind: 'OTHER', country_code: 'HK' });
    expect((await entity('Some Legal Entity')).kind).toBe('OTHER');
  });

  it('puts an Address entity onto the entities that point to it', async () => {
    const acme = await entity('Acme Surveillance Systems Ltd');
    expect(acme.addresses).toEqual([expect.objectContaining({ full: '1 Industrial Park Road, Urumqi, Xinjiang, China', country: 'CN' })]);
  });

  it('maps a Sanction (even one before its entity in the file) onto a LISTING with the entity as TARGET', async () => {
    const [row] = await sql(
      orm,
      `select l.slug as list, au.name as authority, a.kind, a.occurred_on::text, p.role, p.grounds from participation p join government_action a on a.id = p.action_id
         join sanctions_list l on l.id = a.list_id join authority au on au.id = a.authority_id join entity e on e.id = p.entity_id where e.name = 'Acme Surveillance Systems Ltd'`,
    );
    expect(row).toEqual({ list: 'ftm-global-magnitsky', authority: 'Office of Foreign Assets Control', kind: 'LISTING', occurred_on: '2020-07-09', role: 'TARGET', grounds: 'Serious human rights abuse' });
  });

  it('maps Ownership to SUBSIDIARY_OF and Directorship to AFFILIATE_OF', async () => {
    const rows = await sql(orm, `select f.name as "from", r.kind, t.name as "to", r.since::text from entity_relation r join entity f on f.id = r.from_id join entity t on t.id = r.to_id where f.name in ('Acme Surveillance Systems Ltd', 'Wang Example') order by 1`);
    expect(rows).toEqual([
      { from: 'Acme Surveillance Systems Ltd', kind: 'SUBSIDIARY_OF', to: 'Acme Holding Trust', since: '2018-01-01' },
      { from: 'Wang Example', kind: 'AFFILIATE_OF', to: 'Acme Surveillance Systems Ltd', since: null },
    ]);
  });

  it('is idempotent', async () => {
    const before = await fingerprint(orm);
    const again = await importFile(orm, { file: FTM, format: 'ftm', rejectsFile: tmpFile('r.jsonl') });
    expect([again.created, again.updated]).toEqual([0, 0]);
    expect((await fingerprint(orm)).replace(/import_run:.*/, '')).toBe(before.replace(/import_run:.*/, ''));
  });
});
