import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ActionFilter } from '../../graphql/filter-inputs';
import { pageOf } from '../../graphql/nested-page';
import { PageArgs } from '../../graphql/page-args';
import { load } from '../../graphql/reference-loaders';
import { ActionService } from '../action/action.service';
import { GovernmentActionConnection } from '../action/connections';
import { Country } from '../country/country.entity';
import { Authority } from './authority.entity';

@Resolver(() => Authority)
export class AuthorityResolver {
  @Query(() => Authority, { nullable: true, description: 'One authority by slug ("us-bis").' })
  async authority(@Arg('slug') slug: string, @Ctx() ctx: Context): Promise<Authority | null> {
    const row = await ctx.knex('authority').where({ slug }).whereNull('deleted_at').first();
    return row ? ctx.loaders.map(Authority, row) : null;
  }

  @Query(() => [Authority], { description: 'Every authority, by name.' })
  async authorities(@Ctx() ctx: Context): Promise<Authority[]> {
    const rows = await ctx.knex('authority').whereNull('deleted_at').orderBy(['name', 'id']);
    return rows.map((row) => ctx.loaders.map(Authority, row));
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
  actions(@Root() authority: Authority, @Arg('filter', () => ActionFilter, { nullable: true }) filter: ActionFilter | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return new ActionService(ctx).ofAuthority(authority.id, filter, pageOf(page));
  }
}
