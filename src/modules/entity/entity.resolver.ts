import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { requestedFields, requestedNodeFields } from '../../graphql/requested-fields';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { ActionFilter, EntityFilter, EntityOrder } from '../../graphql/filter-inputs';
import { decodeGlobalId } from '../../graphql/global-id';
import { pageOf } from '../../graphql/nested-page';
import { PageArgs } from '../../graphql/page-args';
import { load, relationsOf, sourcesVia } from '../../graphql/reference-loaders';
import { DateScalar } from '../../graphql/scalars';
import { ParticipantRole } from '../action/action-kinds';
import { ActionService } from '../action/action.service';
import { ParticipationConnection } from '../action/connections';
import { Country } from '../country/country.entity';
import { ListingService } from '../listing/listing.service';
import { Listing } from '../listing/listing.type';
import { Source } from '../source/source.entity';
import { TechnologyCategory } from '../technology/technology.entity';
import { EntityConnection } from './entity-connection';
import { EntityRelationKind, INVERSE_ENTITY_RELATION } from './entity-kinds';
import { EntityRelationView } from './entity-relation.type';
import { Address } from './entity-values';
import { participationsToPrefetch } from './entity-page-statement';
import { EntityService } from './entity.service';
import { LegalEntity } from './legal-entity.entity';

@Resolver(() => LegalEntity)
export class EntityResolver {
  @Query(() => LegalEntity, { nullable: true, description: 'One entity, by global id or by slug.' })
  async entity(
    @Arg('id', () => ID, { nullable: true, description: 'Global id of the entity (a merged-away id leads to the entity it was merged into).' }) id: string | null,
    @Arg('slug', () => String, { nullable: true, description: 'Slug of the entity ("cn-hikvision"); a merged-away slug leads to the entity it was merged into.' }) slug: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LegalEntity | null> {
    if (!id && !slug) throw badInput('id', 'or "slug" must be given');
    const service = new EntityService(ctx);
    if (id) {
      const decoded = decodeGlobalId(id);
      return decoded?.type === 'Entity' ? service.byId(decoded.key as number) : null;
    }
    return service.bySlug(slug as string, participationsToPrefetch(info));
  }

  @Query(() => EntityConnection, { description: 'Entities matching a filter, in a stable order (by name unless orderBy says otherwise).' })
  entities(
    @Arg('filter', () => EntityFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: EntityFilter | null,
    @Arg('orderBy', () => [EntityOrder], { nullable: true, description: 'Sort keys, most significant first; ties are broken by id.' }) orderBy: EntityOrder[] | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new EntityService(ctx).page(filter, orderBy, pageOf(page), requestedNodeFields(info), requestedFields(info).has('totalCount'));
  }

  @FieldResolver(() => Country, { nullable: true, description: 'Where it is based.' })
  country(@Root() entity: LegalEntity, @Ctx() ctx: Context) {
    return load.country(ctx, entity.country?.code);
  }

  @FieldResolver(() => [TechnologyCategory], { description: 'Its technology categories, by name.' })
  technologies(@Root() entity: LegalEntity, @Ctx() ctx: Context): Promise<TechnologyCategory[]> {
    return ctx.loaders
      .listsByParent<TechnologyCategory, number>(
        'Entity.technologies',
        (ids) =>
          ctx
            .knex('entity_technology as et')
            .select('t.*', 'et.entity_id as __parent')
            .join('technology_category as t', 't.id', 'et.technology_category_id')
            .whereIn('et.entity_id', ids)
            .whereNull('t.deleted_at')
            .orderBy(['t.name', 't.id']),
        (row) => ctx.loaders.map(TechnologyCategory, row),
      )
      .load(entity.id);
  }

  @FieldResolver(() => [EntityRelationView], { description: 'Related entities, read from this entity (a subsidiary sees SUBSIDIARY_OF, its parent PARENT_OF).' })
  async relations(
    @Root() entity: LegalEntity,
    @Arg('kind', () => [EntityRelationKind], { nullable: true, description: 'Only relations of these kinds (read from this record).' }) kind: EntityRelationKind[] | null,
    @Ctx() ctx: Context,
  ): Promise<EntityRelationView[]> {
    const all = await relationsOf(ctx, 'entity_relation', entity.id, (row, outgoing) => {
      const stored = row.kind as EntityRelationKind;
      return new EntityRelationView(
        row.id as number,
        outgoing ? stored : INVERSE_ENTITY_RELATION[stored],
        (outgoing ? row.to_id : row.from_id) as number,
        row.since as string | null,
        row.until as string | null,
      );
    });
    return kind?.length ? all.filter((r) => kind.includes(r.kind)) : all;
  }

  @FieldResolver(() => ParticipationConnection, { description: 'Every action that names this entity, with its role and the grounds given for it; newest first.' })
  participations(
    @Root() entity: LegalEntity,
    @Arg('role', () => [ParticipantRole], { nullable: true, description: 'Only participants in these roles.' }) role: ParticipantRole[] | null,
    @Arg('filter', () => ActionFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: ActionFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return new ActionService(ctx).participationsOf(entity.id, role, filter, pageOf(page));
  }

  @FieldResolver(() => [Listing], { description: 'List memberships over time; activeOn narrows to those in force on that date.' })
  listings(@Root() entity: LegalEntity, @Arg('activeOn', () => DateScalar, { nullable: true, description: 'Only entries in force on this date.' }) activeOn: string | null, @Ctx() ctx: Context) {
    return new ListingService(ctx).ofEntity(entity.id, activeOn);
  }

  @FieldResolver(() => [Source], { description: 'Where the facts about this entity come from.' })
  sources(@Root() entity: LegalEntity, @Ctx() ctx: Context) {
    return sourcesVia(ctx, 'entity_source', 'entity_id', entity.id);
  }
}

@Resolver(() => EntityRelationView)
export class EntityRelationResolver {
  @FieldResolver(() => LegalEntity, { description: 'The entity at the other end.' })
  async entity(@Root() relation: EntityRelationView, @Ctx() ctx: Context) {
    return load.entity(ctx, relation.otherEntityId);
  }

  @FieldResolver(() => [Source], { description: 'Where the relation is documented.' })
  sources(@Root() relation: EntityRelationView, @Ctx() ctx: Context) {
    return sourcesVia(ctx, 'entity_relation_source', 'entity_relation_id', relation.relationId);
  }
}

@Resolver(() => Address)
export class AddressResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The country of the address.' })
  country(@Root() address: Address, @Ctx() ctx: Context) {
    return load.country(ctx, address.country);
  }
}
