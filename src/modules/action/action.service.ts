import type DataLoader from 'dataloader';
import type { Knex } from 'knex';
import type { Context } from '../../graphql/context';
import type { Page } from '../../graphql/connection';
import type { ActionFilter, ActionOrder, EntityFilter } from '../../graphql/filter-inputs';
import { nestedPage, nestedPageLoader } from '../../graphql/nested-page';
import type { PageRequest } from '../../graphql/page-args';
import { paginate, PageQuery, SortKey } from '../../graphql/paginate';
import { actionRollupCount, rollupAnswers } from './action-count-rollup';
import { rootDescendantPairs } from '../../db/sql';
import { findBySlug } from '../../graphql/reference-loaders';
import { checkFilter } from '../../graphql/filter-checks';
import { applyEntityFilter } from '../entity/entity-query';
import { ParticipantRole } from './action-kinds';
import { actionSort, applyActionFilter } from './action-query';
import { GovernmentAction } from './government-action.entity';
import { Participation } from './participation.entity';

type Row = Record<string, unknown>;

/** Prefix of the action's columns read along with its participations. */
const JOINED_ACTION = '__a_';

/** Action and participation reads: lookups and every list of them, top-level and nested. */
export class ActionService {
  constructor(private readonly ctx: Context) {}

  private get knex(): Knex {
    return this.ctx.knex;
  }

  private toAction = (row: Row) => this.ctx.loaders.map(GovernmentAction, row);
  private toParticipation = (row: Row) => this.ctx.loaders.map(Participation, row);
  private toParticipationWithAction = (row: Row) => {
    this.ctx.loaders.primeJoined(GovernmentAction, 'government_action', row, JOINED_ACTION);
    return this.toParticipation(row);
  };

  bySlug(slug: string): Promise<GovernmentAction | null> {
    return findBySlug(this.ctx, GovernmentAction, 'government_action', slug);
  }

  async byId(id: number): Promise<GovernmentAction | null> {
    const action = await this.ctx.loaders.byKey<GovernmentAction, number>(GovernmentAction, 'government_action').load(id);
    return action && !action.deletedAt ? action : null;
  }

  /** The top-level list; `wantsTotal` when totalCount is asked for, so a rollup's count is read with the page. */
  async page(filter: ActionFilter | null | undefined, orderBy: ActionOrder[] | null | undefined, page: PageRequest, wantsTotal = false): Promise<Page<unknown>> {
    await checkFilter(this.ctx, 'filter', filter);
    const base = applyActionFilter(this.knex, this.knex('government_action as a').select('a.*'), filter);
    const sort = actionSort(this.knex, base, orderBy);
    const countQuery = rollupAnswers(filter) ? actionRollupCount(this.knex, filter) : undefined;
    const statementKey = `actions:${JSON.stringify([filter, orderBy])}`;
    return paginate<Row>(this.knex, { base, sort, toNode: this.toAction, countQuery, countWithPage: wantsTotal, statementKey }, page);
  }

  /** Actions under a parent; `parentOf` adds the join that yields `__parent` and restricts to `parents`. */
  private nestedActions<K extends string | number>(
    field: string,
    parent: K,
    filter: ActionFilter | null | undefined,
    page: PageRequest,
    parentOf: (q: Knex.QueryBuilder, parents: K[]) => Knex.QueryBuilder,
  ): Promise<Page<unknown>> {
    return nestedPage(this.ctx, field, { filter, page }, parent, (parents) => {
      const base = applyActionFilter(this.knex, parentOf(this.knex('government_action as a').select('a.*'), parents), filter);
      return { base, sort: actionSort(this.knex, base, null), toNode: this.toAction };
    });
  }

  /** Country.actionsIssued: issued by an authority of the country. */
  issuedBy(code: string, filter: ActionFilter | null | undefined, page: PageRequest): Promise<Page<unknown>> {
    return this.nestedActions('Country.actionsIssued', code, filter, page, (q, codes) =>
      q.join('authority as au', 'au.id', 'a.authority_id').select('au.country_code as __parent').whereIn('au.country_code', codes),
    );
  }

  /** Country.actionsSigned / actionsConcerning: the country takes part in one of `roles`. */
  withCountryIn(field: string, roles: ParticipantRole[], code: string, filter: ActionFilter | null | undefined, page: PageRequest): Promise<Page<unknown>> {
    return this.nestedActions(field, code, filter, page, (q, codes) => {
      // Distinct pairs: a country named twice in one action (say SUBJECT and TARGET) counts once.
      const named = this.knex('participation as cp')
        .distinct('cp.action_id', 'cp.country_code')
        .whereIn('cp.role', roles)
        .whereIn('cp.country_code', codes)
        .whereNull('cp.deleted_at');
      return q.join(named.as('cp'), 'cp.action_id', 'a.id').select('cp.country_code as __parent');
    });
  }

  /** Authority.actions: issued by the authority or one of its sub-authorities. */
  ofAuthority(authorityId: number, filter: ActionFilter | null | undefined, page: PageRequest): Promise<Page<unknown>> {
    return this.nestedActions('Authority.actions', authorityId, filter, page, (q, ids) =>
      q.join(rootDescendantPairs(this.knex, 'authority', ids).wrap('', ' as tree'), 'tree.id', 'a.authority_id').select('tree.root as __parent'),
    );
  }

  /** Entity.participations: what named the entity, newest first. */
  participationsOf(entityId: number, roles: ParticipantRole[] | null | undefined, filter: ActionFilter | null | undefined, page: PageRequest): Promise<Page<unknown>> {
    return this.participationsLoader(roles, filter, page).load(entityId);
  }

  /** The loader of Entity.participations pages for these arguments (see nestedPageLoader). */
  participationsLoader(roles: ParticipantRole[] | null | undefined, filter: ActionFilter | null | undefined, page: PageRequest): DataLoader<number, Page<unknown>> {
    const args = { roles: roles?.length ? roles : null, filter: filter ?? null, page };
    return nestedPageLoader(this.ctx, 'Entity.participations', args, (ids: number[]) => this.participationsQuery(ids, roles, filter));
  }

  /**
   * The rows of Entity.participations, for the entities `ids`: a list, or a subquery that selects
   * them (entity-page-statement.ts reads the page in the statement that finds the entity).
   */
  participationsQuery(ids: readonly number[] | Knex.QueryBuilder, roles: ParticipantRole[] | null | undefined, filter: ActionFilter | null | undefined): PageQuery<Row> {
    // The action comes with each participation (it is joined for the order anyway), so
    // `participation.action` costs no statement of its own.
    const build = () => {
      const base = this.knex('participation as p')
        .select('p.*', 'p.entity_id as __parent', this.knex.raw('a.occurred_on::text as __s0'), this.ctx.loaders.joinedColumns(GovernmentAction, 'a', JOINED_ACTION))
        .join('government_action as a', 'a.id', 'p.action_id')
        .whereIn('p.entity_id', ids as number[])
        .whereNull('p.deleted_at');
      if (roles?.length) base.whereIn('p.role', roles);
      return applyActionFilter(this.knex, base, filter);
    };
    const sort: SortKey[] = [
      { column: '__s0', direction: 'desc' },
      { column: 'id', direction: 'desc' },
    ];
    // Built when first read: a page whose statement is cached (statement-cache.ts) reads it
    // only to count, and most clients ask for no totalCount.
    let base: Knex.QueryBuilder | undefined;
    return {
      get base() {
        return (base ??= build());
      },
      sort,
      toNode: this.toParticipationWithAction,
    };
  }

  /** GovernmentAction.participants: everyone the action names, in the order recorded. */
  participantsOf(actionId: number, roles: ParticipantRole[] | null | undefined, page: PageRequest): Promise<Page<unknown>> {
    return nestedPage(this.ctx, 'GovernmentAction.participants', { roles, page }, actionId, (ids) => {
      const base = this.knex('participation as p').select('p.*', 'p.action_id as __parent').whereIn('p.action_id', ids).whereNull('p.deleted_at');
      if (roles?.length) base.whereIn('p.role', roles);
      return { base, sort: [{ column: 'id', direction: 'asc' }], toNode: this.toParticipation };
    });
  }

  /** GovernmentAction.targets: TARGET entities, filtered by the entity's own fields, by name. */
  targetsOf(actionId: number, filter: EntityFilter | null | undefined, page: PageRequest): Promise<Page<unknown>> {
    return nestedPage(this.ctx, 'GovernmentAction.targets', { filter, page }, actionId, (ids) => {
      const base = this.knex('participation as p')
        .select('p.*', 'p.action_id as __parent', 'e.name as __s0')
        .join('entity as e', 'e.id', 'p.entity_id')
        .whereIn('p.action_id', ids)
        .where('p.role', ParticipantRole.TARGET)
        .whereNull('p.deleted_at');
      applyEntityFilter(this.knex, base, filter);
      const sort: SortKey[] = [
        { column: '__s0', direction: 'asc' },
        { column: 'id', direction: 'asc' },
      ];
      return { base, sort, toNode: this.toParticipation };
    });
  }
}
