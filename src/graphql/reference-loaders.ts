import { GovernmentAction } from '../modules/action/government-action.entity';
import { Authority } from '../modules/authority/authority.entity';
import { Country } from '../modules/country/country.entity';
import { LegalEntity } from '../modules/entity/legal-entity.entity';
import { SanctionsList } from '../modules/listing/sanctions-list.entity';
import { Source } from '../modules/source/source.entity';
import { TechnologyCategory } from '../modules/technology/technology.entity';
import type { Context } from './context';

/** Batched lookups by key, one per record class (soft-deleted rows are returned too). */
export const load = {
  country: (ctx: Context, code: string | null | undefined) => (code ? ctx.loaders.byKey<Country, string>(Country, 'country', 'code').load(code) : Promise.resolve(null)),
  entity: (ctx: Context, id: number) => ctx.loaders.byKey<LegalEntity, number>(LegalEntity, 'entity').load(id),
  action: (ctx: Context, id: number) => ctx.loaders.byKey<GovernmentAction, number>(GovernmentAction, 'government_action').load(id),
  authority: (ctx: Context, id: number) => ctx.loaders.byKey<Authority, number>(Authority, 'authority').load(id),
  list: (ctx: Context, id: number) => ctx.loaders.byKey<SanctionsList, number>(SanctionsList, 'sanctions_list').load(id),
  technology: (ctx: Context, id: number) => ctx.loaders.byKey<TechnologyCategory, number>(TechnologyCategory, 'technology_category').load(id),
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
