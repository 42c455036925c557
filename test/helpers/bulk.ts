import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { inject } from 'vitest';
import { connectOrm } from '../../src/db/orm';
import { cloneTemplate } from './database';

export const FIXTURES = path.resolve(__dirname, '../fixtures');

/** A fresh copy of the seeded template database with an ORM on it. */
export async function freshDatabase(): Promise<{ orm: MikroORM; url: string; close(): Promise<void> }> {
  const db = await cloneTemplate(inject('adminUrl'), inject('templateDatabase'));
  const orm = await connectOrm(db.url);
  return {
    orm,
    url: db.url,
    async close() {
      await orm.close(true);
      await db.drop();
    },
  };
}

export function sql<T = Record<string, any>>(orm: MikroORM, query: string, params: unknown[] = []): Promise<T[]> {
  return orm.em.fork().getConnection().execute<T[]>(query, params);
}

/** Every row's key, version and updated_at plus row counts: equal fingerprints mean nothing changed. */
export async function fingerprint(orm: MikroORM): Promise<string> {
  const parts: string[] = [];
  for (const table of ['entity', 'government_action', 'participation', 'source', 'authority', 'sanctions_list']) {
    parts.push(`${table}:${JSON.stringify(await sql(orm, `select id, version, updated_at from "${table}" order by id`))}`);
  }
  for (const table of ['entity_source', 'action_source', 'entity_relation', 'revision', 'import_run']) {
    parts.push(`${table}:${JSON.stringify(await sql(orm, `select count(*)::int as n from "${table}"`))}`);
  }
  return parts.join('\n');
}

export function tmpFile(name: string, content?: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-kb-bulk-'));
  const file = path.join(dir, name);
  if (content !== undefined) fs.writeFileSync(file, content);
  return file;
}
