import { Client } from 'pg';
import { redactUrl } from '../../src/db/orm';

/*
 * The target database: created when missing (from the server's "postgres" database), marked
 * with a comment so that --fresh only ever drops a database this generator created (or one
 * with no tables at all), never someone's working database.
 */

export const MARKER = 'policy-kb synthetic data (npm run gen:data)';

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`The database URL ${redactUrl(url)} names no database`);
  return name;
}

function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Makes sure the database exists (dropping it first with `fresh`); returns whether it was created. */
export async function prepareDatabase(url: string, fresh: boolean): Promise<boolean> {
  const name = databaseName(url);
  if (name === 'postgres' || name.startsWith('template')) throw new Error(`Refusing to generate data into the "${name}" database; name another one in the URL`);
  return withClient(adminUrl(url), async (admin) => {
    const found = await admin.query<{ comment: string | null }>(`select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`, [name]);
    if (found.rowCount && fresh) {
      const marked = found.rows[0].comment === MARKER;
      if (!marked && (await tableCount(url)) > 0) {
        throw new Error(`--fresh would drop the database "${name}", which gen:data did not create and which has tables; drop it yourself or choose another --database-url`);
      }
      await admin.query(`drop database ${quote(name)} with (force)`);
    }
    if (found.rowCount && !fresh) return false;
    await admin.query(`create database ${quote(name)}`);
    await admin.query(`comment on database ${quote(name)} is '${MARKER}'`);
    return true;
  });
}

async function tableCount(url: string): Promise<number> {
  return withClient(url, async (client) => Number((await client.query<{ n: string }>(`select count(*) as n from pg_tables where schemaname = 'public'`)).rows[0].n));
}
