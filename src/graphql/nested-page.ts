import type DataLoader from 'dataloader';
import type { Context } from './context';
import type { Page } from './connection';
import type { PageRequest } from './page-args';
import { statementCache } from '../db/statement-cache';
import { pageManyStatement, pagesFromRows, paginateMany, PageQuery } from './paginate';

/**
 * A connection under a parent object (Country.actionsSigned, Entity.participations...).
 * Every parent in the response that asks for the same field with the same arguments is
 * served by one batched statement (see paginateMany).
 */
export function nestedPage<K extends string | number>(
  ctx: Context,
  field: string,
  args: { page: PageRequest } & Record<string, unknown>,
  parent: K,
  build: (parents: K[]) => PageQuery<Record<string, unknown>>,
): Promise<Page<unknown>> {
  return nestedPageLoader(ctx, field, args, build).load(parent);
}

/**
 * The loader behind nestedPage for one field and arguments; a resolver that has read a parent's
 * page along with the parent (entity-page-statement.ts) primes it, and the field's own resolver
 * then finds the page there.
 */
export function nestedPageLoader<K extends string | number>(
  ctx: Context,
  field: string,
  args: { page: PageRequest } & Record<string, unknown>,
  build: (parents: K[]) => PageQuery<Record<string, unknown>>,
): DataLoader<K, Page<unknown>> {
  const key = `page:${field}:${JSON.stringify(args)}`;
  return ctx.loaders.get<K, Page<unknown>>(key, async (parents) => {
    const query = build([...parents]);
    // A page after or before a cursor is one of a kind: compiling it once would fill the cache.
    if (args.page.after != null || args.page.before != null) return paginateMany(ctx.knex, query, args.page, parents);
    const rows = statementCache.rows(ctx.knex, `${key}:${parents.length}`, parents, (slots) => pageManyStatement(ctx.knex, build(slots as K[]), args.page));
    return pagesFromRows(ctx.knex, query, args.page, parents, rows && (await rows));
  });
}

/** Just the Relay arguments of a resolver's args. */
export function pageOf(args: PageRequest): PageRequest {
  return { first: args.first, after: args.after, last: args.last, before: args.before };
}
