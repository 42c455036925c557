import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ActionFilter } from '../../graphql/filter-inputs';
import { pageOf } from '../../graphql/nested-page';
import { PageArgs } from '../../graphql/page-args';
import { findBySlug, listByName, load } from '../../graphql/reference-loaders';
import { ActionService } from '../action/action.service';
import { GovernmentActionConnection } from '../action/connections';
import { Country } from '../country/country.entity';
import { Authority } from './authority.entity';

@Resolver(() => Authority)
export class AuthorityResolver {
  @Query(() => Authority, { nullable: true, description: 'One authority by slug ("us-bis").' })
  authority(@Arg('slug', { description: 'Stable key (slug) of the record.' }) slug: string, @Ctx() ctx: Context): Promise<Authority | null> {
    return findBySlug(ctx, Authority, 'authority', slug);
  }

  @Query(() => [Authority], { description: 'Every authority, by name.' })
  authorities(@Ctx() ctx: Context): Promise<Authority[]> {
    return listByName(ctx, Authority, 'authority');
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The country it belongs to; null for intergovernmental and supranational bodies.' })
  country(@Root() authority: Authority, @Ctx() ctx: Context) {
    return load.country(ctx, authority.country?.code);
  }

  @FieldResolver(() => Authority, { nullable: true, description: 'The body it is part of (BIS is part of the Department of Commerce).' })
  parent(@Root() authority: Authority, @Ctx() ctx: Context) {
    return authority.parent ? load.authority(ctx, authority.parent.id) : null;
  }

  @FieldResolver(() => GovernmentActionConnection, { description: 'Actions it or one of its sub-authorities issued, newest first.' })
  actions(@Root() authority: Authority, @Arg('filter', () => ActionFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: ActionFilter | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return new ActionService(ctx).ofAuthority(authority.id, filter, pageOf(page));
  }
}
