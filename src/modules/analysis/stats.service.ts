import { inForceOn } from '../../db/sql';
import { statementCache } from '../../db/statement-cache';
import type { Knex } from 'knex';
import type { Context } from '../../graphql/context';
import type { ActionFilter, EntityFilter } from '../../graphql/filter-inputs';
import { actionCountRows, rollupAnswers } from '../action/action-count-rollup';
import { applyActionFilter } from '../action/action-query';
import { applyEntityFilter } from '../entity/entity-query';
import { entityCountRows, entityRollupAnswers } from '../entity/entity-count-rollup';
import { Facet } from './stats.types';

/** "LISTING_AMENDMENT" -> "Listing amendment". */
export function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface FacetRow {
  key: string;
  label: string | null;
  n: number;
}

async function facets(query: Knex.QueryBuilder, label: (row: FacetRow) => string = (r) => r.label ?? r.key): Promise<Facet[]> {
  const rows = (await query) as FacetRow[];
  return rows.map((r) => Object.assign(new Facet(), { key: String(r.key), label: label(r), count: Number(r.n) }));
}

/** The action facets that one grouped statement can count together: each is a column of the action or its authority. */
export const GROUPED_ACTION_FACETS = ['total', 'byKind', 'byAuthority', 'byIssuingCountry', 'byYear'] as const;
export type GroupedActionFacet = (typeof GROUPED_ACTION_FACETS)[number];

export interface GroupedActionCounts {
  total: number;
  facets: Map<GroupedActionFacet, Facet[]>;
}

/** Each facet's grouping expressions (the first tells its rows apart with grouping()), key and label. */
const GROUPING: Record<Exclude<GroupedActionFacet, 'total'>, { by: string[]; key: string; label: string }> = {
  byKind: { by: ['fa.kind'], key: 'fa.kind', label: 'null' },
  byAuthority: { by: ['au.slug', 'au.name'], key: 'au.slug', label: 'au.name' },
  byIssuingCountry: { by: ['c.code', 'c.name'], key: 'c.code', label: 'c.name' },
  byYear: { by: ['extract(year from fa.occurred_on)'], key: 'extract(year from fa.occurred_on)::int::text', label: 'null' },
};

/** Grouped counts over the actions matching a filter. */
export class ActionStatsService {
  constructor(
    private readonly ctx: Context,
    private readonly filter: ActionFilter | null,
  ) {}

  private get knex(): Knex {
    return this.ctx.knex;
  }

  /** The filtered actions, as a CTE named `fa`, ready for a grouped count. */
  private from(): Knex.QueryBuilder {
    return this.knex.with('fa', applyActionFilter(this.knex, this.knex('government_action as a').select('a.*'), this.filter)).from('fa');
  }

  /**
   * The filtered actions as (kind, authority_id, occurred_on, n) rows: from the yearly or the
   * monthly rollup when the filter allows (every grouped facet is a column of them), else one
   * row per action.
   */
  private weightedActions(): Knex.QueryBuilder {
    const { knex, filter } = this;
    // Years are all the grouped facets need: the yearly rollup has a tenth of the monthly one's rows.
    for (const period of ['year', 'month'] as const) {
      if (rollupAnswers(filter, period)) return knex.select('r.kind', 'r.authority_id', 'r.month as occurred_on', 'r.n').from(actionCountRows(knex, filter, period).as('r'));
    }
    return applyActionFilter(knex, knex('government_action as a').select('a.kind', 'a.authority_id', 'a.occurred_on', knex.raw('1 as n')), filter);
  }

  /**
   * The total and the asked facets among kind, authority, issuing country and year, in one
   * pass over the actions (GROUPING SETS) instead of one statement each: at a few hundred
   * thousand actions each pass is most of the cost. Facets come sorted by count, largest
   * first, then key; years oldest first. Issuing country leaves out authorities with none.
   */
  async grouped(asked: ReadonlySet<GroupedActionFacet>): Promise<GroupedActionCounts> {
    const facetsAsked = (Object.keys(GROUPING) as (keyof typeof GROUPING)[]).filter((f) => asked.has(f));
    const sets = ['()', ...facetsAsked.map((f) => `(${GROUPING[f].by.join(', ')})`)];
    const facetColumn = facetsAsked.length ? `case ${facetsAsked.map((f) => `when grouping(${GROUPING[f].by[0]}) = 0 then '${f}' `).join('')}else 'total' end` : `'total'`;
    const keyColumn = `coalesce(${['null', ...facetsAsked.map((f) => GROUPING[f].key)].join(', ')})`;
    const labelColumn = `coalesce(${['null', ...facetsAsked.map((f) => GROUPING[f].label)].join(', ')})`;
    // The text and values depend on the facets and the filter only: compiled once for each (statement-cache.ts).
    const statement = statementCache.rows(this.knex, `actionStats:${facetsAsked.join(',')}:${JSON.stringify(this.filter)}`, [], () => {
      const grouped = this.knex
        .with('fa', this.weightedActions())
        .from('fa')
        .join('authority as au', 'au.id', 'fa.authority_id')
        .leftJoin('country as c', 'c.code', 'au.country_code')
        .select(this.knex.raw(`${facetColumn} as facet, ${keyColumn} as key, ${labelColumn} as label, sum(fa.n) as n`))
        .groupByRaw(`grouping sets (${sets.join(', ')})`);
      return (
        this.knex
          .select('*')
          .from(grouped.as('g'))
          // A grouping-set row whose key is null (an authority without a country) belongs to no facet.
          .whereRaw(`g.facet = 'total' or g.key is not null`)
          .orderByRaw(`g.facet, case when g.facet = 'byYear' then g.key end, g.n desc, g.key`)
      );
    });
    const rows = (await statement) as unknown as (FacetRow & { facet: GroupedActionFacet })[];
    const counts: GroupedActionCounts = { total: 0, facets: new Map(facetsAsked.map((f) => [f, []])) };
    for (const row of rows) {
      if (row.facet === 'total') {
        counts.total = Number(row.n);
        continue;
      }
      const label = row.facet === 'byKind' ? humanize(row.key) : (row.label ?? row.key);
      counts.facets.get(row.facet)?.push(Object.assign(new Facet(), { key: String(row.key), label, count: Number(row.n) }));
    }
    return counts;
  }

  bySignatory(): Promise<Facet[]> {
    return facets(
      this.from()
        .join('participation as p', 'p.action_id', 'fa.id')
        .join('country as c', 'c.code', 'p.country_code')
        .where('p.role', 'SIGNATORY')
        .whereNull('p.deleted_at')
        .select('c.code as key', 'c.name as label')
        .countDistinct({ n: 'fa.id' })
        .groupBy('c.code', 'c.name')
        .orderBy([{ column: 'n', order: 'desc' }, 'key']),
    );
  }

  /** Actions per technology category of their targets (the category itself, not its ancestors). */
  byTechnology(): Promise<Facet[]> {
    return facets(
      this.from()
        .join('participation as p', 'p.action_id', 'fa.id')
        .join('entity_technology as et', 'et.entity_id', 'p.entity_id')
        .join('technology_category as t', 't.id', 'et.technology_category_id')
        .where('p.role', 'TARGET')
        .whereNull('p.deleted_at')
        .select('t.slug as key', 't.name as label')
        .countDistinct({ n: 'fa.id' })
        .groupBy('t.slug', 't.name')
        .orderBy([{ column: 'n', order: 'desc' }, 'key']),
    );
  }

}

/** Grouped counts over the entities matching a filter. */
export class EntityStatsService {
  constructor(
    private readonly ctx: Context,
    private readonly filter: EntityFilter | null,
  ) {}

  private get knex(): Knex {
    return this.ctx.knex;
  }

  private from(): Knex.QueryBuilder {
    return this.knex.with('fe', applyEntityFilter(this.knex, this.knex('entity as e').select('e.*'), this.filter)).from('fe');
  }

  /**
   * The filtered entities as (country_code, kind, n) rows: from the entity_count rollup when
   * the filter is only by kind and country, else one row per entity.
   */
  private weightedEntities(): Knex.QueryBuilder {
    const { knex, filter } = this;
    if (entityRollupAnswers(filter)) return entityCountRows(knex, filter);
    return applyEntityFilter(knex, knex('entity as e').select('e.country_code', 'e.kind', knex.raw('1 as n')), filter);
  }

  async total(): Promise<number> {
    const [row] = (await this.knex.sum({ n: 'w.n' }).from(this.weightedEntities().as('w'))) as { n: string | null }[];
    return Number(row.n ?? 0);
  }

  byKind(): Promise<Facet[]> {
    return facets(
      this.knex.select('w.kind as key').sum({ n: 'w.n' }).from(this.weightedEntities().as('w')).groupBy('w.kind').orderBy([{ column: 'n', order: 'desc' }, 'key']),
      (r) => humanize(r.key),
    );
  }

  byCountry(): Promise<Facet[]> {
    return facets(
      this.knex
        .select('c.code as key', 'c.name as label')
        .sum({ n: 'w.n' })
        .from(this.weightedEntities().as('w'))
        .join('country as c', 'c.code', 'w.country_code')
        .groupBy('c.code', 'c.name')
        .orderBy([{ column: 'n', order: 'desc' }, 'key']),
    );
  }

  byTechnology(): Promise<Facet[]> {
    return facets(
      this.from()
        .join('entity_technology as et', 'et.entity_id', 'fe.id')
        .join('technology_category as t', 't.id', 'et.technology_category_id')
        .whereNull('t.deleted_at')
        .select('t.slug as key', 't.name as label')
        .count({ n: '*' })
        .groupBy('t.slug', 't.name')
        .orderBy([{ column: 'n', order: 'desc' }, 'key']),
    );
  }

  /** Entities per list they are or were on (on the filter's activeOn date, when it has one). */
  byList(): Promise<Facet[]> {
    const activeOn = this.filter?.activeOn;
    const q = this.from()
      .join('listing_period as lp', 'lp.entity_id', 'fe.id')
      .join('sanctions_list as l', 'l.id', 'lp.list_id')
      .select('l.slug as key', 'l.name as label')
      .countDistinct({ n: 'fe.id' })
      .groupBy('l.slug', 'l.name')
      .orderBy([{ column: 'n', order: 'desc' }, 'key']);
    if (activeOn) inForceOn(q, activeOn);
    return facets(q);
  }
}
