import { Field, ID, ObjectType } from 'type-graphql';
import type { DecodedId } from '../../graphql/global-id';

/**
 * The label comes with the node, read by the walk's own statements (graph-sql.ts): resolving
 * it per node through the loaders meant loading every node's full row to show a name.
 */
@ObjectType('GraphNode', { description: 'A node of a network drawing; `node` fetches the full object.' })
export class GraphNode {
  constructor(
    readonly ref: DecodedId,
    id: string,
    label: string,
  ) {
    this.id = id;
    this.type = ref.type;
    this.label = label;
  }

  @Field(() => ID, { description: 'The global id of the object (use it with node(id:)).' })
  readonly id: string;

  @Field({ description: 'GraphQL type of the object: Entity, GovernmentAction, Country, Authority, TechnologyCategory, SanctionsList.' })
  readonly type: string;

  @Field(() => String, { description: 'Name or title of the object.' })
  readonly label: string;
}

@ObjectType('GraphEdge', { description: 'A directed edge between two nodes of the same graph.' })
export class GraphEdge {
  constructor(source: string, target: string, kind: string, label: string | null) {
    this.source = source;
    this.target = target;
    this.kind = kind;
    this.label = label;
  }

  @Field(() => ID, { description: 'Global id of the source node (actions point at their participants, authority and list; entities at their categories).' })
  source: string;

  @Field(() => ID, { description: 'Global id of the target node.' })
  target: string;

  @Field({ description: 'What the edge means: a participant role (TARGET, SIGNATORY...), a relation kind (SUBSIDIARY_OF, RESPONDS_TO...), ISSUED_BY, ON_LIST or IN_CATEGORY.' })
  kind: string;

  @Field(() => String, { nullable: true, description: 'A readable form of the kind.' })
  label: string | null;
}

@ObjectType('Graph', { description: 'Nodes and edges, ready for a network drawing (d3, cytoscape, sigma).' })
export class Graph {
  @Field(() => [GraphNode], { description: 'The roots first, then nodes in the order they were reached.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'Edges whose both ends are in `nodes`.' })
  edges!: GraphEdge[];

  @Field({ description: 'True when maxNodes stopped the walk before every neighbour within depth was added.' })
  truncated!: boolean;
}
