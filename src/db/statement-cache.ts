import type { Knex } from 'knex';

/*
 * Compiled statements, by shape. knex compiles a query builder to SQL text on every run; for
 * the nested page statements (a window over a join, inside two subqueries) that is 20-50 µs
 * of CPU per request (19 µs alone, 43 µs in the server's profile under load). A statement whose text
 * depends only on a request's arguments, not on its values, is compiled once per shape: the
 * caller names the shape (a key) and the values that change (slots, the parent keys or a slug),
 * and later runs reuse the text with their own values.
 *
 * A slot is found by its placeholder value among the compiled bindings. When one is not there
 * exactly as given (a builder that transforms its input), or the text holds a question mark
 * that is not a placeholder, or a binding is not a plain value, the shape is not cached and
 * every run compiles, as before. Query options set on the builder (`.options()`) are not kept:
 * a statement that needs one (UNPREPARED, say) passes it to `rows`.
 */

const MAX_SHAPES = 500;
const NONE = Symbol('no statement');

interface Shape {
  sql: string;
  /** sql with PostgreSQL's numbered placeholders ($1, $2...), as the driver takes it. */
  numbered: string;
  bindings: unknown[];
  /** positions[i]: the binding indexes that take slot i's value. */
  positions: number[][];
}

type Row = Record<string, unknown>;

/** A raw statement's rows (knex answers a raw statement with the driver's whole result). */
async function rowsOf(raw: Knex.Raw): Promise<Row[]> {
  return ((await raw) as { rows: Row[] }).rows;
}

/** The parts of knex's client a compiled statement runs through (its pool, the driver call that names prepared statements, its events). */
interface PooledClient {
  acquireConnection(): Promise<{ __knexUid?: string }>;
  releaseConnection(connection: unknown): Promise<void>;
  _query(connection: unknown, query: { method: 'raw'; sql: string; bindings: unknown[]; options: Record<string, unknown> }): Promise<{ response: { rows: Row[] } }>;
  positionBindings(sql: string): string;
  emit(event: 'query', query: Record<string, unknown>): boolean;
}

/**
 * Runs a compiled statement on a pooled connection, as knex's runner would but without it: the
 * runner scanned the text for placeholders again and went through several promise layers per
 * run (8% of the server's CPU on a page of 100 entities). The statement still goes through the
 * client's `_query` (named prepared statements, db/prepared-statements.ts) and is announced
 * to the knex instance's 'query' listeners (tests count statements with them).
 */
async function runCompiled(client: PooledClient, sql: string, bindings: unknown[], options: Readonly<Record<string, unknown>> = {}): Promise<Row[]> {
  const query = { method: 'raw' as const, sql, bindings, options: { ...options } };
  const connection = await client.acquireConnection();
  try {
    client.emit('query', { __knexUid: connection.__knexUid, ...query });
    return (await client._query(connection, query)).response.rows;
  } finally {
    await client.releaseConnection(connection);
  }
}

// Mixed case and control characters, so that a builder that cases, trims or parses its input
// changes the placeholder and is seen to transform it.
const SLOT_PREFIX = '\u0000Pkb-Slot-';
const placeholder = (i: number) => `${SLOT_PREFIX}${i}\u0000`;
const isPlain = (value: unknown) => value === null || (typeof value !== 'object' && typeof value !== 'function') || value instanceof Date;

export class StatementCache {
  /** By key: the compiled shape, NONE when `compile` builds no statement, null when it cannot be cached. */
  private readonly shapes = new Map<string, Shape | typeof NONE | null>();

  /**
   * The rows of the statement `compile` builds for `values` (null if it builds none), compiled once for
   * `key`: `compile` receives placeholders in the values' places and must build the same text
   * for any values. An error `compile` throws is thrown on every run, never cached. `options`
   * are the query options the statement runs with.
   */
  rows(
    knex: Knex,
    key: string,
    values: readonly unknown[],
    compile: (slots: readonly unknown[]) => Knex.QueryBuilder | null,
    options?: Readonly<Record<string, unknown>>,
  ): Promise<Row[]> | null {
    let shape = this.shapes.get(key);
    if (shape === undefined) {
      const built = compile(values.map((_, i) => placeholder(i)));
      shape = built ? this.shapeOf(knex, built, values.length) : NONE;
      if (this.shapes.size >= MAX_SHAPES) this.shapes.clear();
      this.shapes.set(key, shape);
    }
    if (shape === NONE) return null;
    if (shape === null) {
      const statement = compile(values) as Knex.QueryBuilder;
      return Promise.resolve((options ? statement.options(options) : statement) as unknown as Promise<Row[]>);
    }
    const bindings = shape.bindings.slice();
    shape.positions.forEach((indexes, slot) => {
      for (const index of indexes) bindings[index] = values[slot];
    });
    // A transaction's statements stay on knex's runner, which keeps them on its connection.
    if (!knex.isTransaction) return runCompiled(knex.client as unknown as PooledClient, shape.numbered, bindings, options);
    const raw = knex.raw(shape.sql, bindings as Knex.RawBinding[]);
    return rowsOf(options ? raw.options(options) : raw);
  }

  private shapeOf(knex: Knex, builder: Knex.QueryBuilder, slots: number): Shape | null {
    const { sql, bindings } = builder.toSQL();
    if ((sql.match(/\?/g) ?? []).length !== bindings.length || !bindings.every(isPlain)) return null;
    const positions: number[][] = Array.from({ length: slots }, () => []);
    bindings.forEach((value, index) => {
      const slot = typeof value === 'string' && value.startsWith(SLOT_PREFIX) ? Number(value.slice(SLOT_PREFIX.length, -1)) : -1;
      if (slot >= 0) positions[slot].push(index);
    });
    if (!positions.every((p) => p.length > 0)) return null;
    return { sql, numbered: (knex.client as unknown as PooledClient).positionBindings(sql), bindings: [...bindings], positions };
  }
}

/** The process's statement shapes (the text depends on the schema only, so every request shares them). */
export const statementCache = new StatementCache();
