import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { requestedFields } from '../../graphql/requested-fields';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { ActionFilter, ActionOrder, EntityFilter } from '../../graphql/filter-inputs';
import { decodeGlobalId } from '../../graphql/global-id';
import { pageOf } from '../../graphql/nested-page';
import { PageArgs } from '../../graphql/page-args';
import { load, relationsOf, sourcesVia } from '../../graphql/reference-loaders';
import { Authority } from '../authority/authority.entity';
import { Country } from '../country/country.entity';
import { LegalEntity } from '../entity/legal-entity.entity';
import { SanctionsList } from '../listing/sanctions-list.entity';
import { Source } from '../source/source.entity';
import { TechnologyCategory } from '../technology/technology.entity';
import { ActionRelationKind, INVERSE_ACTION_RELATION, ParticipantRole } from './action-kinds';
import { ActionRelationView } from './action-relation.type';
import { ActionService } from './action.service';
import { GovernmentActionConnection, ParticipationConnection } from './connections';
import { GovernmentAction } from './government-action.entity';
import { Participation } from './participation.entity';

/** Countries named by actions in some roles, by country name. */
function countriesInRoles(ctx: Context, field: string, roles: ParticipantRole[], actionId: number): Promise<Country[]> {
  return ctx.loaders
    .listsByParent<Country, number>(
      field,
      (ids) =>
        ctx
          .knex('participation as p')
          .distinct('c.*', 'p.action_id as __parent')
          .join('country as c', 'c.code', 'p.country_code')
          .whereIn('p.action_id', ids)
          .whereIn('p.role', roles)
          .whereNull('p.deleted_at')
          .orderBy('c.name'),
      (row) => ctx.loaders.map(Country, row),
    )
    .load(actionId);
}

@Resolver(() => GovernmentAction)
export class ActionResolver {
  @Query(() => GovernmentAction, { nullable: true, description: 'One action, by global id or by slug.' })
  async action(
    @Arg('id', () => ID, { nullable: true, description: 'Global id of the action.' }) id: string | null,
    @Arg('slug', () => String, { nullable: true, description: 'Slug of the action ("bis-el-2019-10-xinjiang-28").' }) slug: string | null,
    @Ctx() ctx: Context,
  ): Promise<GovernmentAction | null> {
    if (!id && !slug) throw badInput('id', 'or "slug" must be given');
    const service = new ActionService(ctx);
    if (id) {
      const decoded = decodeGlobalId(id);
      return decoded?.type === 'GovernmentAction' ? service.byId(decoded.key as number) : null;
    }
    return service.bySlug(slug as string);
  }

  @Query(() => GovernmentActionConnection, { description: 'Actions matching a filter, newest first unless orderBy says otherwise.' })
  actions(
    @Arg('filter', () => ActionFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: ActionFilter | null,
    @Arg('orderBy', () => [ActionOrder], { nullable: true, description: 'Sort keys, most significant first; ties are broken by id.' }) orderBy: ActionOrder[] | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new ActionService(ctx).page(filter, orderBy, pageOf(page), requestedFields(info).has('totalCount'));
  }

  @FieldResolver(() => Authority, { description: 'Who issued it.' })
  async authority(@Root() action: GovernmentAction, @Ctx() ctx: Context) {
    return load.authority(ctx, action.authority.id);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The issuing authority's country; null for intergovernmental bodies." })
  async issuingCountry(@Root() action: GovernmentAction, @Ctx() ctx: Context) {
    const authority = await load.authority(ctx, action.authority.id);
    return load.country(ctx, authority?.country?.code);
  }

  @FieldResolver(() => SanctionsList, { nullable: true, description: 'The list it changes; set for LISTING / DELISTING / LISTING_AMENDMENT.' })
  async list(@Root() action: GovernmentAction, @Ctx() ctx: Context) {
    return action.list ? load.list(ctx, action.list.id) : null;
  }

  @FieldResolver(() => ParticipationConnection, { description: 'Everyone it names (entities and countries), in the order recorded; role narrows.' })
  participants(
    @Root() action: GovernmentAction,
    @Arg('role', () => [ParticipantRole], { nullable: true, description: 'Only participants in these roles.' }) role: ParticipantRole[] | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return new ActionService(ctx).participantsOf(action.id, role, pageOf(page));
  }

  @FieldResolver(() => ParticipationConnection, { description: 'The TARGET participants that are entities, filterable by the entity\'s own fields; by entity name.' })
  targets(
    @Root() action: GovernmentAction,
    @Arg('filter', () => EntityFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: EntityFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return new ActionService(ctx).targetsOf(action.id, filter, pageOf(page));
  }

  @FieldResolver(() => [Country], { description: 'Countries that signed it (SIGNATORY), by name.' })
  signatories(@Root() action: GovernmentAction, @Ctx() ctx: Context) {
    return countriesInRoles(ctx, 'GovernmentAction.signatories', [ParticipantRole.SIGNATORY], action.id);
  }

  @FieldResolver(() => [Country], { description: 'Countries it is about (SUBJECT or TARGET), by name.' })
  concerns(@Root() action: GovernmentAction, @Ctx() ctx: Context) {
    return countriesInRoles(ctx, 'GovernmentAction.concerns', [ParticipantRole.SUBJECT, ParticipantRole.TARGET], action.id);
  }

  @FieldResolver(() => [TechnologyCategory], { description: 'Technology categories of its targets, by name.' })
  technologies(@Root() action: GovernmentAction, @Ctx() ctx: Context): Promise<TechnologyCategory[]> {
    return ctx.loaders
      .listsByParent<TechnologyCategory, number>(
        'GovernmentAction.technologies',
        (ids) =>
          ctx
            .knex('participation as p')
            .distinct('t.*', 'p.action_id as __parent')
            .join('entity_technology as et', 'et.entity_id', 'p.entity_id')
            .join('technology_category as t', 't.id', 'et.technology_category_id')
            .whereIn('p.action_id', ids)
            .where('p.role', ParticipantRole.TARGET)
            .whereNull('p.deleted_at')
            .whereNull('t.deleted_at')
            .orderBy('t.name'),
        (row) => ctx.loaders.map(TechnologyCategory, row),
      )
      .load(action.id);
  }

  @FieldResolver(() => [ActionRelationView], { description: 'Related actions, read from this action (the later letter RESPONDS_TO, the earlier is RESPONDED_TO_BY).' })
  async related(
    @Root() action: GovernmentAction,
    @Arg('kind', () => [ActionRelationKind], { nullable: true, description: 'Only relations of these kinds (read from this record).' }) kind: ActionRelationKind[] | null,
    @Ctx() ctx: Context,
  ): Promise<ActionRelationView[]> {
    const all = await relationsOf(ctx, 'action_relation', action.id, (row, outgoing) => {
      const stored = row.kind as ActionRelationKind;
      return new ActionRelationView(outgoing ? stored : INVERSE_ACTION_RELATION[stored], (outgoing ? row.to_id : row.from_id) as number);
    });
    return kind?.length ? all.filter((r) => kind.includes(r.kind)) : all;
  }

  @FieldResolver(() => [Source], { description: 'Where the facts about this action come from.' })
  sources(@Root() action: GovernmentAction, @Ctx() ctx: Context) {
    return sourcesVia(ctx, 'action_source', 'action_id', action.id);
  }
}

@Resolver(() => ActionRelationView)
export class ActionRelationResolver {
  @FieldResolver(() => GovernmentAction, { description: 'The action at the other end.' })
  async action(@Root() relation: ActionRelationView, @Ctx() ctx: Context) {
    return load.action(ctx, relation.otherActionId);
  }
}

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => GovernmentAction, { description: 'The action.' })
  async action(@Root() participation: Participation, @Ctx() ctx: Context) {
    return load.action(ctx, participation.action.id);
  }

  @FieldResolver(() => LegalEntity, { nullable: true, description: 'The entity named; exactly one of entity / country is set.' })
  async entity(@Root() participation: Participation, @Ctx() ctx: Context) {
    return participation.entity ? load.entity(ctx, participation.entity.id) : null;
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The country named; exactly one of entity / country is set.' })
  async country(@Root() participation: Participation, @Ctx() ctx: Context) {
    return load.country(ctx, participation.country?.code);
  }
}
