import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { checkFilter } from '../../graphql/filter-checks';
import { ActionFilter, EntityFilter } from '../../graphql/filter-inputs';
import { requestedFields } from '../../graphql/requested-fields';
import { ActionStatsService, EntityStatsService, GROUPED_ACTION_FACETS, GroupedActionCounts, GroupedActionFacet } from './stats.service';
import { ActionStats, EntityStats, Facet } from './stats.types';

/** One grouped statement serves every facet field of one actionStats. */
function grouped(stats: ActionStats, ctx: Context): Promise<GroupedActionCounts> {
  return (stats.grouped ??= new ActionStatsService(ctx, stats.filter).grouped(stats.asked));
}

function facetOf(counts: GroupedActionCounts, facet: GroupedActionFacet): Facet[] {
  return counts.facets.get(facet) ?? [];
}

@Resolver(() => ActionStats)
export class ActionStatsResolver {
  @Query(() => ActionStats, { description: 'Facet counts of the actions matching a filter: by kind, authority, issuing country, signatory, technology and year.' })
  async actionStats(
    @Arg('filter', () => ActionFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: ActionFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ActionStats> {
    await checkFilter(ctx, 'filter', filter);
    const selected = requestedFields(info);
    return new ActionStats(filter, new Set(GROUPED_ACTION_FACETS.filter((f) => selected.has(f))));
  }

  @FieldResolver(() => Int, { description: 'Actions matching the filter.' })
  total(@Root() stats: ActionStats, @Ctx() ctx: Context) {
    return grouped(stats, ctx).then((g) => g.total);
  }

  @FieldResolver(() => [Facet], { description: 'Actions per kind (key: ActionKind).' })
  byKind(@Root() stats: ActionStats, @Ctx() ctx: Context) {
    return grouped(stats, ctx).then((g) => facetOf(g, 'byKind'));
  }

  @FieldResolver(() => [Facet], { description: 'Actions per issuing authority (key: authority slug).' })
  byAuthority(@Root() stats: ActionStats, @Ctx() ctx: Context) {
    return grouped(stats, ctx).then((g) => facetOf(g, 'byAuthority'));
  }

  @FieldResolver(() => [Facet], { description: 'Actions per country of the issuing authority (key: ISO code).' })
  byIssuingCountry(@Root() stats: ActionStats, @Ctx() ctx: Context) {
    return grouped(stats, ctx).then((g) => facetOf(g, 'byIssuingCountry'));
  }

  @FieldResolver(() => [Facet], { description: 'Actions each country signed (key: ISO code).' })
  bySignatory(@Root() stats: ActionStats, @Ctx() ctx: Context) {
    return new ActionStatsService(ctx, stats.filter).bySignatory();
  }

  @FieldResolver(() => [Facet], { description: 'Actions targeting an entity in each technology category (key: category slug; an action counts once per category).' })
  byTechnology(@Root() stats: ActionStats, @Ctx() ctx: Context) {
    return new ActionStatsService(ctx, stats.filter).byTechnology();
  }

  @FieldResolver(() => [Facet], { description: 'Actions per year of occurredOn (key: the year), oldest first.' })
  byYear(@Root() stats: ActionStats, @Ctx() ctx: Context) {
    return grouped(stats, ctx).then((g) => facetOf(g, 'byYear'));
  }
}

@Resolver(() => EntityStats)
export class EntityStatsResolver {
  @Query(() => EntityStats, { description: 'Facet counts of the entities matching a filter: by kind, country, technology and list.' })
  async entityStats(@Arg('filter', () => EntityFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: EntityFilter | null, @Ctx() ctx: Context): Promise<EntityStats> {
    await checkFilter(ctx, 'filter', filter);
    return new EntityStats(filter);
  }

  @FieldResolver(() => Int, { description: 'Entities matching the filter.' })
  total(@Root() stats: EntityStats, @Ctx() ctx: Context) {
    return new EntityStatsService(ctx, stats.filter).total();
  }

  @FieldResolver(() => [Facet], { description: 'Entities per kind (key: EntityKind).' })
  byKind(@Root() stats: EntityStats, @Ctx() ctx: Context) {
    return new EntityStatsService(ctx, stats.filter).byKind();
  }

  @FieldResolver(() => [Facet], { description: 'Entities per country (key: ISO code).' })
  byCountry(@Root() stats: EntityStats, @Ctx() ctx: Context) {
    return new EntityStatsService(ctx, stats.filter).byCountry();
  }

  @FieldResolver(() => [Facet], { description: 'Entities per technology category they are filed under (key: slug).' })
  byTechnology(@Root() stats: EntityStats, @Ctx() ctx: Context) {
    return new EntityStatsService(ctx, stats.filter).byTechnology();
  }

  @FieldResolver(() => [Facet], { description: 'Entities per list they are or were on, or were on at the filter\'s activeOn date (key: list slug).' })
  byList(@Root() stats: EntityStats, @Ctx() ctx: Context) {
    return new EntityStatsService(ctx, stats.filter).byList();
  }
}
