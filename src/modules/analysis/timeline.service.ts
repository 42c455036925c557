import type { Knex } from 'knex';
import type { Context } from '../../graphql/context';
import { statementCache } from '../../db/statement-cache';
import type { ActionFilter } from '../../graphql/filter-inputs';
import { ActionKind } from '../action/action-kinds';
import { actionCountRows, rollupAnswers } from '../action/action-count-rollup';
import { applyActionFilter } from '../action/action-query';
import { GovernmentAction } from '../action/government-action.entity';
import { Granularity, KindCount, Timeline, TimelineBucket } from './timeline.types';

/** PostgreSQL's date_trunc unit and the step between buckets, per granularity. */
const UNITS: Record<Granularity, { unit: string; step: string }> = {
  DAY: { unit: 'day', step: '1 day' },
  WEEK: { unit: 'week', step: '1 week' },
  MONTH: { unit: 'month', step: '1 month' },
  QUARTER: { unit: 'quarter', step: '3 months' },
  YEAR: { unit: 'year', step: '1 year' },
};

/** A bucket's start and end dates, a kind and its count (no kind and 0 for an empty bucket). */
type BucketRow = [start: string, end: string, kind: ActionKind | null, n: number];

/** Granularities whose buckets are whole months, so the monthly rollup can fill them. */
const MONTHLY: ReadonlySet<Granularity> = new Set<Granularity>([Granularity.MONTH, Granularity.QUARTER, Granularity.YEAR]);

/**
 * The actions to count as (occurred_on, kind, n) rows: from the monthly rollup (a few
 * thousand rows, each standing for n actions) when the filter and granularity allow, else
 * one row per matching action.
 */
function countedActions(knex: Knex, filter: ActionFilter | null, granularity: Granularity): Knex.QueryBuilder {
  if (granularity === Granularity.YEAR && rollupAnswers(filter, 'year')) {
    return knex.select('r.month as occurred_on', 'r.kind', 'r.n').from(actionCountRows(knex, filter, 'year').as('r'));
  }
  if (MONTHLY.has(granularity) && rollupAnswers(filter)) {
    return knex.select('r.month as occurred_on', 'r.kind', 'r.n').from(actionCountRows(knex, filter).as('r'));
  }
  return applyActionFilter(knex, knex('government_action as a').select('a.kind', 'a.occurred_on', knex.raw('1 as n')), filter);
}

/** Counts per period in SQL: generate_series lays out every bucket, empty ones included. */
export async function buildTimeline(ctx: Context, filter: ActionFilter | null, granularity: Granularity): Promise<Timeline> {
  const { knex } = ctx;
  const { unit, step } = UNITS[granularity];
  // The text and values depend on the granularity and the filter only: compiled once for each
  // (statement-cache.ts). The rows come as one JSON array: a monthly timeline over 20 years is
  // 240+ rows, and parsing that many protocol rows cost more than the rest of the request's work.
  const statement = statementCache.rows(knex, `timeline:${granularity}:${JSON.stringify(filter)}`, [], () => {
    const rows = knex
      .with('f', countedActions(knex, filter, granularity))
      .with(
        'series',
        knex.raw(`select generate_series(date_trunc(?, min(occurred_on)::timestamp), date_trunc(?, max(occurred_on)::timestamp), ?::interval) as start from f`, [unit, unit, step]),
      )
      .with('counts', knex.raw(`select date_trunc(?, occurred_on::timestamp) as start, kind, sum(n)::int as n from f group by 1, 2`, [unit]))
      .select(
        's.start as at',
        knex.raw('s.start::date::text as start'),
        knex.raw('((s.start + ?::interval)::date - 1)::text as "end"', [step]),
        'c.kind',
        knex.raw('coalesce(c.n, 0)::int as n'),
      )
      .from('series as s')
      .leftJoin('counts as c', 'c.start', 's.start');
    return knex
      .select(knex.raw(`coalesce(json_agg(json_build_array(b.start, b."end", b.kind, b.n) order by b.at, b.kind), '[]') as rows`))
      .from(rows.as('b'));
  });
  const [{ rows }] = (await statement) as unknown as { rows: BucketRow[] }[];

  // Rows come one per (bucket, kind), ordered by bucket; an empty bucket has one row with no kind.
  const grouped = new Map<string, { end: string; byKind: KindCount[] }>();
  for (const [start, end, kind, n] of rows) {
    const bucket = grouped.get(start) ?? { end, byKind: [] };
    if (kind) bucket.byKind.push(Object.assign(new KindCount(), { kind, count: n }));
    grouped.set(start, bucket);
  }
  const buckets = [...grouped].map(([start, { end, byKind }]) => {
    const count = byKind.reduce((sum, k) => sum + k.count, 0);
    return new TimelineBucket(start, end, count, byKind, { filter, granularity });
  });
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  return Object.assign(new Timeline(), { granularity, total, buckets });
}

/**
 * TimelineBucket.actions: the first actions of each bucket (by date, then id), for every
 * bucket of the response in one statement.
 */
export function bucketActions(ctx: Context, bucket: TimelineBucket, first: number): Promise<GovernmentAction[]> {
  const { knex } = ctx;
  const { filter, granularity } = bucket.query;
  const { unit } = UNITS[granularity];
  return ctx.loaders
    .listsByParent<GovernmentAction, string>(
      `TimelineBucket.actions:${granularity}:${first}:${JSON.stringify(filter)}`,
      (starts) => {
        const inner = applyActionFilter(
          knex,
          knex('government_action as a').select(
            'a.*',
            knex.raw('date_trunc(?, a.occurred_on::timestamp)::date::text as __parent', [unit]),
            knex.raw('row_number() over (partition by date_trunc(?, a.occurred_on::timestamp) order by a.occurred_on, a.id) as __rn', [unit]),
          ),
          filter,
        ).whereRaw('date_trunc(?, a.occurred_on::timestamp)::date::text = any(?)', [unit, starts]);
        return knex.select('t.*').from(inner.as('t')).where('t.__rn', '<=', first).orderBy(['t.__parent', 't.__rn']);
      },
      (row) => ctx.loaders.map(GovernmentAction, row),
    )
    .load(bucket.start);
}
