import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/*
 * Prepared (named) statements for the read path.
 *
 * knex sends every statement unnamed, so PostgreSQL parses, analyses and plans it on every
 * request. For policy-kb's reads that costs more than running them: the entity page's
 * participation statement takes ~0.36 ms of PostgreSQL CPU unnamed and ~0.09 ms named
 * (2,000 runs each on the 1M-entity database, same connection). A named statement is parsed
 * once per pooled connection, and after five runs PostgreSQL may keep a generic plan.
 *
 * Which statements get a name: reads (select / with) that have been seen at least twice, so a
 * one-off query does not take a slot, up to MAX_NAMED texts per process, so a stream of
 * different texts (IN lists of every length, say) cannot make each connection hold thousands
 * of statements. The name is a hash of the text: the same text always has the same name, on
 * every connection (node-postgres prepares it on a connection the first time it meets it there).
 *
 * A prepared statement outlives a schema change on its connection: after a migration that
 * alters a table a statement reads, PostgreSQL refuses to run the old plan ("cached plan must
 * not change result type", SQLSTATE 0A000). Such a statement is retried unnamed, once.
 * Transaction-pooling proxies (PgBouncer in transaction mode) do not keep prepared statements:
 * behind one, set PREPARED_STATEMENTS=false.
 */

const MAX_NAMED = 500;
/** Texts counted towards their second sighting; the counts start over past this many. */
const MAX_COUNTED = 5_000;
const READ = /^\s*(select|with)\b/i;
/** SQLSTATEs after which the unnamed form is tried: result type changed (0A000), statement gone (26000). */
const RETRY_UNNAMED = new Set(['0A000', '26000']);

/**
 * A query option (`.options({ [UNPREPARED]: true })`) that keeps a statement unnamed: for
 * statements whose best plan depends on their array parameters' contents, where PostgreSQL's
 * generic plan of a prepared statement is far worse than planning each run (graph-sql's edges:
 * 22 ms generic, 1.4 ms planning + 2.8 ms custom at 1M).
 */
export const UNPREPARED = 'policyKbUnprepared';

interface QueryObject {
  sql?: string;
  method?: string;
  options?: Record<string, unknown>;
}

type RunQuery = (connection: unknown, obj: QueryObject) => Promise<unknown>;

/** Makes `knex` send repeated reads as named statements (see above). Idempotent. */
export function usePreparedStatements(knex: Knex): void {
  const client = knex.client as unknown as { _query: RunQuery; __preparedStatements?: true };
  if (client.__preparedStatements) return;
  client.__preparedStatements = true;
  const unnamed = client._query.bind(client);
  const names = new Map<string, string>();
  const seen = new Map<string, number>();

  const nameFor = (sql: string): string | undefined => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= MAX_NAMED) return known;
    const count = (seen.get(sql) ?? 0) + 1;
    if (count < 2) {
      if (seen.size >= MAX_COUNTED) seen.clear();
      seen.set(sql, count);
      return undefined;
    }
    seen.delete(sql);
    const name = `pkb_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
    return name;
  };

  client._query = async (connection, obj) => {
    const sql = obj.sql;
    const name = sql && !obj.options?.name && !obj.options?.[UNPREPARED] && READ.test(sql) && !sql.includes(';') ? nameFor(sql) : undefined;
    if (!name) return unnamed(connection, obj);
    try {
      return await unnamed(connection, { ...obj, options: { ...obj.options, name } });
    } catch (error) {
      if (!RETRY_UNNAMED.has(String((error as { code?: unknown }).code))) throw error;
      return unnamed(connection, obj);
    }
  };
}
