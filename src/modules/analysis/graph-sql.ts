/**
 * The SQL of the network walk (graph.service.ts): one statement for the roots, one per
 * breadth-first level, one for the edges among the nodes that made it in. Each takes the keys
 * of the nodes it starts from as array parameters (see KeyArrays), so its text is the same
 * whatever the number of nodes, and returns the labels of the nodes it adds: no per-node
 * loading of full rows just to show a name.
 *
 * Each statement is a plpgsql function (migrations/Migration20261129100000.ts, which says what
 * each branch reads and why) that runs one generic plan kept for the session: as prepared
 * statements, PostgreSQL planned them again on every run, which cost more than running them.
 *
 * A node is (type, ikey, skey): ikey is the integer key, skey the country code (the only text
 * key); one of them is null. The service reads rows as arrays, so the order of the columns
 * matters: nodes are (type, ikey, skey, label), edges (st, s, tt, t, tk, kind).
 */

/** Named parameters holding the keys of some nodes, one array per type (an empty one matches nothing). */
const K = `:entities::int[], :actions::int[], :countries::bpchar[], :authorities::int[], :lists::int[], :categories::int[]`;

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
 * The live roots among the given keys, with their labels (the caller puts them back in the
 * order given). A label is the name or title, '(deleted)' when the object is gone; an entity
 * id merged away reads the entity it was merged into, as fetchDecoded does (EntityService.byId).
 */
export const ROOTS_SQL = `select * from graph_roots(${K})`;

/**
 * One breadth-first level: the neighbours of the frontier (the KeyArrays) that are not in the
 * drawing yet (`:in*`, the same per-type arrays of every node in it), each once, in the walk's
 * order (type name, then key; collate "C" as JavaScript compares strings), at most `:room`
 * rows, with their labels. The caller asks for one more than it can take, so an extra row
 * means "truncated". Where a node can have thousands of neighbours, a branch reads only its
 * first `:perKind` distinct nodes in the walk's order.
 */
export const LEVEL_SQL = `
select * from graph_level(
  ${K},
  :inEntities::int[], :inActions::int[], :inCountries::text[], :inAuthorities::int[], :inLists::int[], :inCategories::int[],
  :perKind::int, :room::int)`;

/** Every edge whose two ends are in the drawing (the KeyArrays hold all its nodes), also between nodes of the outermost ring. */
export const EDGES_SQL = `select * from graph_edges(${K})`;
