import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { EntityFilter } from '../../graphql/filter-inputs';
import { pageOf } from '../../graphql/nested-page';
import { PageArgs } from '../../graphql/page-args';
import { findBySlug, listByName, load } from '../../graphql/reference-loaders';
import { EntityConnection } from '../entity/entity-connection';
import { EntityService } from '../entity/entity.service';
import { TechnologyCategory } from './technology.entity';

@Resolver(() => TechnologyCategory)
export class TechnologyResolver {
  @Query(() => TechnologyCategory, { nullable: true, description: 'One technology category by slug.' })
  technologyCategory(@Arg('slug', { description: 'Stable key (slug) of the record.' }) slug: string, @Ctx() ctx: Context): Promise<TechnologyCategory | null> {
    return findBySlug(ctx, TechnologyCategory, 'technology_category', slug);
  }

  @Query(() => [TechnologyCategory], { description: 'The technology categories, by name; rootsOnly gives the top of the tree.' })
  technologyCategories(
    @Arg('rootsOnly', { defaultValue: false, description: 'Only categories without a parent.' }) rootsOnly: boolean,
    @Ctx() ctx: Context,
  ): Promise<TechnologyCategory[]> {
    return listByName(ctx, TechnologyCategory, 'technology_category', (q) => (rootsOnly ? q.whereNull('parent_id') : q));
  }

  @FieldResolver(() => TechnologyCategory, { nullable: true, description: 'The broader category.' })
  parent(@Root() category: TechnologyCategory, @Ctx() ctx: Context) {
    return category.parent ? load.technology(ctx, category.parent.id) : null;
  }

  @FieldResolver(() => [TechnologyCategory], { description: 'The narrower categories, by name.' })
  children(@Root() category: TechnologyCategory, @Ctx() ctx: Context): Promise<TechnologyCategory[]> {
    return ctx.loaders
      .listsByParent<TechnologyCategory, number>(
        'TechnologyCategory.children',
        (ids) => ctx.knex('technology_category as t').select('t.*', 't.parent_id as __parent').whereIn('t.parent_id', ids).whereNull('t.deleted_at').orderBy(['t.name', 't.id']),
        (row) => ctx.loaders.map(TechnologyCategory, row),
      )
      .load(category.id);
  }

  @FieldResolver(() => EntityConnection, { description: 'Entities in this category; by default also those in its descendants.' })
  entities(
    @Root() category: TechnologyCategory,
    @Arg('includeDescendants', { defaultValue: true, description: 'Also entities of narrower categories.' }) includeDescendants: boolean,
    @Arg('filter', () => EntityFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: EntityFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return new EntityService(ctx).ofTechnology(category.id, includeDescendants, filter, pageOf(page));
  }
}
