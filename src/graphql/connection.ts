import { ClassType, Field, Int, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Where a page sits in its list, with the cursors to move from it.' })
export class PageInfo {
  @Field({ description: 'More edges follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'More edges come before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A page of a list. `totalCount` is computed only when a client asks for it. */
export class Page<T> {
  constructor(
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
    private readonly count: () => Promise<number>,
  ) {}

  get nodes(): T[] {
    return this.edges.map((e) => e.node);
  }

  /** A getter, so the count query runs only when the field is selected. */
  get totalCount(): Promise<number> {
    return this.count();
  }

  static empty<T>(): Page<T> {
    return new Page<T>([], { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, async () => 0);
  }
}

/** Declares `XEdge` and `XConnection` GraphQL types for a node type. */
export function connectionTypes<T extends object>(nodeType: ClassType<T>, name: string, nodeDescription: string) {
  @ObjectType(`${name}Edge`, { description: `One ${nodeDescription} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor; pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeDescription}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${nodeDescription}s (Relay connection).` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The edges of this page, in order.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The nodes of this page, in order (edges without cursors).' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether more pages follow.' })
    pageInfo!: PageInfo;

    // Not `simple` (schema.ts): the property is a promise, and graphql-jit reads a simple
    // field's value as it is, without waiting for it; a resolver's result it awaits.
    @Field(() => Int, { description: 'How many match in all, across every page.', simple: false })
    totalCount!: number;
  }
  return { EdgeType, ConnectionType };
}
