import type { Context } from '../../graphql/context';
import type { Page } from '../../graphql/connection';
import type { EntityFilter, EntityOrder } from '../../graphql/filter-inputs';
import { nestedPage } from '../../graphql/nested-page';
import type { PageRequest } from '../../graphql/page-args';
import { paginate } from '../../graphql/paginate';
import { rootDescendantPairs } from '../../db/sql';
import { findBySlug } from '../../graphql/reference-loaders';
import { checkFilter } from '../../graphql/filter-checks';
import { applyEntityFilter, entityListColumns, entitySort } from './entity-query';
import { entityRollupAnswers, entityRollupCount } from './entity-count-rollup';
import { entityWithParticipations } from './entity-page-statement';
import { LegalEntity } from './legal-entity.entity';

/** Entity reads: lookups and the entity lists, top-level and nested. */
export class EntityService {
  constructor(private readonly ctx: Context) {}

  /**
   * By slug; a merged-away slug leads to the entity it was merged into. With `participations`
   * (a page request), the entity's page of participations is read in the same statement.
   */
  async bySlug(slug: string, participations?: PageRequest | null): Promise<LegalEntity | null> {
    const found = participations ? await entityWithParticipations(this.ctx, slug, participations) : await findBySlug(this.ctx, LegalEntity, 'entity', slug);
    if (found) return found;
    const redirect = await this.ctx.knex('entity_redirect').where({ from_slug: slug }).first();
    return redirect ? this.byId(redirect.to_id) : null;
  }

  /** By id; a merged-away id leads to the entity it was merged into (batched: one lookup per request batch). */
  async byId(id: number): Promise<LegalEntity | null> {
    const target = await this.ctx.loaders
      .get<number, number>('entityRedirect', async (ids) => {
        const rows = (await this.ctx.knex('entity_redirect').select('from_id', 'to_id').whereIn('from_id', ids)) as { from_id: number; to_id: number }[];
        const to = new Map(rows.map((r) => [r.from_id, r.to_id]));
        return ids.map((i) => to.get(i) ?? i);
      })
      .load(id);
    const entity = await this.ctx.loaders.byKey<LegalEntity, number>(LegalEntity, 'entity').load(target);
    return entity && !entity.deletedAt ? entity : null;
  }

  /** The top-level list; `nodeFields` (the fields selected on its nodes, when known) trims the columns read. */
  /** The top-level list; `wantsTotal` when totalCount is asked for, so a rollup's count is read with the page. */
  async page(
    filter: EntityFilter | null | undefined,
    orderBy: EntityOrder[] | null | undefined,
    page: PageRequest,
    nodeFields?: ReadonlySet<string>,
    wantsTotal = false,
  ): Promise<Page<unknown>> {
    const { knex, loaders } = this.ctx;
    await checkFilter(this.ctx, 'filter', filter);
    const columns = nodeFields ? entityListColumns(loaders.columnsOf(LegalEntity), nodeFields) : ['e.*'];
    const base = applyEntityFilter(knex, knex('entity as e').select(columns), filter);
    const sort = entitySort(knex, base, orderBy);
    const countQuery = entityRollupAnswers(filter) ? entityRollupCount(knex, filter) : undefined;
    const statementKey = `entities:${JSON.stringify([filter, orderBy, columns])}`;
    // Planned on every run: with the values in hand PostgreSQL walks the (country, name) index for a
    // page of one country's companies (0.6 ms at 10k entities); the prepared statement's generic
    // plan, blind to how many rows a filter keeps, sorted all 2,240 of them (2.1 ms).
    const toNode = (row: Record<string, unknown>) => loaders.map(LegalEntity, row);
    return paginate<Record<string, unknown>>(knex, { base, sort, toNode, countQuery, countWithPage: wantsTotal, statementKey, planEachRun: true }, page);
  }

  /** Country.entities: entities based in the country. */
  ofCountry(code: string, filter: EntityFilter | null | undefined, page: PageRequest): Promise<Page<unknown>> {
    const { knex, loaders } = this.ctx;
    return nestedPage(this.ctx, 'Country.entities', { filter, page }, code, (codes) => {
      const base = applyEntityFilter(knex, knex('entity as e').select('e.*', 'e.country_code as __parent').whereIn('e.country_code', codes), filter);
      return { base, sort: entitySort(knex, base, null), toNode: (row) => loaders.map(LegalEntity, row) };
    });
  }

  /** TechnologyCategory.entities: in the category, and by default in its descendants. */
  ofTechnology(categoryId: number, includeDescendants: boolean, filter: EntityFilter | null | undefined, page: PageRequest): Promise<Page<unknown>> {
    const { knex, loaders } = this.ctx;
    return nestedPage(this.ctx, 'TechnologyCategory.entities', { includeDescendants, filter, page }, categoryId, (ids) => {
      const members = includeDescendants
        ? knex
            .select('tree.root', 'et.entity_id')
            .distinct()
            .from(rootDescendantPairs(knex, 'technology_category', ids).wrap('', ' as tree'))
            .join('entity_technology as et', 'et.technology_category_id', 'tree.id')
        : knex.select('et.technology_category_id as root', 'et.entity_id').from('entity_technology as et').whereIn('et.technology_category_id', ids);
      const base = applyEntityFilter(
        knex,
        knex('entity as e').select('e.*', 'm.root as __parent').join(members.as('m'), 'm.entity_id', 'e.id'),
        filter,
      );
      return { base, sort: entitySort(knex, base, null), toNode: (row) => loaders.map(LegalEntity, row) };
    });
  }
}
