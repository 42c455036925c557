import { PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/scalars';
import { Node } from '../graphql/node';

/**
 * What every curated record has: a numeric key (exposed only through global ids), timestamps,
 * a version for optimistic concurrency and a soft-delete mark, so nothing a curator removes
 * is lost and every change can be audited. Not a GraphQL type itself: type-graphql copies
 * the decorated fields into each subclass's type.
 */
@ObjectType()
export abstract class BaseRecord extends Node {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created in policy-kb.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => DateTimeScalar, { description: 'When the record was last changed in policy-kb.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Increases with every change; updates must name the version they read.' })
  @Property({ version: true, default: 1 })
  version!: number;

  /** Soft delete: deleted records stay for the audit trail and can be restored. */
  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null;
}
