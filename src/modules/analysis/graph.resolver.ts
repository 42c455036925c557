import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { fetchDecoded } from '../../graphql/fetch-node';
import { decodeGlobalId, DecodedId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { buildGraph, GRAPH_TYPES } from './graph.service';
import { Graph, GraphNode } from './graph.types';

export const MAX_GRAPH_DEPTH = 3;
export const MAX_GRAPH_NODES = 2000;
export const MAX_GRAPH_ROOTS = 50;

@Resolver(() => GraphNode)
export class GraphResolver {
  @Query(() => Graph, { description: `Nodes and edges around the roots, breadth-first: participations (by role), entity and action relations, issuing authorities, lists and technology categories. depth 0-${MAX_GRAPH_DEPTH}, maxNodes 1-${MAX_GRAPH_NODES}, at most ${MAX_GRAPH_ROOTS} roots; unknown ids are left out.` })
  graph(
    @Arg('rootIds', () => [ID], { description: 'Global ids to start from (at most 50); unknown ids are left out.' }) rootIds: string[],
    @Arg('depth', () => Int, { defaultValue: 1, description: 'How many hops from the roots (0-3).' }) depth: number,
    @Arg('maxNodes', () => Int, { defaultValue: 500, description: 'Most nodes to return (1-2000); `truncated` says when the limit was hit.' }) maxNodes: number,
    @Ctx() ctx: Context,
  ): Promise<Graph> {
    if (rootIds.length > MAX_GRAPH_ROOTS) throw badInput('rootIds', `takes at most ${MAX_GRAPH_ROOTS} ids, got ${rootIds.length}`);
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_GRAPH_DEPTH) throw badInput('depth', `must be between 0 and ${MAX_GRAPH_DEPTH}, got ${depth}`);
    if (!Number.isInteger(maxNodes) || maxNodes < 1 || maxNodes > MAX_GRAPH_NODES) throw badInput('maxNodes', `must be between 1 and ${MAX_GRAPH_NODES}, got ${maxNodes}`);
    const roots = rootIds
      .map(decodeGlobalId)
      .filter((d): d is DecodedId => d !== null && (GRAPH_TYPES as readonly string[]).includes(d.type));
    return buildGraph(ctx, roots, depth, maxNodes);
  }

  // `label` is a plain field of GraphNode, filled by the walk (graph-sql.ts), not resolved per node.

  @FieldResolver(() => Node, { description: 'The object itself.' })
  async node(@Root() node: GraphNode, @Ctx() ctx: Context): Promise<Node> {
    const found = await fetchDecoded(ctx, node.ref);
    if (!found) throw new Error(`graph node ${node.id} vanished`);
    return found;
  }
}
