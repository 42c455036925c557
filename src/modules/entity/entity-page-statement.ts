import { getArgumentValues, getNamedType, GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../graphql/context';
import { pageOf } from '../../graphql/nested-page';
import { pageWindow, type PageRequest } from '../../graphql/page-args';
import { pageManyStatement, pagesFromRows, ROW_NUMBER_COLUMN } from '../../graphql/paginate';
import { selectedFieldNodes } from '../../graphql/requested-fields';
import { statementCache } from '../../db/statement-cache';
import { ActionService } from '../action/action.service';
import { LegalEntity } from './legal-entity.entity';

/*
 * The entity page in one statement: `entity(slug)` together with the first page of its
 * `participations`, the way a client shows an entity. Read field by field it takes two
 * statements, each with its own round trip to PostgreSQL, pooled connection, knex run and
 * driver pass (at 10k entities, one statement instead of two took the page from 1,128 to
 * 1,293 req/s). The participations page is read by the statement that finds the entity, as
 * JSON, and handed to the loader the `participations` resolver asks, which then finds it
 * there: the answer is the same, built by the same code.
 */

/** Column of the found row that carries the participations page (json_agg of its rows). */
const PAGE_COLUMN = '__participations';

/**
 * The participations page that `entity`'s selection asks for, when it can be read along with the
 * entity: one `participations` field, with page-size arguments only (no role, filter or cursor).
 * Anything else (and anything invalid) is left to the field's own resolver, which reads it,
 * or explains the error, as it would without this.
 */
export function participationsToPrefetch(info: GraphQLResolveInfo): PageRequest | null {
  const nodes = selectedFieldNodes(info, 'participations');
  if (nodes.length !== 1) return null;
  const entityType = getNamedType(info.returnType);
  const field = entityType instanceof GraphQLObjectType ? entityType.getFields().participations : undefined;
  if (!field) return null;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, nodes[0], info.variableValues);
  } catch {
    return null;
  }
  if (args.role != null || args.filter != null || args.after != null || args.before != null) return null;
  const page = pageOf(args as PageRequest);
  try {
    pageWindow(page, '', 0); // the field's own checks of first and last (no cursor to read here)
  } catch {
    return null;
  }
  return page;
}

/**
 * The live entity with this slug, with its participations page primed for `participations`
 * (`page`, as participationsToPrefetch read it); null when no live entity has the slug (the
 * caller then follows merge redirects).
 */
export async function entityWithParticipations(ctx: Context, slug: string, page: PageRequest): Promise<LegalEntity | null> {
  const { knex, loaders } = ctx;
  const actions = new ActionService(ctx);
  const statement = statementCache.rows(knex, `entityPage:${JSON.stringify(page)}`, [slug], ([slot]) => {
    const found = knex('entity').select('*').where({ slug: slot }).whereNull('deleted_at').limit(1);
    const rowsOfPage = pageManyStatement(knex, actions.participationsQuery(knex.select('id').from('found'), null, null), page);
    const both = knex.with('found', found).select('found.*').from('found');
    if (rowsOfPage) both.select(knex.raw(`(select coalesce(json_agg(w order by w.??), '[]'::json) from (?) as w) as ??`, [ROW_NUMBER_COLUMN, rowsOfPage, PAGE_COLUMN]));
    return both;
  });
  const [row] = (await statement) ?? [];
  if (!row) return null;
  const id = row.id as number;
  // No page column: the page is empty (first: 0), and only its totalCount may be asked for.
  const rows = PAGE_COLUMN in row ? (row[PAGE_COLUMN] as Record<string, unknown>[]) : null;
  const [participations] = pagesFromRows(knex, actions.participationsQuery([id], null, null), page, [id], rows);
  actions.participationsLoader(null, null, page).prime(id, participations);
  return loaders.map(LegalEntity, row);
}
