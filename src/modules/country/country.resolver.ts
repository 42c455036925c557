import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ActionFilter, EntityFilter } from '../../graphql/filter-inputs';
import { pageOf } from '../../graphql/nested-page';
import { PageArgs } from '../../graphql/page-args';
import { load } from '../../graphql/reference-loaders';
import { CountryCodeScalar } from '../../graphql/scalars';
import { ParticipantRole } from '../action/action-kinds';
import { ActionService } from '../action/action.service';
import { GovernmentActionConnection } from '../action/connections';
import { EntityConnection } from '../entity/entity-connection';
import { EntityService } from '../entity/entity.service';
import { Country } from './country.entity';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: 'One country by ISO 3166-1 alpha-2 code.' })
  country(@Arg('code', () => CountryCodeScalar, { description: 'ISO 3166-1 alpha-2 code, any case ("CN").' }) code: string, @Ctx() ctx: Context): Country | null | Promise<Country | null> {
    return load.country(ctx, code);
  }

  @Query(() => [Country], { description: 'Every ISO 3166-1 country and territory, by name.' })
  async countries(@Ctx() ctx: Context): Promise<Country[]> {
    const rows = await ctx.knex('country').orderBy('name');
    return rows.map((row) => ctx.loaders.map(Country, row));
  }

  @FieldResolver(() => EntityConnection, { description: 'Entities based in this country.' })
  entities(
    @Root() country: Country,
    @Arg('filter', () => EntityFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: EntityFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return new EntityService(ctx).ofCountry(country.code, filter, pageOf(page));
  }

  @FieldResolver(() => GovernmentActionConnection, { description: 'Actions issued by an authority of this country.' })
  actionsIssued(@Root() country: Country, @Arg('filter', () => ActionFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: ActionFilter | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return new ActionService(ctx).issuedBy(country.code, filter, pageOf(page));
  }

  @FieldResolver(() => GovernmentActionConnection, { description: 'Joint letters, resolutions and statements this country signed.' })
  actionsSigned(@Root() country: Country, @Arg('filter', () => ActionFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: ActionFilter | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return new ActionService(ctx).withCountryIn('Country.actionsSigned', [ParticipantRole.SIGNATORY], country.code, filter, pageOf(page));
  }

  @FieldResolver(() => GovernmentActionConnection, { description: 'Actions about this country (its government, territory or people): it is named as SUBJECT or TARGET.' })
  actionsConcerning(@Root() country: Country, @Arg('filter', () => ActionFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: ActionFilter | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return new ActionService(ctx).withCountryIn('Country.actionsConcerning', [ParticipantRole.SUBJECT, ParticipantRole.TARGET], country.code, filter, pageOf(page));
  }
}
