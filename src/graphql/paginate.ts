import type { Knex } from 'knex';
import { UNPREPARED } from '../db/prepared-statements';
import { statementCache } from '../db/statement-cache';
import { Edge, Page, PageInfo } from './connection';
import { encodeCursor, PageRequest, pageWindow, PageWindow } from './page-args';

/** One sort key: an output column of the base query and its direction. */
export interface SortKey {
  column: string;
  direction: 'asc' | 'desc';
  /** What the column holds ("NAME"); part of the cursor signature, so cursors of one order are refused by another. */
  label?: string;
}

export interface PageQuery<Row = Record<string, unknown>> {
  /** Selects the rows to page through, with every sort column among its output columns. */
  base: Knex.QueryBuilder;
  /** The order, ending with a unique column (the id) so cursors are stable. */
  sort: SortKey[];
  /** Turns a row into the node the edge carries. */
  toNode: (row: Row) => unknown;
  /**
   * totalCount from somewhere cheaper than counting `base`: one row of one column `n` (a
   * rollup table's sum). Top-level lists only.
   */
  countQuery?: Knex.QueryBuilder;
  /**
   * Plan the page statement on every run (prepared-statements.ts, UNPREPARED): for lists whose
   * best plan depends on the filter's values, where a prepared statement's generic plan guesses
   * wrong. Top-level lists only.
   */
  planEachRun?: boolean;
  /**
   * totalCount is asked for: the page statement then reads `countQuery` too, so totalCount costs
   * no statement of its own (a page with no rows, which cannot carry it, runs it alone).
   */
  countWithPage?: boolean;
  /**
   * Everything the page statement's text depends on but the page window and countWithPage (the
   * filter's values included, since they are bound into it): a first page's statement is then
   * compiled once per key, not on every request (statement-cache.ts). Top-level lists only.
   */
  statementKey?: string;
}

const PARENT = '__parent';
const ROW_NUMBER = '__rn';
/** The list's total, read with the rows: per parent in a partitioned page, countQuery in a top-level one. */
const PARENT_TOTAL = '__total';

function signature(sort: SortKey[]): string {
  return sort.map((k) => `${k.label ?? k.column}:${k.direction}`).join(',');
}

/**
 * Keyset condition "row comes after (or before) the cursor" for a mixed-direction order:
 * (k1 > v1) or (k1 = v1 and k2 > v2) or ...; `>` turns into `<` for descending keys and when
 * looking backwards. Sort columns must not be null.
 */
function keysetCondition(alias: string, sort: SortKey[], values: unknown[], forward: boolean): [string, unknown[]] {
  const ors: string[] = [];
  const bindings: unknown[] = [];
  sort.forEach((key, i) => {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      ands.push(`${alias}.?? = ?`);
      bindings.push(sort[j].column, values[j]);
    }
    const ascending = key.direction === 'asc';
    ands.push(`${alias}.?? ${ascending === forward ? '>' : '<'} ?`);
    bindings.push(key.column, values[i]);
    ors.push(`(${ands.join(' and ')})`);
  });
  return [`(${ors.join(' or ')})`, bindings];
}

function orderClause(alias: string, sort: SortKey[], reverse: boolean): [string, string[]] {
  const parts = sort.map((k) => {
    const dir = (k.direction === 'asc') !== reverse ? 'asc' : 'desc';
    return `${alias}.?? ${dir}`;
  });
  return [parts.join(', '), sort.map((k) => k.column)];
}

function cursorOf(row: Record<string, unknown>, sort: SortKey[], sig: string): string {
  return encodeCursor(
    sig,
    sort.map((k) => {
      const v = row[k.column];
      return v instanceof Date ? v.toISOString() : v;
    }),
  );
}

function applyWindow(knex: Knex, query: PageQuery<unknown>, window: PageWindow, partitioned: boolean): Knex.QueryBuilder {
  const forward = !window.fromEnd;
  let q = knex.select('t.*').from(query.base.clone().as('t'));
  if (window.after) {
    const [sql, b] = keysetCondition('t', query.sort, window.after, true);
    q = q.whereRaw(sql, b as Knex.RawBinding[]);
  }
  if (window.before) {
    const [sql, b] = keysetCondition('t', query.sort, window.before, false);
    q = q.whereRaw(sql, b as Knex.RawBinding[]);
  }
  const [order, orderBindings] = orderClause('t', query.sort, !forward);
  if (!partitioned) {
    const pageCount = countReadWithPage(query);
    if (pageCount) q = q.select(knex.raw('(?) as ??', [pageCount, PARENT_TOTAL]));
    return q.orderByRaw(order, orderBindings).limit(window.size + 1);
  }
  // One statement for every parent: number each parent's rows and keep the first size + 1.
  let numbered = q.select(knex.raw(`row_number() over (partition by t.?? order by ${order}) as ??`, [PARENT, ...orderBindings, ROW_NUMBER]));
  // Numbering reads every row of each parent anyway, so counting them too is nearly free and
  // saves totalCount its own statement; after a cursor the rows left are not the total.
  if (!window.after && !window.before) numbered = numbered.select(knex.raw('count(*) over (partition by t.??) as ??', [PARENT, PARENT_TOTAL]));
  return knex
    .select('u.*')
    .from(numbered.as('u'))
    .where(`u.${ROW_NUMBER}`, '<=', window.size + 1)
    .orderBy([`u.${PARENT}`, `u.${ROW_NUMBER}`]);
}

class LazyCursorEdge implements Edge<unknown> {
  private encoded?: string;

  constructor(
    private readonly row: Record<string, unknown>,
    private readonly sort: SortKey[],
    private readonly sig: string,
    readonly node: unknown,
  ) {}

  get cursor(): string {
    return (this.encoded ??= cursorOf(this.row, this.sort, this.sig));
  }
}

function buildPage<Row>(rows: Record<string, unknown>[], query: PageQuery<Row>, window: PageWindow, sig: string, count: () => Promise<number>): Page<unknown> {
  const extra = rows.length > window.size;
  const kept = extra ? rows.slice(0, window.size) : rows.slice();
  if (window.fromEnd) kept.reverse();
  // Cursors are encoded only when asked for (most clients read nodes and pageInfo alone).
  const edges: Edge<unknown>[] = kept.map((row) => new LazyCursorEdge(row, query.sort, sig, query.toNode(row as Row)));
  const pageInfo: PageInfo = {
    hasNextPage: window.fromEnd ? window.before !== null : extra,
    hasPreviousPage: window.fromEnd ? extra : window.after !== null,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  return new Page(edges, pageInfo, count);
}

/** One page of one list: a single statement for the rows, another for totalCount if asked. */
export async function paginate<Row>(knex: Knex, query: PageQuery<Row>, args: PageRequest): Promise<Page<unknown>> {
  const sig = signature(query.sort);
  const window = pageWindow(args, sig, query.sort.length);
  const { countQuery } = query;
  const count = countQuery ? () => countOf(countQuery) : () => countRows(knex, query.base);
  if (window.size === 0) return new Page([], emptyInfo(), count);
  const options = query.planEachRun ? { [UNPREPARED]: true } : undefined;
  const compile = () => applyWindow(knex, query as PageQuery<unknown>, window, false);
  const withCount = countReadWithPage(query) !== undefined;
  // A cursor's values are part of the text's key, and every page after the first has its own: those compile each time.
  const cached = query.statementKey && !window.after && !window.before;
  const rows = cached
    ? await (statementCache.rows(knex, `${query.statementKey}:${window.size}:${window.fromEnd}:${withCount}`, [], compile, options) as Promise<Record<string, unknown>[]>)
    : ((await (options ? compile().options(options) : compile())) as Record<string, unknown>[]);
  let counted: Promise<number> | undefined;
  const inline = withCount && rows.length > 0 ? Number(rows[0][PARENT_TOTAL]) : undefined;
  return buildPage(rows, query, window, sig, () => (counted ??= inline !== undefined ? Promise.resolve(inline) : count()));
}

/** The count statement the page statement reads as a column, if any. */
const countReadWithPage = <Row>(query: PageQuery<Row>): Knex.QueryBuilder | undefined => (query.countWithPage ? query.countQuery : undefined);

/** The `n` of a one-row count statement (a sum over no rows is null: 0). */
async function countOf(statement: Knex.QueryBuilder): Promise<number> {
  const [row] = (await statement) as { n: string | number | null }[];
  return Number(row?.n ?? 0);
}

/**
 * The statement that reads the same page of many parents' lists (see paginateMany), for a
 * caller that runs it inside a larger statement; null when the page is empty (first: 0).
 * Its rows go to pagesFromRows.
 */
export function pageManyStatement<Row>(knex: Knex, query: PageQuery<Row>, args: PageRequest): Knex.QueryBuilder | null {
  const window = pageWindow(args, signature(query.sort), query.sort.length);
  return window.size === 0 ? null : applyWindow(knex, query as PageQuery<unknown>, window, true);
}

/**
 * The same page of many parents' lists (the `participations` of 50 entities, say) in one
 * statement, so a nested connection costs the same whatever the parent page size. The base
 * query must select the parent key as `__parent`.
 */
export async function paginateMany<Row>(
  knex: Knex,
  query: PageQuery<Row>,
  args: PageRequest,
  parents: readonly (string | number)[],
): Promise<Page<unknown>[]> {
  const statement = pageManyStatement(knex, query, args);
  const rows = statement ? ((await statement) as Record<string, unknown>[]) : null;
  return pagesFromRows(knex, query, args, parents, rows);
}

/**
 * The parents' pages out of pageManyStatement's rows (null when it had no statement). Rows may
 * come as JSON objects (json_agg) instead of through the driver: `__total` is a number then,
 * not text, and the sort columns read the same either way.
 */
export function pagesFromRows<Row>(
  knex: Knex,
  query: PageQuery<Row>,
  args: PageRequest,
  parents: readonly (string | number)[],
  rows: Record<string, unknown>[] | null,
): Page<unknown>[] {
  const sig = signature(query.sort);
  const window = pageWindow(args, sig, query.sort.length);
  let counts: Promise<Map<string, number>> | undefined;
  const countFor = (parent: string | number) => async () => {
    counts ??= countRowsPerParent(knex, query.base);
    return (await counts).get(String(parent)) ?? 0;
  };
  if (rows === null) return parents.map((p) => new Page([], emptyInfo(), countFor(p)));
  if (rows.length > 0 && rows[0][PARENT_TOTAL] !== undefined) {
    // The totals came with the rows; a parent without rows has none.
    const totals = new Map(rows.map((r) => [String(r[PARENT]), Number(r[PARENT_TOTAL])]));
    counts = Promise.resolve(totals);
  } else if (rows.length === 0 && !window.after && !window.before) {
    counts = Promise.resolve(new Map());
  }
  const byParent = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = String(row[PARENT]);
    const list = byParent.get(key) ?? [];
    list.push(row);
    byParent.set(key, list);
  }
  return parents.map((p) => buildPage(byParent.get(String(p)) ?? [], query, window, sig, countFor(p)));
}

function emptyInfo(): PageInfo {
  return { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };
}

function countRows(knex: Knex, base: Knex.QueryBuilder): Promise<number> {
  return countOf(knex.count({ n: '*' }).from(base.clone().as('t')));
}

async function countRowsPerParent(knex: Knex, base: Knex.QueryBuilder): Promise<Map<string, number>> {
  const rows = (await knex
    .select(`t.${PARENT}`)
    .count({ n: '*' })
    .from(base.clone().as('t'))
    .groupBy(`t.${PARENT}`)) as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r[PARENT]), Number(r.n)]));
}

export { PARENT as PARENT_COLUMN, ROW_NUMBER as ROW_NUMBER_COLUMN };
