import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay global object identification: every id is opaque and globally unique. */
@InterfaceType('Node', {
  description: 'Relay global object identification: every id is opaque and globally unique.',
  // Each implementing class names its GraphQL type in a static field (see the model classes).
  resolveType: (value: { constructor: { graphqlName?: string } }) => value.constructor.graphqlName,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Opaque global id; pass it to `node(id:)` to fetch this object again.' })
  get nodeId(): string {
    // Every implementing class overrides this getter; the decorator here declares the field once.
    throw new Error(`${this.constructor.name} does not define its global id`);
  }
}
