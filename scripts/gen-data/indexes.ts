import { Client } from 'pg';

/*
 * Bulk loading is fastest into tables without secondary indexes: drop them first (their exact
 * definitions read from the catalog, so an index added by a later migration is handled too),
 * load, then build each one once over the full table. Primary keys stay (foreign keys need them).
 */

export interface SavedIndex {
  table: string;
  name: string;
  /** "constraint": a UNIQUE/EXCLUDE constraint, re-added with ALTER TABLE; "index": CREATE INDEX. */
  kind: 'index' | 'constraint';
  /** The statement that recreates it. */
  create: string;
  /** GIN/GiST indexes build slowest: started first. */
  heavy: boolean;
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Drops the secondary indexes and unique constraints of `tables`; returns how to recreate them. */
export async function dropSecondaryIndexes(client: Client, tables: readonly string[]): Promise<SavedIndex[]> {
  const { rows } = await client.query<{ table: string; name: string; indexdef: string; contype: string | null; condef: string | null; referenced: boolean }>(
    `select i.tablename as table, i.indexname as name, i.indexdef, c.contype, pg_get_constraintdef(c.oid) as condef,
            exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = ic.oid) as referenced
       from pg_indexes i
       join pg_class ic on ic.relname = i.indexname and ic.relnamespace = 'public'::regnamespace
       left join pg_constraint c on c.conindid = ic.oid and c.contype in ('p', 'u', 'x') and c.conrelid = (quote_ident(i.tablename))::regclass
      where i.schemaname = 'public' and i.tablename = any($1)
      order by i.tablename, i.indexname`,
    [tables],
  );
  const saved: SavedIndex[] = [];
  for (const row of rows) {
    if (row.contype === 'p' || row.referenced) continue; // primary keys, and indexes a foreign key relies on, stay
    const heavy = /using (gin|gist)/i.test(row.indexdef);
    if (row.contype) {
      saved.push({ table: row.table, name: row.name, kind: 'constraint', create: `alter table ${quote(row.table)} add constraint ${quote(row.name)} ${row.condef}`, heavy });
      await client.query(`alter table ${quote(row.table)} drop constraint ${quote(row.name)}`);
    } else {
      saved.push({ table: row.table, name: row.name, kind: 'index', create: row.indexdef, heavy });
      await client.query(`drop index ${quote(row.name)}`);
    }
  }
  return saved;
}

/**
 * Recreates the saved indexes, `parallel` at a time on separate connections (GIN first, then
 * the biggest tables), each session with a generous maintenance_work_mem.
 */
export async function recreateIndexes(
  databaseUrl: string,
  saved: readonly SavedIndex[],
  options: { parallel?: number; maintenanceWorkMem?: string; log?: (message: string) => void } = {},
): Promise<void> {
  if (!saved.length) return;
  const parallel = Math.max(1, Math.min(options.parallel ?? 2, saved.length));
  const sizeClient = new Client({ connectionString: databaseUrl });
  await sizeClient.connect();
  let sizes: Map<string, number>;
  try {
    const tables = [...new Set(saved.map((s) => s.table))];
    const { rows } = await sizeClient.query<{ table: string; bytes: string }>(`select t as table, pg_table_size(quote_ident(t)) as bytes from unnest($1::text[]) t`, [tables]);
    sizes = new Map(rows.map((r) => [r.table, Number(r.bytes)]));
  } finally {
    await sizeClient.end();
  }
  const queue = [...saved].sort((a, b) => Number(b.heavy) - Number(a.heavy) || (sizes.get(b.table) ?? 0) - (sizes.get(a.table) ?? 0) || a.name.localeCompare(b.name));
  const worker = async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`set maintenance_work_mem = '${options.maintenanceWorkMem ?? '1GB'}'`);
      for (let next = queue.shift(); next; next = queue.shift()) {
        const started = Date.now();
        try {
          await client.query(next.create);
        } catch (error) {
          throw new Error(`recreating ${next.kind} ${next.name} on ${next.table} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        options.log?.(`  ${next.kind} ${next.name} (${next.table}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    } finally {
      await client.end();
    }
  };
  const results = await Promise.allSettled(Array.from({ length: parallel }, worker));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
