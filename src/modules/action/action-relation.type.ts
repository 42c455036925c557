import { Field, ObjectType } from 'type-graphql';
import { ActionRelationKind } from './action-kinds';

@ObjectType('ActionRelation', { description: 'Stored once, readable from both ends (RESPONDS_TO one way is RESPONDED_TO_BY the other).' })
export class ActionRelationView {
  constructor(
    kind: ActionRelationKind,
    readonly otherActionId: number,
  ) {
    this.kind = kind;
  }

  @Field(() => ActionRelationKind, { description: 'The relation, read from the action whose relations were asked for.' })
  readonly kind: ActionRelationKind;
}
