import type { Knex } from 'knex';
import type { Context } from '../../graphql/context';
import { DecodedId, NodeTypeName, toGlobalId } from '../../graphql/global-id';
import { humanize } from './stats.service';
import { EDGES_SQL, KeyArrays, LEVEL_SQL, ROOTS_SQL } from './graph-sql';
import { Graph, GraphEdge, GraphNode } from './graph.types';

type Key = string | number;
type GraphType = Extract<NodeTypeName, 'Entity' | 'GovernmentAction' | 'Country' | 'Authority' | 'TechnologyCategory' | 'SanctionsList'>;
export const GRAPH_TYPES: readonly GraphType[] = ['Entity', 'GovernmentAction', 'Country', 'Authority', 'TechnologyCategory', 'SanctionsList'];

/**
 * Rows come as arrays (pg's rowMode 'array'), in the column order of graph-sql's statements:
 * a drawing reads a few thousand of them, and arrays are cheaper to build than keyed objects.
 * A node row: type, integer key, country code (one of the two keys is null), label.
 */
type NodeRow = [type: GraphType, ikey: number | null, skey: string | null, label: string];
/** An edge row of EDGES_SQL: sources always have integer keys; a target has a country code or an integer key. */
type EdgeRow = [st: GraphType, s: number, tt: GraphType, t: number | null, tk: string | null, kind: string];

/**
 * The nodes of the drawing so far, per type and key, in the order they were reached. Each
 * node's global id is computed once here; edges look their ends up instead of encoding them
 * again (a 500-node drawing has a few thousand edge ends).
 */
class Drawing {
  readonly nodes: GraphNode[] = [];
  private readonly byType = new Map<GraphType, Map<Key, GraphNode>>(GRAPH_TYPES.map((t) => [t, new Map()]));

  get size(): number {
    return this.nodes.length;
  }

  get(type: GraphType, key: Key): GraphNode | undefined {
    return this.byType.get(type)!.get(key);
  }

  add(type: GraphType, key: Key, label: string): GraphNode {
    const node = new GraphNode({ type, key } as DecodedId, toGlobalId(type, key), label);
    this.byType.get(type)!.set(key, node);
    this.nodes.push(node);
    return node;
  }

  /** The keys of every node, as the per-type array parameters of graph-sql (KeyArrays). */
  keys(): KeyArrays {
    return keyArrays(this.nodes.map((n) => n.ref));
  }
}

/**
 * The per-type key arrays, as PostgreSQL array literals: each array appears in several
 * branches of a statement, and pg would otherwise quote and join every element again for
 * each appearance. Keys are integers or two-letter country codes (checked when decoded or
 * read from the database), so they need no quoting.
 */
function keyArrays(refs: readonly DecodedId[]): KeyArrays {
  const lists: Record<keyof KeyArrays, Key[]> = { entities: [], actions: [], countries: [], authorities: [], lists: [], categories: [] };
  for (const { type, key } of refs) lists[ARRAY_OF[type as GraphType]].push(key);
  const literal = (keys: Key[]) => `{${keys.join(',')}}`;
  return {
    entities: literal(lists.entities),
    actions: literal(lists.actions),
    countries: literal(lists.countries),
    authorities: literal(lists.authorities),
    lists: literal(lists.lists),
    categories: literal(lists.categories),
  };
}

const ARRAY_OF: Record<GraphType, keyof KeyArrays> = {
  Entity: 'entities',
  GovernmentAction: 'actions',
  Country: 'countries',
  Authority: 'authorities',
  SanctionsList: 'lists',
  TechnologyCategory: 'categories',
};

const inclusion = (k: KeyArrays) => ({
  inEntities: k.entities,
  inActions: k.actions,
  inCountries: k.countries,
  inAuthorities: k.authorities,
  inLists: k.lists,
  inCategories: k.categories,
});

/** Runs one of graph-sql's statements; its named parameters come from `bindings`. */
async function rows<T>(knex: Knex, sql: string, bindings: object): Promise<T[]> {
  return ((await knex.raw(sql, bindings as Knex.ValueDict).options({ rowMode: 'array' })) as { rows: T[] }).rows;
}

const keyOf = (r: NodeRow): Key => (r[2] ?? r[1]) as Key;

/** Edge labels: a handful of kinds, humanized once each. */
const edgeLabels = new Map<string, string>();
const edgeLabel = (kind: string) => {
  let text = edgeLabels.get(kind);
  if (text === undefined) edgeLabels.set(kind, (text = humanize(kind)));
  return text;
};

/**
 * Breadth-first walk from the roots, `depth` hops out: one statement for the roots, one per
 * level (returning only the new nodes, sorted and cut at maxNodes, with their labels), one
 * for every edge among the nodes that made it in (also between nodes of the outermost ring,
 * which is not expanded). Stops adding nodes at maxNodes, and says so.
 */
export async function buildGraph(ctx: Context, roots: DecodedId[], depth: number, maxNodes: number): Promise<Graph> {
  const { knex } = ctx;
  const drawing = new Drawing();
  const live = new Map<GraphType, Map<Key, string>>(GRAPH_TYPES.map((t) => [t, new Map()]));
  if (roots.length) {
    for (const r of await rows<NodeRow>(knex, ROOTS_SQL, keyArrays(roots))) live.get(r[0])!.set(keyOf(r), r[3]);
  }
  // The live roots in the order given, each once.
  for (const root of roots) {
    const type = root.type as GraphType;
    const label = live.get(type)!.get(root.key);
    if (label === undefined || drawing.get(type, root.key)) continue;
    if (drawing.size >= maxNodes) break;
    drawing.add(type, root.key, label);
  }
  let truncated = roots.length > drawing.size && drawing.size >= maxNodes;
  // Each branch of a level reads its first maxNodes + 1 distinct nodes in the walk's order:
  // always enough to hold the ones the walk takes (see graph_level in Migration20261129100000).
  const perKind = maxNodes + 1;
  let frontier = drawing.nodes.map((n) => n.ref);
  for (let level = 0; level < depth && frontier.length; level++) {
    const room = maxNodes - drawing.size;
    // One row more than there is room for: if it comes, a neighbour was left out.
    const found = await rows<NodeRow>(knex, LEVEL_SQL, { ...keyArrays(frontier), ...inclusion(drawing.keys()), perKind, room: room + 1 });
    if (found.length > room) truncated = true;
    frontier = [];
    for (let i = 0; i < found.length && i < room; i++) frontier.push(drawing.add(found[i][0], keyOf(found[i]), found[i][3]).ref);
  }
  const edges: GraphEdge[] = [];
  if (drawing.size > 1) {
    for (const [st, s, tt, t, tk, kind] of await rows<EdgeRow>(knex, EDGES_SQL, drawing.keys())) {
      const source = drawing.get(st, s)!;
      const target = drawing.get(tt, (tk ?? t) as Key)!;
      edges.push(new GraphEdge(source.id, target.id, kind, edgeLabel(kind)));
    }
  }
  return Object.assign(new Graph(), { nodes: drawing.nodes, edges, truncated });
}
