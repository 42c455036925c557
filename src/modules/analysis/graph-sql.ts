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
 * rows, as (type, ikey, skey, label). The caller asks for one more than it can take, so an
 * extra row means "truncated". Where a node can have thousands of neighbours, a branch reads
 * only its first `:perKind` rows in the walk's order.
 *
 * The statement is the plpgsql function graph_level (migrations/Migration20261129100000.ts,
 * which says what each branch reads and why): run as one generic plan kept for the session,
 * where a prepared statement was planned again on every run.
 */
export const LEVEL_SQL = `
select * from graph_level(
  ${K.entities}, ${K.actions}, ${K.countries}, ${K.authorities}, ${K.lists}, ${K.categories},
  :inEntities::int[], :inActions::int[], :inCountries::text[], :inAuthorities::int[], :inLists::int[], :inCategories::int[],
  :perKind::int, :room::int)`;

/**
 * Every edge whose two ends are in the drawing (the KeyArrays hold all its nodes), also
 * between nodes of the outermost ring, as (st, s, tt, t, tk, kind): the plpgsql function
 * graph_edges (migrations/Migration20261129100000.ts), one generic plan as graph_level.
 */
export const EDGES_SQL = `
select * from graph_edges(${K.entities}, ${K.actions}, ${K.countries}, ${K.authorities}, ${K.lists}, ${K.categories})`;
