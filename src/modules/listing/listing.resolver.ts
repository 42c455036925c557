import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { pageOf } from '../../graphql/nested-page';
import { PageArgs } from '../../graphql/page-args';
import { findBySlug, listByName, load } from '../../graphql/reference-loaders';
import { DateScalar } from '../../graphql/scalars';
import { GovernmentAction } from '../action/government-action.entity';
import { Authority } from '../authority/authority.entity';
import { LegalEntity } from '../entity/legal-entity.entity';
import { ListingConnection } from './listing-connection';
import { ListingService } from './listing.service';
import { Listing } from './listing.type';
import { SanctionsList } from './sanctions-list.entity';

@Resolver(() => SanctionsList)
export class SanctionsListResolver {
  @Query(() => SanctionsList, { nullable: true, description: 'One list by slug ("us-entity-list").' })
  list(@Arg('slug', { description: 'Stable key (slug) of the record.' }) slug: string, @Ctx() ctx: Context): Promise<SanctionsList | null> {
    return findBySlug(ctx, SanctionsList, 'sanctions_list', slug);
  }

  @Query(() => [SanctionsList], { description: 'Every list, by name.' })
  lists(@Ctx() ctx: Context): Promise<SanctionsList[]> {
    return listByName(ctx, SanctionsList, 'sanctions_list');
  }

  @FieldResolver(() => Authority, { description: 'Who keeps the list.' })
  async authority(@Root() list: SanctionsList, @Ctx() ctx: Context) {
    return load.authority(ctx, list.authority.id);
  }

  @FieldResolver(() => ListingConnection, { description: 'Who is (or was) on the list, derived from its LISTING / DELISTING actions; activeOn keeps the entries in force that day.' })
  entries(
    @Root() list: SanctionsList,
    @Arg('activeOn', () => DateScalar, { nullable: true, description: 'Only entries in force on this date.' }) activeOn: string | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return new ListingService(ctx).entriesOf(list.id, activeOn, pageOf(page));
  }
}

@Resolver(() => Listing)
export class ListingResolver {
  @FieldResolver(() => SanctionsList, { description: 'The list.' })
  async list(@Root() listing: Listing, @Ctx() ctx: Context) {
    return load.list(ctx, listing.listId);
  }

  @FieldResolver(() => LegalEntity, { description: 'The entity listed.' })
  async entity(@Root() listing: Listing, @Ctx() ctx: Context) {
    return load.entity(ctx, listing.entityId);
  }

  @FieldResolver(() => GovernmentAction, { description: 'The action that added it.' })
  async addedBy(@Root() listing: Listing, @Ctx() ctx: Context) {
    return load.action(ctx, listing.addedById);
  }

  @FieldResolver(() => GovernmentAction, { nullable: true, description: 'The action that removed it, if any.' })
  async removedBy(@Root() listing: Listing, @Ctx() ctx: Context) {
    return listing.removedById ? load.action(ctx, listing.removedById) : null;
  }
}
