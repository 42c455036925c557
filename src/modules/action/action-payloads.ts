import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-errors';
import { GovernmentAction } from './government-action.entity';

@ObjectType('ActionPayload', { description: 'The action as it is after the change, and any user errors.' })
export class ActionPayload {
  @Field(() => GovernmentAction, { nullable: true, description: 'The action; null when nothing could be done.' })
  action!: GovernmentAction | null;

  @Field(() => [UserError], { description: 'What the caller must fix; empty on success.' })
  userErrors!: UserError[];
}
