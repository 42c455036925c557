import type { Knex } from 'knex';
import { descendantIds, epochOf, likePattern } from '../../db/sql';
import { ActionFilter, ActionOrder, ActionOrderField } from '../../graphql/filter-inputs';
import { checkRange } from '../../graphql/filter-checks';
import { intKeysOfType } from '../../graphql/global-id';
import type { SortKey } from '../../graphql/paginate';

/** Narrows `government_action a` by an ActionFilter. */
export function applyActionFilter(knex: Knex, q: Knex.QueryBuilder, filter: ActionFilter | null | undefined): Knex.QueryBuilder {
  const f = filter ?? {};
  checkRange('occurredBetween', f.occurredBetween);
  if (!f.includeDeleted) q.whereNull('a.deleted_at');
  if (f.ids) q.whereIn('a.id', intKeysOfType(f.ids, 'GovernmentAction'));
  applyOwnerFilter(knex, q, 'a', f);
  const countryRole = (roles: string[], codes: string[]) =>
    q.whereIn('a.id', knex('participation').select('action_id').whereIn('role', roles).whereIn('country_code', codes).whereNull('deleted_at'));
  if (f.signatory) countryRole(['SIGNATORY'], f.signatory);
  if (f.concerning) countryRole(['SUBJECT', 'TARGET'], f.concerning);
  if (f.entity) {
    q.whereIn('a.id', knex('participation').select('action_id').whereIn('entity_id', intKeysOfType(f.entity, 'Entity')).whereNull('deleted_at'));
  }
  if (f.technology) {
    q.whereIn(
      'a.id',
      knex('participation as tp')
        .select('tp.action_id')
        .join('entity_technology as et', 'et.entity_id', 'tp.entity_id')
        .where('tp.role', 'TARGET')
        .whereNull('tp.deleted_at')
        .whereIn('et.technology_category_id', descendantIds(knex, 'technology_category', f.technology)),
    );
  }
  if (f.occurredBetween?.from) q.where('a.occurred_on', '>=', f.occurredBetween.from);
  if (f.occurredBetween?.to) q.where('a.occurred_on', '<=', f.occurredBetween.to);
  if (f.tag) q.whereRaw('a.tags && ?::text[]', [f.tag]);
  if (f.text && f.text.trim()) {
    const pattern = likePattern(f.text.trim());
    q.where((w) =>
      w
        .where('a.title', 'ilike', pattern)
        .orWhere('a.summary', 'ilike', pattern)
        .orWhere('a.citation', 'ilike', pattern)
        .orWhere('a.document_number', 'ilike', pattern),
    );
  }
  return q;
}

/** The filters on an action's own key columns (kind, authority, list, issuing country), on a table aliased `alias`. */
export function applyOwnerFilter(knex: Knex, q: Knex.QueryBuilder, alias: string, f: ActionFilter): void {
  if (f.kind) q.whereIn(`${alias}.kind`, f.kind);
  if (f.authority) q.whereIn(`${alias}.authority_id`, descendantIds(knex, 'authority', f.authority));
  if (f.list) q.whereIn(`${alias}.list_id`, knex('sanctions_list').select('id').whereIn('slug', f.list));
  if (f.issuingCountry) q.whereIn(`${alias}.authority_id`, knex('authority').select('id').whereIn('country_code', f.issuingCountry));
}

export const ACTION_DEFAULT_ORDER: ActionOrder[] = [{ field: ActionOrderField.OCCURRED_ON, direction: 'DESC' as ActionOrder['direction'] }];

/** Adds the sort columns of an order to the select; returns the sort keys (id last). */
export function actionSort(knex: Knex, q: Knex.QueryBuilder, orderBy: ActionOrder[] | null | undefined): SortKey[] {
  const keys: SortKey[] = [];
  (orderBy?.length ? orderBy : ACTION_DEFAULT_ORDER).forEach((order, i) => {
    const column = `__s${i}`;
    const direction = order.direction === 'ASC' ? 'asc' : 'desc';
    switch (order.field) {
      case ActionOrderField.OCCURRED_ON:
        q.select(knex.raw('a.occurred_on::text as ??', [column]));
        break;
      case ActionOrderField.TITLE:
        q.select(knex.raw('a.title as ??', [column]));
        break;
      case ActionOrderField.CREATED_AT:
        q.select(knex.raw(`${epochOf('a.created_at')} as ??`, [column]));
        break;
      case ActionOrderField.TARGET_COUNT:
        q.select(
          knex.raw(`(select count(*) from participation cp where cp.action_id = a.id and cp.role = 'TARGET' and cp.deleted_at is null) as ??`, [column]),
        );
        break;
    }
    keys.push({ column, direction, label: order.field });
  });
  keys.push({ column: 'id', direction: keys[keys.length - 1]?.direction ?? 'desc' });
  return keys;
}
