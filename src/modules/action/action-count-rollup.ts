import type { Knex } from 'knex';
import type { ActionFilter } from '../../graphql/filter-inputs';
import { checkRange } from '../../graphql/filter-checks';
import { applyOwnerFilter } from './action-query';

/*
 * The action_count rollup (migration 20261129021259): live actions counted per month, kind,
 * authority and list, kept exact by triggers. A count over actions can read it instead of the
 * actions when the filter only narrows those columns (and, for dates, whole months).
 */

/** ActionFilter fields the rollup can answer; anything else set means counting the actions themselves. */
const ROLLUP_FIELDS = new Set<keyof ActionFilter>(['kind', 'authority', 'list', 'issuingCountry', 'occurredBetween', 'includeDeleted']);

const isFirstOfMonth = (date: string) => date.endsWith('-01');
const isLastOfMonth = (date: string) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};

/** The rollups' periods: action_count by month, action_year_count by year (migration 20261129040200). */
export type RollupPeriod = 'month' | 'year';

const ROLLUP_TABLES: Record<RollupPeriod, string> = { month: 'action_count', year: 'action_year_count' };

/**
 * Whether counts of the actions matching `filter`, by `period` or coarser, can come from that
 * period's rollup: no deleted actions asked for, no filter on participants, text, tags or ids,
 * and a date range (if any) made of whole periods.
 */
export function rollupAnswers(filter: ActionFilter | null | undefined, period: RollupPeriod = 'month'): boolean {
  const f = filter ?? {};
  for (const [field, value] of Object.entries(f) as [keyof ActionFilter, unknown][]) {
    if (value === null || value === undefined) continue;
    if (!ROLLUP_FIELDS.has(field)) return false;
  }
  if (f.includeDeleted) return false;
  const range = f.occurredBetween;
  if (range?.from && !(isFirstOfMonth(range.from) && (period === 'month' || range.from.endsWith('-01-01')))) return false;
  if (range?.to && !(isLastOfMonth(range.to) && (period === 'month' || range.to.endsWith('-12-31')))) return false;
  return true;
}

/**
 * `select month, kind, authority_id, n` from a period's rollup, narrowed by a filter that
 * rollupAnswers accepted for that period. Each row stands for `n` actions of that period
 * (`month` is its first day, for the yearly rollup too).
 */
export function actionCountRows(knex: Knex, filter: ActionFilter | null | undefined, period: RollupPeriod = 'month'): Knex.QueryBuilder {
  const f = filter ?? {};
  checkRange('occurredBetween', f.occurredBetween);
  const q = knex(`${ROLLUP_TABLES[period]} as ac`).select(`ac.${period} as month`, 'ac.kind', 'ac.authority_id', 'ac.n');
  applyOwnerFilter(knex, q, 'ac', f);
  if (f.occurredBetween?.from) q.where(`ac.${period}`, '>=', f.occurredBetween.from);
  if (f.occurredBetween?.to) q.where(`ac.${period}`, '<=', f.occurredBetween.to);
  return q;
}

/** `select sum(n) as n`: how many actions match a filter that rollupAnswers accepted (null for none). */
export function actionRollupCount(knex: Knex, filter: ActionFilter | null | undefined): Knex.QueryBuilder {
  const period: RollupPeriod = rollupAnswers(filter, 'year') ? 'year' : 'month';
  return knex.sum({ n: 'r.n' }).from(actionCountRows(knex, filter, period).as('r'));
}
