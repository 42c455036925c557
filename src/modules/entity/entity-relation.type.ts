import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { EntityRelationKind } from './entity-kinds';

@ObjectType('EntityRelation', {
  description: 'Relations are stored once and readable from both ends (SUBSIDIARY_OF one way is PARENT_OF the other).',
})
export class EntityRelationView {
  constructor(
    readonly relationId: number,
    kind: EntityRelationKind,
    readonly otherEntityId: number,
    since: string | null,
    until: string | null,
  ) {
    this.kind = kind;
    this.since = since;
    this.until = until;
  }

  @Field(() => EntityRelationKind, { description: 'The relation, read from the entity whose relations were asked for.' })
  readonly kind: EntityRelationKind;

  @Field(() => DateScalar, { nullable: true, description: 'Since when the relation holds, if known.' })
  readonly since: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Until when it held, if it ended.' })
  readonly until: string | null;
}
