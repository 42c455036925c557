import type { Knex } from 'knex';

type Row = Record<string, unknown>;

/**
 * Small tables that nearly every answer points into (a country per entity, an authority per
 * action) and that change rarely: each database connection pool keeps all their rows for a
 * few seconds instead of querying them in every request. A write through this process drops
 * them at once; a write elsewhere (another instance, the CLI, SQL) shows within REFRESH_MS.
 */
export const REFERENCE_TABLES: ReadonlySet<string> = new Set(['country', 'authority', 'sanctions_list', 'technology_category']);

const REFRESH_MS = 10_000;

/** Bumped by every committed write in this process. */
let writes = 0;

export function referenceDataChanged(): void {
  writes++;
}

interface Snapshot {
  rows: Promise<Map<string, Row>>;
  /** The rows once they have arrived. */
  ready?: Map<string, Row>;
  loadedAt: number;
  writes: number;
}

/** Per knex instance (one per database and pool), so two apps in one process never share rows. */
const snapshots = new WeakMap<Knex, Map<string, Snapshot>>();

function freshSnapshot(knex: Knex, table: string, keyColumn: string): Snapshot | undefined {
  const known = snapshots.get(knex)?.get(`${table}.${keyColumn}`);
  return known && known.writes === writes && Date.now() - known.loadedAt < REFRESH_MS ? known : undefined;
}

/**
 * The rows of referenceRows when they are in memory and fresh, else null (the caller then waits
 * for referenceRows): a field that points into a reference table, read for each of a page's
 * hundred rows, answers at once instead of through a promise and a loader batch per row.
 */
export function referenceRowsNow(knex: Knex, table: string, keyColumn: string): Map<string, Row> | null {
  return freshSnapshot(knex, table, keyColumn)?.ready ?? null;
}

/** Every row of a reference table by `keyColumn` (as a string), at most REFRESH_MS old. */
export function referenceRows(knex: Knex, table: string, keyColumn: string): Promise<Map<string, Row>> {
  const known = freshSnapshot(knex, table, keyColumn);
  if (known) return known.rows;
  let tables = snapshots.get(knex);
  if (!tables) snapshots.set(knex, (tables = new Map()));
  const cacheKey = `${table}.${keyColumn}`;
  const rows = knex(table).then((list: Row[]) => (snapshot.ready = new Map(list.map((row) => [String(row[keyColumn]), row]))));
  const snapshot: Snapshot = { rows, loadedAt: Date.now(), writes };
  tables.set(cacheKey, snapshot);
  // A failed read is not kept: the next request tries again.
  rows.catch(() => tables.get(cacheKey) === snapshot && tables.delete(cacheKey));
  return rows;
}
