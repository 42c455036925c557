import type { Context } from './context';
import type { Page } from './connection';
import type { PageRequest } from './page-args';
import { paginateMany, PageQuery } from './paginate';

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
  const loader = ctx.loaders.get<K, Page<unknown>>(`page:${field}:${JSON.stringify(args)}`, (parents) =>
    paginateMany(ctx.knex, build([...parents]), args.page, parents),
  );
  return loader.load(parent);
}

/** Just the Relay arguments of a resolver's args. */
export function pageOf(args: PageRequest): PageRequest {
  return { first: args.first, after: args.after, last: args.last, before: args.before };
}
