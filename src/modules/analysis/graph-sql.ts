/**
 * The SQL of the network walk (graph.service.ts): one statement for the roots, one per
 * breadth-first level, one for the edges among the nodes that made it in. Each takes the keys
 * of the nodes it starts from as array parameters (see KeyArrays), so its text is the same
 * whatever the number of nodes, and returns the labels of the nodes it adds: no per-node
 * loading of full rows just to show a name.
 *
 * A node is (type, ikey, skey): ikey is the integer key, skey the country code (the only text
 * key); one of them is null. The service reads rows as arrays, so the order of the selected
 * columns matters: nodes are (type, ikey, skey, label), edges (st, s, tt, t, tk, kind).
 */

/**
 * Named parameters holding the keys of some nodes, one array per type (an empty one matches
 * nothing). They go straight into each branch rather than through a one-row CTE, which hid
 * their values from the planner: it then walked whole indexes in `order by ... limit` order
 * to find no row for an empty array (seconds at 1M).
 */
const K = {
  entities: ':entities::int[]',
  actions: ':actions::int[]',
  countries: ':countries::bpchar[]',
  authorities: ':authorities::int[]',
  lists: ':lists::int[]',
  categories: ':categories::int[]',
};

/**
 * "This array is not empty", for each branch that reads from it. It refers to no column, so
 * PostgreSQL checks it once, before running the branch (a one-time filter), even in a generic
 * plan of a prepared statement, where it does not know the arrays: without it such a plan
 * walks a whole index in `order by ... limit` order to find no row for an empty array.
 */
const has = {
  entities: `cardinality(${K.entities}) > 0`,
  actions: `cardinality(${K.actions}) > 0`,
  countries: `cardinality(${K.countries}) > 0`,
  authorities: `cardinality(${K.authorities}) > 0`,
  lists: `cardinality(${K.lists}) > 0`,
  categories: `cardinality(${K.categories}) > 0`,
};

/** The arrays, as PostgreSQL array literals ('{1,2,3}', '{CN,US}'). */
export interface KeyArrays {
  entities: string;
  actions: string;
  countries: string;
  authorities: string;
  lists: string;
  categories: string;
}

/**
 * The label of the node in columns `<t>.type, <t>.ikey, <t>.skey`, as the `label` field used
 * to read it from the loaded object: name or title; '(deleted)' when it is gone. An entity id
 * merged away reads the entity it was merged into, as fetchDecoded does (EntityService.byId).
 */
const label = (t: string) => `coalesce(case ${t}.type
    when 'Entity' then (select x.name from entity x
      where x.id = coalesce((select r.to_id from entity_redirect r where r.from_id = ${t}.ikey), ${t}.ikey) and x.deleted_at is null)
    when 'GovernmentAction' then (select x.title from government_action x where x.id = ${t}.ikey and x.deleted_at is null)
    when 'Country' then (select x.name::text from country x where x.code = ${t}.skey)
    when 'Authority' then (select x.name::text from authority x where x.id = ${t}.ikey and x.deleted_at is null)
    when 'TechnologyCategory' then (select x.name::text from technology_category x where x.id = ${t}.ikey and x.deleted_at is null)
    when 'SanctionsList' then (select x.name::text from sanctions_list x where x.id = ${t}.ikey and x.deleted_at is null)
  end, '(deleted)')`;

/**
 * The participant of participation `p` is a country or a live entity. Written as a scalar
 * subquery, an index probe per row, because as a join or EXISTS the planner hashed the whole
 * entity table for a few hundred participants: 5 ms of a 13 ms level at 10k.
 */
const liveParticipant = (p: string) =>
  `(${p}.entity_id is null or (select e.deleted_at is null from entity e where e.id = ${p}.entity_id))`;

/** The live roots among the given keys, with their labels (the caller puts them back in the order given). */
export const ROOTS_SQL = `
with v(type, ikey, skey) as (
  select 'Entity', x.id, null::text from entity x where ${has.entities} and x.id = any(${K.entities}) and x.deleted_at is null
  union all
  select 'GovernmentAction', x.id, null from government_action x where ${has.actions} and x.id = any(${K.actions}) and x.deleted_at is null
  union all
  select 'Country', null, x.code::text from country x where ${has.countries} and x.code = any(${K.countries})
  union all
  select 'Authority', x.id, null from authority x where ${has.authorities} and x.id = any(${K.authorities}) and x.deleted_at is null
  union all
  select 'SanctionsList', x.id, null from sanctions_list x where ${has.lists} and x.id = any(${K.lists}) and x.deleted_at is null
  union all
  select 'TechnologyCategory', x.id, null from technology_category x where ${has.categories} and x.id = any(${K.categories}) and x.deleted_at is null
)
select v.type, v.ikey, v.skey, ${label('v')} as label from v`;

/**
 * One breadth-first level: the neighbours of the frontier (the KeyArrays) that are not in the
 * drawing yet (`:in*`, the same per-type arrays of every node in it), each once, in the walk's
 * order (type name, then key; collate "C" as JavaScript compares strings), at most `:room`
 * rows. The caller asks for one more than it can take, so an extra row means "truncated".
 *
 * One branch per kind of edge, reading what the edge's far end is; the near end is in the
 * frontier, hence already in the drawing. Where a node can have thousands of neighbours (a
 * rule's participants, a country's letters, an authority's or a list's actions, a category's
 * entities) a branch reads only its first `:perKind` rows in the walk's order: the walk never
 * takes more than maxNodes neighbours, so 2 * maxNodes rows always hold the ones it takes.
 * Authorities, lists and categories are read one key at a time (unnest + lateral), each
 * through its (key, id) index in id order: with `key = any(array) order by id`, PostgreSQL 15
 * walked the whole id-ordered primary key instead, filtering on the key (a category's
 * entities: 20 ms of a 33 ms level at 1M). Each key's first `:perKind` rows hold the first
 * `:perKind` of all keys together, so the walk takes the same nodes.
 */
export const LEVEL_SQL = `
with n(type, ikey, skey) as (
  select 'GovernmentAction', p.action_id, null::text
  from participation p join government_action a on a.id = p.action_id join entity e on e.id = p.entity_id
  where ${has.entities} and p.entity_id = any(${K.entities}) and p.deleted_at is null and a.deleted_at is null and e.deleted_at is null
  union all
  select 'Entity', x.id, null
  from entity_relation r join entity f on f.id = r.from_id join entity t on t.id = r.to_id
  cross join lateral (values (r.from_id), (r.to_id)) x(id)
  where ${has.entities} and (r.from_id = any(${K.entities}) or r.to_id = any(${K.entities})) and f.deleted_at is null and t.deleted_at is null
  union all
  select 'TechnologyCategory', et.technology_category_id, null
  from entity_technology et join technology_category t on t.id = et.technology_category_id
  where ${has.entities} and et.entity_id = any(${K.entities}) and t.deleted_at is null
  union all
  -- A rule's participants: countries first, then entities by id, as the walk takes them.
  select * from (
    select case when p.entity_id is null then 'Country' else 'Entity' end, p.entity_id, p.country_code::text
    from participation p join government_action a on a.id = p.action_id
    where ${has.actions} and p.action_id = any(${K.actions}) and p.deleted_at is null and a.deleted_at is null and ${liveParticipant('p')}
    order by p.country_code nulls last, p.entity_id limit :perKind) ap
  union all
  select 'GovernmentAction', x.id, null
  from action_relation r join government_action f on f.id = r.from_id join government_action t on t.id = r.to_id
  cross join lateral (values (r.from_id), (r.to_id)) x(id)
  where ${has.actions} and (r.from_id = any(${K.actions}) or r.to_id = any(${K.actions})) and f.deleted_at is null and t.deleted_at is null
  union all
  select o.type, o.id, null
  from government_action a
  cross join lateral (values ('Authority', a.authority_id), ('SanctionsList', a.list_id)) o(type, id)
  where ${has.actions} and a.id = any(${K.actions}) and a.deleted_at is null and o.id is not null
  union all
  select * from (
    select 'GovernmentAction', p.action_id, null::text
    from participation p join government_action a on a.id = p.action_id
    where ${has.countries} and p.country_code = any(${K.countries}) and p.deleted_at is null and a.deleted_at is null
    order by p.action_id limit :perKind) cp
  union all
  select 'GovernmentAction', x.id, null::text
  from unnest(${K.authorities}) k(id) cross join lateral (
    select a.id from government_action a where a.authority_id = k.id and a.deleted_at is null order by a.id limit :perKind) x
  where ${has.authorities}
  union all
  select 'GovernmentAction', x.id, null::text
  from unnest(${K.lists}) k(id) cross join lateral (
    select a.id from government_action a where a.list_id = k.id and a.deleted_at is null order by a.id limit :perKind) x
  where ${has.lists}
  union all
  select 'Entity', x.entity_id, null::text
  from unnest(${K.categories}) k(id) cross join lateral (
    select et.entity_id from entity_technology et join entity e on e.id = et.entity_id
    where et.technology_category_id = k.id and e.deleted_at is null order by et.entity_id limit :perKind) x
  where ${has.categories}
),
fresh as (
  select n.type, n.ikey, n.skey from n
  where case n.type
    when 'Entity' then n.ikey <> all(:inEntities::int[])
    when 'GovernmentAction' then n.ikey <> all(:inActions::int[])
    when 'Country' then n.skey <> all(:inCountries::text[])
    when 'Authority' then n.ikey <> all(:inAuthorities::int[])
    when 'SanctionsList' then n.ikey <> all(:inLists::int[])
    when 'TechnologyCategory' then n.ikey <> all(:inCategories::int[])
  end
  group by n.type, n.ikey, n.skey
  order by n.type collate "C", n.ikey, n.skey collate "C"
  limit :room
)
select f.type, f.ikey, f.skey, ${label('f')} as label
from fresh f
order by f.type collate "C", f.ikey, f.skey collate "C"`;

/**
 * Every edge whose two ends are in the drawing (the KeyArrays hold all its nodes), also
 * between nodes of the outermost ring. Each edge comes once: the tables' unique keys
 * (participation per action, role and participant; relations per from, to and kind; one
 * authority and list per action) leave no duplicates to remove.
 */
export const EDGES_SQL = `
select 'GovernmentAction' as st, p.action_id as s, 'Entity' as tt, p.entity_id as t, null::text as tk, p.role as kind
from participation p join government_action a on a.id = p.action_id
where ${has.actions} and ${has.entities} and p.action_id = any(${K.actions}) and p.entity_id = any(${K.entities})
  and p.deleted_at is null and a.deleted_at is null and ${liveParticipant('p')}
union all
-- Countries apart from entities, action by action through the (action_id, country_code) index
-- of live country rows: as one scan, PostgreSQL intersected the countries' 130,000
-- participations with the actions' at 1M (25 ms, against 2 ms this way).
select 'GovernmentAction', x.action_id, 'Country', null, x.country_code::text, x.role
from unnest(${K.actions}) k(id) join government_action a on a.id = k.id and a.deleted_at is null
cross join lateral (
  select p.action_id, p.country_code, p.role from participation p
  where p.action_id = k.id and p.country_code is not null and p.deleted_at is null and p.country_code = any(${K.countries})) x
where ${has.actions} and ${has.countries}
union all
select 'GovernmentAction', a.id, 'Authority', a.authority_id, null, 'ISSUED_BY'
from government_action a where ${has.actions} and a.id = any(${K.actions}) and a.authority_id = any(${K.authorities}) and a.deleted_at is null
union all
select 'GovernmentAction', a.id, 'SanctionsList', a.list_id, null, 'ON_LIST'
from government_action a where ${has.lists} and a.id = any(${K.actions}) and a.list_id = any(${K.lists}) and a.deleted_at is null
union all
select 'GovernmentAction', r.from_id, 'GovernmentAction', r.to_id, null, r.kind
from action_relation r where ${has.actions} and r.from_id = any(${K.actions}) and r.to_id = any(${K.actions})
union all
select 'Entity', r.from_id, 'Entity', r.to_id, null, r.kind
from entity_relation r where ${has.entities} and r.from_id = any(${K.entities}) and r.to_id = any(${K.entities})
union all
select 'Entity', et.entity_id, 'TechnologyCategory', et.technology_category_id, null, 'IN_CATEGORY'
from entity_technology et where ${has.categories} and et.entity_id = any(${K.entities}) and et.technology_category_id = any(${K.categories})`;
