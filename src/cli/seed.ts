import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { connectOrm, migrateUp, redactUrl } from '../db/orm';
import { seedDatabase, SeedReport } from '../seeds/seeder';

/*
 * `npm run seed`: migrates the database named by DATABASE_URL and loads the curated seeds.
 * Safe to repeat: a second run reports 0 created / 0 updated.
 */

function summary(report: SeedReport): string {
  return `Seeded: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.`;
}

async function seed(databaseUrl: string): Promise<string> {
  let orm: MikroORM | undefined;
  try {
    orm = await connectOrm(databaseUrl);
    await migrateUp(orm);
    const report = await seedDatabase(orm.em.fork(), { actor: 'seed' });
    return summary(report);
  } finally {
    await orm?.close(true);
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set: name the database to seed, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/policy_kb');
    process.exitCode = 2;
    return;
  }
  try {
    console.log(await seed(databaseUrl));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Seeding ${redactUrl(databaseUrl)} failed: ${message}`);
    process.exitCode = 1;
  }
}

void main();
