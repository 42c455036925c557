import { inForceOn } from '../../db/sql';
import type { Context } from '../../graphql/context';
import type { Page } from '../../graphql/connection';
import { nestedPage } from '../../graphql/nested-page';
import type { PageRequest } from '../../graphql/page-args';
import { Listing, ListingRow, todayIso } from './listing.type';

/** List membership over time, read from the listing_period view. */
export class ListingService {
  constructor(private readonly ctx: Context) {}

  /** Entity.listings: every period on every list, oldest first; activeOn keeps those in force that day. */
  ofEntity(entityId: number, activeOn: string | null | undefined): Promise<Listing[]> {
    const asOf = activeOn ?? todayIso();
    return this.ctx.loaders
      .listsByParent<Listing, number>(
        `Entity.listings:${activeOn ?? ''}`,
        (ids) => {
          const q = this.ctx.knex('listing_period as lp').select('lp.*', 'lp.entity_id as __parent').whereIn('lp.entity_id', ids).orderBy(['lp.since', 'lp.list_id']);
          if (activeOn) inForceOn(q, activeOn);
          return q;
        },
        (row) => new Listing(row as unknown as ListingRow, asOf),
      )
      .load(entityId);
  }

  /** SanctionsList.entries: who is (or was) on the list, by date added then entity. */
  entriesOf(listId: number, activeOn: string | null | undefined, page: PageRequest): Promise<Page<unknown>> {
    const { knex } = this.ctx;
    const asOf = activeOn ?? todayIso();
    return nestedPage(this.ctx, 'SanctionsList.entries', { activeOn, page }, listId, (ids) => {
      const base = knex('listing_period as lp')
        .select('lp.*', 'lp.list_id as __parent', knex.raw('lp.since::text as __s0'), knex.raw('(lp.added_by_id::bigint * 2147483648 + lp.entity_id) as __k'))
        .join('entity as e', 'e.id', 'lp.entity_id')
        .whereIn('lp.list_id', ids)
        .whereNull('e.deleted_at');
      if (activeOn) inForceOn(base, activeOn);
      return {
        base,
        sort: [
          { column: '__s0', direction: 'asc' },
          { column: '__k', direction: 'asc' },
        ],
        toNode: (row) => new Listing(row as unknown as ListingRow, asOf),
      };
    });
  }
}
