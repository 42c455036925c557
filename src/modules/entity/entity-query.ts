import type { Knex } from 'knex';
import { descendantIds, epochOf, likePattern, inForceOn } from '../../db/sql';
import { EntityFilter, EntityOrder, EntityOrderField } from '../../graphql/filter-inputs';
import { checkRange } from '../../graphql/filter-checks';
import { intKeysOfType } from '../../graphql/global-id';
import type { SortKey } from '../../graphql/paginate';

/** `select e.* from entity e` narrowed by an EntityFilter; `alias` must be "e". */
export function applyEntityFilter(knex: Knex, q: Knex.QueryBuilder, filter: EntityFilter | null | undefined): Knex.QueryBuilder {
  const f = filter ?? {};
  checkRange('targetedBetween', f.targetedBetween);
  if (!f.includeDeleted) q.whereNull('e.deleted_at');
  if (f.ids) q.whereIn('e.id', intKeysOfType(f.ids, 'Entity'));
  if (f.kind) q.whereIn('e.kind', f.kind);
  if (f.country) q.whereIn('e.country_code', f.country);
  if (f.technology) {
    q.whereIn('e.id', knex('entity_technology as et').select('et.entity_id').whereIn('et.technology_category_id', descendantIds(knex, 'technology_category', f.technology)));
  }
  if (f.targetedBy || f.authority || f.targetedBetween) {
    // One action must satisfy all three: "targeted by a BIS listing in 2019".
    q.whereExists(function targeted() {
      this.select(knex.raw('1'))
        .from('participation as tp')
        .join('government_action as ta', 'ta.id', 'tp.action_id')
        .whereRaw('tp.entity_id = e.id')
        .where('tp.role', 'TARGET')
        .whereNull('tp.deleted_at')
        .whereNull('ta.deleted_at');
      if (f.targetedBy) this.whereIn('ta.kind', f.targetedBy);
      if (f.authority) this.whereIn('ta.authority_id', descendantIds(knex, 'authority', f.authority));
      if (f.targetedBetween?.from) this.where('ta.occurred_on', '>=', f.targetedBetween.from);
      if (f.targetedBetween?.to) this.where('ta.occurred_on', '<=', f.targetedBetween.to);
    });
  }
  if (f.list || f.activeOn) {
    q.whereExists(function listed() {
      this.select(knex.raw('1')).from('listing_period as lp').whereRaw('lp.entity_id = e.id');
      if (f.list) this.whereIn('lp.list_id', knex('sanctions_list').select('id').whereIn('slug', f.list));
      if (f.activeOn) inForceOn(this, f.activeOn);
    });
  }
  if (f.text && f.text.trim()) {
    const text = f.text.trim();
    const pattern = likePattern(text);
    q.where((w) =>
      w
        .where('e.name', 'ilike', pattern)
        .orWhereRaw('exists (select 1 from unnest(e.aliases) alias where alias ilike ?)', [pattern])
        .orWhereRaw('lower(e.name) % lower(?)', [text]),
    );
  }
  return q;
}

/**
 * The columns each GraphQL field of Entity reads from its record. Fields mapped to none (the
 * global id, and the lists its loaders fetch) need only the id, which is always read.
 */
const COLUMNS_OF_FIELD: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  createdAt: ['created_at'],
  updatedAt: ['updated_at'],
  version: ['version'],
  slug: ['slug'],
  kind: ['kind'],
  name: ['name'],
  aliases: ['aliases'],
  country: ['country_code'],
  addresses: ['addresses'],
  identifiers: ['identifiers'],
  description: ['description'],
  website: ['website'],
  verified: ['verified'],
  note: ['note'],
  technologies: [],
  relations: [],
  participations: [],
  listings: [],
  sources: [],
};
/** Read for every list: the key, and the soft-delete mark that lookups check. */
const ALWAYS = ['id', 'deleted_at'];
/** Columns no GraphQL field of Entity reads (search and screening keys). */
const UNREAD_COLUMNS = new Set(['search_text', 'name_key']);

/**
 * The `e.` columns a list of entities needs for the fields selected on its nodes: a page of
 * 100 names reads their keys and names, not every column of the row (each one the driver
 * parses, timestamps into Dates). A field this table does not know (one added to Entity later)
 * reads every column, so it can never find its value missing. The records are partial: they
 * serve this list's fields only, and are never cached in a loader.
 */
export function entityListColumns(allColumns: readonly string[], fields: ReadonlySet<string>): string[] {
  if ([...fields].some((field) => !(field in COLUMNS_OF_FIELD))) return allColumns.filter((c) => !UNREAD_COLUMNS.has(c)).map((c) => `e.${c}`);
  const wanted = new Set([...ALWAYS, ...[...fields].flatMap((field) => COLUMNS_OF_FIELD[field])]);
  return allColumns.filter((c) => wanted.has(c)).map((c) => `e.${c}`);
}

export const ENTITY_DEFAULT_ORDER: EntityOrder[] = [{ field: EntityOrderField.NAME, direction: 'ASC' as EntityOrder['direction'] }];

/** Adds the sort columns an order needs to the select and returns the sort keys (id last). */
export function entitySort(knex: Knex, q: Knex.QueryBuilder, orderBy: EntityOrder[] | null | undefined): SortKey[] {
  const keys: SortKey[] = [];
  (orderBy?.length ? orderBy : ENTITY_DEFAULT_ORDER).forEach((order, i) => {
    const column = `__s${i}`;
    const direction = order.direction === 'DESC' ? 'desc' : 'asc';
    switch (order.field) {
      case EntityOrderField.NAME:
        q.select(knex.raw('e.name as ??', [column]));
        break;
      case EntityOrderField.CREATED_AT:
        q.select(knex.raw(`${epochOf('e.created_at')} as ??`, [column]));
        break;
      case EntityOrderField.UPDATED_AT:
        q.select(knex.raw(`${epochOf('e.updated_at')} as ??`, [column]));
        break;
      case EntityOrderField.FIRST_TARGETED_ON:
        // Never-targeted entities sort as 'infinity' (last when ascending): sort keys are never null.
        q.select(
          knex.raw(
            `coalesce((select min(fa.occurred_on) from participation fp join government_action fa on fa.id = fp.action_id
               where fp.entity_id = e.id and fp.role = 'TARGET' and fp.deleted_at is null and fa.deleted_at is null), 'infinity'::date)::text as ??`,
            [column],
          ),
        );
        break;
    }
    keys.push({ column, direction, label: order.field });
  });
  keys.push({ column: 'id', direction: keys[keys.length - 1]?.direction ?? 'asc' });
  return keys;
}
