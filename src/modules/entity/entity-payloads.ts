import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-errors';
import { LegalEntity } from './legal-entity.entity';

@ObjectType('EntityPayload', { description: 'The entity as it is after the change (or as it is now, on a CONFLICT), and any user errors.' })
export class EntityPayload {
  @Field(() => LegalEntity, { nullable: true, description: 'The entity; null when nothing could be done.' })
  entity!: LegalEntity | null;

  @Field(() => [UserError], { description: 'What the caller must fix; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('DeletePayload', { description: 'The id of the soft-deleted record, and any user errors.' })
export class DeletePayload {
  @Field(() => ID, { nullable: true, description: 'The global id of the deleted record (restore brings it back).' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'What the caller must fix; empty on success.' })
  userErrors!: UserError[];
}

export function deletePayload(deletedId: string | null, userErrors: UserError[] = []): DeletePayload {
  return Object.assign(new DeletePayload(), { deletedId, userErrors });
}
