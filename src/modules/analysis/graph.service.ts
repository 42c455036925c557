import type { Knex } from 'knex';
import type { Context } from '../../graphql/context';
import { DecodedId, NodeTypeName, toGlobalId } from '../../graphql/global-id';
import { humanize } from './stats.service';
import { Graph, GraphEdge, GraphNode } from './graph.types';

type Key = string | number;
type GraphType = Extract<NodeTypeName, 'Entity' | 'GovernmentAction' | 'Country' | 'Authority' | 'TechnologyCategory' | 'SanctionsList'>;
export const GRAPH_TYPES: readonly GraphType[] = ['Entity', 'GovernmentAction', 'Country', 'Authority', 'TechnologyCategory', 'SanctionsList'];

interface RawEdge {
  sourceType: GraphType;
  source: Key;
  targetType: GraphType;
  target: Key;
  kind: string;
}

type Row = Record<string, unknown>;

const edge = (sourceType: GraphType, source: unknown, targetType: GraphType, target: unknown, kind: unknown): RawEdge => ({
  sourceType,
  source: source as Key,
  targetType,
  target: target as Key,
  kind: String(kind),
});

/** Live participations joined to live actions (and, for entities, live entities). */
function participations(knex: Knex): Knex.QueryBuilder {
  return knex('participation as p')
    .join('government_action as a', 'a.id', 'p.action_id')
    .leftJoin('entity as e', 'e.id', 'p.entity_id')
    .whereNull('p.deleted_at')
    .whereNull('a.deleted_at')
    .whereNull('e.deleted_at')
    .select('p.action_id', 'p.entity_id', 'p.country_code', 'p.role');
}

const participationEdge = (r: Row) =>
  r.entity_id !== null ? edge('GovernmentAction', r.action_id, 'Entity', r.entity_id, r.role) : edge('GovernmentAction', r.action_id, 'Country', r.country_code, r.role);

/**
 * The edges from a batch of nodes of one type to their neighbours: one statement per kind of
 * edge. Where a node can have thousands of neighbours (an authority's actions, a category's
 * entities, a country's letters, a rule's targets) only the first `limit` rows in the order
 * the walk picks neighbours in (by type, then key) are read: the walk never takes more than
 * maxNodes of them, so 2 * maxNodes rows always hold the ones it takes (see buildGraph).
 */
async function edgesOf(knex: Knex, type: GraphType, keys: Key[], limit: number): Promise<RawEdge[]> {
  const rows = async (q: Knex.QueryBuilder, toEdge: (r: Row) => RawEdge) => ((await q) as Row[]).map(toEdge);
  switch (type) {
    case 'Entity':
      return [
        ...(await rows(participations(knex).whereIn('p.entity_id', keys), participationEdge)),
        ...(await rows(
          knex('entity_relation as r')
            .join('entity as f', 'f.id', 'r.from_id')
            .join('entity as t', 't.id', 'r.to_id')
            .whereNull('f.deleted_at')
            .whereNull('t.deleted_at')
            .where((w) => w.whereIn('r.from_id', keys).orWhereIn('r.to_id', keys))
            .select('r.from_id', 'r.to_id', 'r.kind'),
          (r) => edge('Entity', r.from_id, 'Entity', r.to_id, r.kind),
        )),
        ...(await rows(
          knex('entity_technology as et').join('technology_category as t', 't.id', 'et.technology_category_id').whereNull('t.deleted_at').whereIn('et.entity_id', keys).select('et.entity_id', 'et.technology_category_id'),
          (r) => edge('Entity', r.entity_id, 'TechnologyCategory', r.technology_category_id, 'IN_CATEGORY'),
        )),
      ];
    case 'GovernmentAction':
      return [
        // Countries come before entities in the walk's order, as their participations do here.
        ...(await rows(participations(knex).whereIn('p.action_id', keys).orderByRaw('p.country_code nulls last, p.entity_id').limit(limit), participationEdge)),
        ...(await rows(
          knex('action_relation as r')
            .join('government_action as f', 'f.id', 'r.from_id')
            .join('government_action as t', 't.id', 'r.to_id')
            .whereNull('f.deleted_at')
            .whereNull('t.deleted_at')
            .where((w) => w.whereIn('r.from_id', keys).orWhereIn('r.to_id', keys))
            .select('r.from_id', 'r.to_id', 'r.kind'),
          (r) => edge('GovernmentAction', r.from_id, 'GovernmentAction', r.to_id, r.kind),
        )),
        ...(await actionOwnerEdges(knex('government_action as a').whereIn('a.id', keys))),
      ];
    case 'Country':
      return rows(participations(knex).whereIn('p.country_code', keys).orderBy('p.action_id').limit(limit), participationEdge);
    case 'Authority':
      return actionOwnerEdges(knex('government_action as a').whereIn('a.authority_id', keys).limit(limit), 'authority');
    case 'SanctionsList':
      return actionOwnerEdges(knex('government_action as a').whereIn('a.list_id', keys).limit(limit), 'list');
    case 'TechnologyCategory':
      return rows(
        knex('entity_technology as et')
          .join('entity as e', 'e.id', 'et.entity_id')
          .whereNull('e.deleted_at')
          .whereIn('et.technology_category_id', keys)
          .select('et.entity_id', 'et.technology_category_id')
          .orderBy('et.entity_id')
          .limit(limit),
        (r) => edge('Entity', r.entity_id, 'TechnologyCategory', r.technology_category_id, 'IN_CATEGORY'),
      );
  }
}

/** Action -> authority (ISSUED_BY) and action -> list (ON_LIST) edges of some actions. */
async function actionOwnerEdges(actions: Knex.QueryBuilder, only?: 'authority' | 'list'): Promise<RawEdge[]> {
  const rows = (await actions.whereNull('a.deleted_at').select('a.id', 'a.authority_id', 'a.list_id').orderBy('a.id')) as Row[];
  const edges: RawEdge[] = [];
  for (const r of rows) {
    if (only !== 'list') edges.push(edge('GovernmentAction', r.id, 'Authority', r.authority_id, 'ISSUED_BY'));
    if (only !== 'authority' && r.list_id !== null) edges.push(edge('GovernmentAction', r.id, 'SanctionsList', r.list_id, 'ON_LIST'));
  }
  return edges;
}

/**
 * Every edge whose two ends are both in the drawing: one statement per kind of edge, each
 * bounded by the drawing's own nodes however many neighbours they have outside it.
 */
async function edgesAmong(knex: Knex, nodes: Iterable<DecodedId>): Promise<RawEdge[]> {
  const keys = Object.fromEntries(GRAPH_TYPES.map((t) => [t, [] as Key[]])) as Record<GraphType, Key[]>;
  for (const n of nodes) keys[n.type as GraphType].push(n.key);
  const { Entity: entities, GovernmentAction: actions, Country: countries, TechnologyCategory: categories } = keys;
  const rows = async (q: Knex.QueryBuilder, toEdge: (r: Row) => RawEdge) => ((await q) as Row[]).map(toEdge);
  const edges: RawEdge[] = [];
  if (actions.length && (entities.length || countries.length)) {
    edges.push(...(await rows(participations(knex).whereIn('p.action_id', actions).where((w) => w.whereIn('p.entity_id', entities).orWhereIn('p.country_code', countries)), participationEdge)));
  }
  if (actions.length) {
    edges.push(...(await actionOwnerEdges(knex('government_action as a').whereIn('a.id', actions))));
    if (actions.length > 1) {
      edges.push(
        ...(await rows(knex('action_relation as r').whereIn('r.from_id', actions).whereIn('r.to_id', actions).select('r.from_id', 'r.to_id', 'r.kind'), (r) =>
          edge('GovernmentAction', r.from_id, 'GovernmentAction', r.to_id, r.kind),
        )),
      );
    }
  }
  if (entities.length > 1) {
    edges.push(
      ...(await rows(knex('entity_relation as r').whereIn('r.from_id', entities).whereIn('r.to_id', entities).select('r.from_id', 'r.to_id', 'r.kind'), (r) => edge('Entity', r.from_id, 'Entity', r.to_id, r.kind))),
    );
  }
  if (entities.length && categories.length) {
    edges.push(
      ...(await rows(knex('entity_technology as et').whereIn('et.entity_id', entities).whereIn('et.technology_category_id', categories).select('et.entity_id', 'et.technology_category_id'), (r) =>
        edge('Entity', r.entity_id, 'TechnologyCategory', r.technology_category_id, 'IN_CATEGORY'),
      )),
    );
  }
  return edges;
}

const nodeKey = (type: GraphType, key: Key) => `${type}:${key}`;

/** The walk's order: by type name, then ids numerically (country codes, the only text keys, alphabetically). */
function byTypeThenKey(a: { type: GraphType; key: Key }, b: { type: GraphType; key: Key }): number {
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  if (typeof a.key === 'number' && typeof b.key === 'number') return a.key - b.key;
  const [x, y] = [String(a.key), String(b.key)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Which roots exist (and are not deleted), in the order given. */
async function liveRoots(knex: Knex, roots: DecodedId[]): Promise<DecodedId[]> {
  const tables: Record<GraphType, [string, string]> = {
    Entity: ['entity', 'id'],
    GovernmentAction: ['government_action', 'id'],
    Country: ['country', 'code'],
    Authority: ['authority', 'id'],
    TechnologyCategory: ['technology_category', 'id'],
    SanctionsList: ['sanctions_list', 'id'],
  };
  const alive = new Set<string>();
  for (const type of GRAPH_TYPES) {
    const keys = roots.filter((r) => r.type === type).map((r) => r.key);
    if (!keys.length) continue;
    const [table, column] = tables[type];
    const q = knex(table).whereIn(column, keys).select(`${column} as key`);
    if (type !== 'Country') q.whereNull('deleted_at');
    for (const row of (await q) as Row[]) alive.add(nodeKey(type, row.key as Key));
  }
  return roots.filter((r) => alive.has(nodeKey(r.type as GraphType, r.key)));
}

/**
 * Breadth-first walk from the roots, `depth` hops out, one batch of statements per level and
 * node type. Stops adding nodes at maxNodes (and says so); then reads every edge among the
 * nodes that made it in (also between nodes of the outermost ring, which is not expanded).
 */
export async function buildGraph(ctx: Context, roots: DecodedId[], depth: number, maxNodes: number): Promise<Graph> {
  const { knex } = ctx;
  const included = new Map<string, DecodedId>();
  for (const root of await liveRoots(knex, roots)) {
    if (included.size >= maxNodes) break;
    included.set(nodeKey(root.type as GraphType, root.key), root);
  }
  let truncated = roots.length > included.size && included.size >= maxNodes;
  // At most maxNodes neighbours are ever taken, some of them perhaps already in: the first
  // 2 * maxNodes rows of a kind of edge (in the walk's order) always contain them.
  const rowsPerQuery = 2 * maxNodes + 10;
  let frontier = [...included.values()];
  for (let level = 0; level < depth && frontier.length; level++) {
    const found: RawEdge[] = [];
    for (const type of GRAPH_TYPES) {
      const keys = frontier.filter((n) => n.type === type).map((n) => n.key);
      if (keys.length) found.push(...(await edgesOf(knex, type, keys, rowsPerQuery)));
    }
    const next: DecodedId[] = [];
    // Deterministic order: neighbours sorted by type and key before the cut at maxNodes.
    const neighbours = found
      .flatMap((e) => [
        { type: e.sourceType, key: e.source },
        { type: e.targetType, key: e.target },
      ])
      .sort(byTypeThenKey);
    for (const n of neighbours) {
      const k = nodeKey(n.type, n.key);
      if (included.has(k)) continue;
      if (included.size >= maxNodes) {
        truncated = true;
        continue;
      }
      const ref = { type: n.type, key: n.key } as DecodedId;
      included.set(k, ref);
      next.push(ref);
    }
    frontier = next;
  }
  const edges = new Map<string, RawEdge>();
  for (const e of await edgesAmong(knex, included.values())) {
    const source = nodeKey(e.sourceType, e.source);
    const target = nodeKey(e.targetType, e.target);
    if (included.has(source) && included.has(target)) edges.set(`${source}>${target}>${e.kind}`, e);
  }
  const globalId = (type: GraphType, key: Key) => toGlobalId(type, key);
  return Object.assign(new Graph(), {
    nodes: [...included.values()].map((ref) => new GraphNode(ref, globalId(ref.type as GraphType, ref.key))),
    edges: [...edges.values()].map((e) =>
      Object.assign(new GraphEdge(), { source: globalId(e.sourceType, e.source), target: globalId(e.targetType, e.target), kind: e.kind, label: humanize(e.kind) }),
    ),
    truncated,
  });
}
