import { randomBytes } from 'node:crypto';
import { Client } from 'pg';


/** The same server as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A unique database name, so runs and files sharing one PostgreSQL server never collide. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** A fresh database cloned from the seeded template; drop it with the returned function. */
export async function cloneTemplate(adminUrl: string, template: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = uniqueDatabaseName('policy_kb_test');
  await adminQuery(adminUrl, `create database "${name}" template "${template}"`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}
