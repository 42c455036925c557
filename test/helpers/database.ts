import { adminQuery, uniqueDatabaseName, withDatabase } from '../../src/db/admin';

export { adminQuery, uniqueDatabaseName, withDatabase };

/** A fresh database cloned from the seeded template; drop it with the returned function. */
export async function cloneTemplate(adminUrl: string, template: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = uniqueDatabaseName('policy_kb_test');
  await adminQuery(adminUrl, `create database "${name}" template "${template}"`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}
