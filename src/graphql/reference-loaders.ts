import { GovernmentAction } from '../modules/action/government-action.entity';
import { Authority } from '../modules/authority/authority.entity';
import { Country } from '../modules/country/country.entity';
import { LegalEntity } from '../modules/entity/legal-entity.entity';
import { SanctionsList } from '../modules/listing/sanctions-list.entity';
import { Source } from '../modules/source/source.entity';
import { TechnologyCategory } from '../modules/technology/technology.entity';
import type { EntityClass } from '@mikro-orm/core';
import type { Knex } from 'knex';
import type { Context } from './context';

/**
 * Batched lookups by key, one per record class (soft-deleted rows are returned too). The four
 * reference tables answer at once, without a promise, while their rows are in memory.
 */
export const load = {
  country: (ctx: Context, code: string | null | undefined) => (code ? ctx.loaders.reference<Country, string>(Country, 'country', code, 'code') : null),
  entity: (ctx: Context, id: number) => ctx.loaders.byKey<LegalEntity, number>(LegalEntity, 'entity').load(id),
  action: (ctx: Context, id: number) => ctx.loaders.byKey<GovernmentAction, number>(GovernmentAction, 'government_action').load(id),
  authority: (ctx: Context, id: number) => ctx.loaders.reference<Authority, number>(Authority, 'authority', id),
  list: (ctx: Context, id: number) => ctx.loaders.reference<SanctionsList, number>(SanctionsList, 'sanctions_list', id),
  technology: (ctx: Context, id: number) => ctx.loaders.reference<TechnologyCategory, number>(TechnologyCategory, 'technology_category', id),
  source: (ctx: Context, id: number) => ctx.loaders.byKey<Source, number>(Source, 'source').load(id),
};

/** Sources cited by records of one kind, through its pivot table, oldest first. */
export function sourcesVia(ctx: Context, pivot: 'entity_source' | 'action_source' | 'entity_relation_source', ownerColumn: string, ownerId: number): Promise<Source[]> {
  return ctx.loaders
    .listsByParent<Source, number>(
      `sources:${pivot}`,
      (ids) =>
        ctx.knex(`${pivot} as ps`).select('s.*', `ps.${ownerColumn} as __parent`).join('source as s', 's.id', 'ps.source_id').whereIn(`ps.${ownerColumn}`, ids).whereNull('s.deleted_at').orderBy('s.id'),
      (row) => ctx.loaders.map(Source, row),
    )
    .load(ownerId);
}

type SluggedTable = 'entity' | 'government_action' | 'authority' | 'sanctions_list' | 'technology_category';

/** A live (not soft-deleted) record by slug, or null. */
export async function findBySlug<T extends object>(ctx: Context, cls: EntityClass<T>, table: SluggedTable, slug: string): Promise<T | null> {
  const row = await ctx.knex(table).where({ slug }).whereNull('deleted_at').first();
  return row ? ctx.loaders.map(cls, row) : null;
}

/** Every live record of a small reference table, by name. */
export async function listByName<T extends object>(ctx: Context, cls: EntityClass<T>, table: SluggedTable, narrow?: (q: Knex.QueryBuilder) => void): Promise<T[]> {
  const q = ctx.knex(table).whereNull('deleted_at').orderBy(['name', 'id']);
  narrow?.(q);
  return (await q).map((row: Record<string, unknown>) => ctx.loaders.map(cls, row));
}

/**
 * Relations stored once (from -> to) read from both ends: for each parent id, the rows where
 * it is `from` (outgoing) and those where it is `to`, in the order they were recorded.
 */
export function relationsOf<T>(
  ctx: Context,
  table: 'entity_relation' | 'action_relation',
  parentId: number,
  toItem: (row: Record<string, unknown>, outgoing: boolean) => T,
): Promise<T[]> {
  return ctx.loaders
    .listsByParent<T, number>(
      `relations:${table}`,
      (ids) =>
        ctx.knex
          .select('r.*', 'r.from_id as __parent', ctx.knex.raw('true as __outgoing'))
          .from(`${table} as r`)
          .whereIn('r.from_id', ids)
          .unionAll((q) => q.select('r.*', 'r.to_id as __parent', ctx.knex.raw('false as __outgoing')).from(`${table} as r`).whereIn('r.to_id', ids))
          .orderBy('id'),
      (row) => toItem(row, row.__outgoing === true),
    )
    .load(parentId);
}
