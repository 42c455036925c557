import type { Knex } from 'knex';
import type { EntityFilter } from '../../graphql/filter-inputs';

/*
 * The entity_count rollup (migration 20261129021259): live entities counted per country
 * ('' for none) and kind, kept exact by triggers. Counting a country/kind list reads a few
 * rows of it instead of every matching entity.
 */

/** Whether the filter narrows only by kind and country, so the rollup can count it. */
export function entityRollupAnswers(filter: EntityFilter | null | undefined): boolean {
  for (const [field, value] of Object.entries(filter ?? {}) as [keyof EntityFilter, unknown][]) {
    if (value === null || value === undefined || value === false) continue;
    if (field !== 'kind' && field !== 'country') return false;
  }
  return true;
}

/** `select ec.country_code, ec.kind, ec.n from entity_count ec` narrowed by a filter that entityRollupAnswers accepted. */
export function entityCountRows(knex: Knex, filter: EntityFilter | null | undefined): Knex.QueryBuilder {
  const q = knex('entity_count as ec').select('ec.country_code', 'ec.kind', 'ec.n');
  if (filter?.kind) q.whereIn('ec.kind', filter.kind);
  if (filter?.country) q.whereIn('ec.country_code', filter.country);
  return q;
}

/** `select sum(n) as n`: how many entities match a filter that entityRollupAnswers accepted (null for none). */
export function entityRollupCount(knex: Knex, filter: EntityFilter | null | undefined): Knex.QueryBuilder {
  return knex.sum({ n: 'r.n' }).from(entityCountRows(knex, filter).as('r'));
}
