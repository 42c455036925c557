import DataLoader from 'dataloader';
import { ReferenceKind, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from 'knex';
import { REFERENCE_TABLES, referenceRows, referenceRowsNow } from './reference-data';
import { RowMapper } from './row-mapper';

type Row = Record<string, unknown>;

/** joinedColumns' select lists, by class, alias and prefix (column names are identifiers, never input). */
const joinedColumnLists = new Map<string, string>();
/** joinedColumns' [column, prefixed column] pairs, by class and prefix. */
const joinedColumnNames = new Map<string, [string, string][]>();

/**
 * Per-request batching: every field resolver asks a loader, and each loader runs one
 * statement per batch of parents, so a page of 100 entities costs what a page of 1 does.
 * Loaders are created lazily and live as long as the request's context.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    readonly em: EntityManager,
    readonly knex: Knex,
  ) {
    this.rows = new RowMapper(em.getMetadata(), em.getPlatform());
  }

  /** The loader registered under `key`, created on first use. */
  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { cacheKeyFn: (k) => (typeof k === 'object' ? JSON.stringify(k) : k) as unknown as K });
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  private readonly rows: RowMapper;

  /** Maps database rows (snake_case columns) onto read-only records (see RowMapper); helper columns are ignored. */
  map<T extends object>(cls: EntityClass<T>, row: Row, prefix?: string): T {
    return this.rows.map(cls, row, prefix);
  }

  /**
   * The columns of `cls`'s table as `alias.column as <prefix>column`, to read a joined record
   * in the same statement as the rows that point at it (see primeJoined).
   */
  joinedColumns<T extends object>(cls: EntityClass<T>, alias: string, prefix: string): Knex.Raw {
    // One raw select list, built once per class: knex would otherwise quote every column anew per request.
    const cacheKey = `${cls.name}:${alias}:${prefix}`;
    let sql = joinedColumnLists.get(cacheKey);
    if (sql === undefined) {
      sql = this.joinedColumnNames(cls, prefix)
        .map(([column, prefixed]) => `"${alias}"."${column}" as "${prefixed}"`)
        .join(', ');
      joinedColumnLists.set(cacheKey, sql);
    }
    return this.knex.raw(sql);
  }

  /** Every column of `cls`'s table (those a record is read from), built once per class. */
  columnsOf<T extends object>(cls: EntityClass<T>): string[] {
    return this.joinedColumnNames(cls, '').map(([column]) => column);
  }

  /** [column, prefixed column] of every column of `cls`'s table, built once per class and prefix. */
  private joinedColumnNames<T extends object>(cls: EntityClass<T>, prefix: string): [string, string][] {
    const cacheKey = `${cls.name}:${prefix}`;
    let names = joinedColumnNames.get(cacheKey);
    if (names === undefined) {
      const meta = this.em.getMetadata().get(cls.name);
      names = meta.props
        .filter((p) => p.persist !== false && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || p.kind === ReferenceKind.EMBEDDED))
        .flatMap((p) => p.fieldNames ?? [])
        .map((column): [string, string] => [column, `${prefix}${column}`]);
      joinedColumnNames.set(cacheKey, names);
    }
    return names;
  }

  /**
   * The record read with joinedColumns out of `row`, handed to its byKey loader, so the field
   * resolver that asks for it next finds it there instead of running another statement.
   */
  primeJoined<T extends object>(cls: EntityClass<T>, table: string, row: Row, prefix: string): void {
    const id = row[`${prefix}id`];
    if (id == null) return;
    this.byKey<T, number>(cls, table).prime(id as number, this.map(cls, row, prefix));
  }

  /**
   * Records read from in-memory reference rows in this request: per snapshot of a table's rows
   * (a write through this process makes a new one, so a mutation's payload sees its change),
   * one record per key, as a loader would give.
   */
  private readonly referenceRecords = new WeakMap<Map<string, Row>, Map<string, unknown>>();

  /**
   * The record of a reference table by key (missing keys give null): at once when the table's
   * rows are in memory (referenceRowsNow), else through its byKey loader.
   */
  reference<T extends object, K extends string | number>(cls: EntityClass<T>, table: string, key: K, keyColumn = 'id'): T | null | Promise<T | null> {
    const rows = referenceRowsNow(this.knex, table, keyColumn);
    if (!rows) return this.byKey<T, K>(cls, table, keyColumn).load(key);
    let records = this.referenceRecords.get(rows);
    if (!records) this.referenceRecords.set(rows, (records = new Map()));
    const rowKey = String(key);
    let record = records.get(rowKey) as T | null | undefined;
    if (record === undefined) {
      const row = rows.get(rowKey);
      record = row ? this.map(cls, row) : null;
      records.set(rowKey, record);
    }
    return record;
  }

  /** Loads records of `cls` by primary key; missing keys give null. */
  byKey<T extends object, K extends string | number>(cls: EntityClass<T>, table: string, keyColumn = 'id'): DataLoader<K, T | null> {
    return this.get<K, T | null>(`byKey:${table}`, async (keys) => {
      if (REFERENCE_TABLES.has(table)) {
        const all = await referenceRows(this.knex, table, keyColumn);
        return keys.map((k) => {
          const row = all.get(String(k));
          return row ? this.map(cls, row) : null;
        });
      }
      const rows = (await this.knex(table).whereIn(keyColumn, keys as K[])) as Row[];
      const found = new Map(rows.map((r) => [String(r[keyColumn]), this.map(cls, r)]));
      return keys.map((k) => found.get(String(k)) ?? null);
    });
  }

  /**
   * Lists of records per parent, from a query that selects `__parent` with the rows; the
   * query gets the parents' keys and returns rows in the order each list should have.
   */
  listsByParent<T, K extends string | number>(
    key: string,
    query: (parents: K[]) => Knex.QueryBuilder,
    toItem: (row: Row) => T,
  ): DataLoader<K, T[]> {
    return this.get<K, T[]>(key, async (parents) => {
      const rows = (await query([...parents])) as Row[];
      const grouped = new Map<string, T[]>();
      for (const row of rows) {
        const k = String(row.__parent);
        const list = grouped.get(k) ?? [];
        list.push(toItem(row));
        grouped.set(k, list);
      }
      return parents.map((p) => grouped.get(String(p)) ?? []);
    });
  }
}
