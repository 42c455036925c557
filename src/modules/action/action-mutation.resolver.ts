import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toGlobalId } from '../../graphql/global-id';
import { MutationOutcome, runMutation } from '../../graphql/mutation';
import { UserError } from '../../graphql/user-errors';
import { DeletePayload, deletePayload } from '../entity/entity-payloads';
import { ActionInput, ParticipantInput } from './action-input';
import { ActionRelationKind } from './action-kinds';
import { ActionPayload } from './action-payloads';
import {
  addParticipants,
  createAction,
  relateActions,
  removeParticipant,
  resolveActionId,
  setActionDeleted,
  updateAction,
} from './action-write.service';
import { GovernmentAction } from './government-action.entity';

const failed = (userErrors: UserError[]) => Object.assign(new ActionPayload(), { action: null, userErrors });

/** A successful action mutation: the payload, and an event for subscribers once committed. */
function recorded(ctx: Context, action: GovernmentAction, ...alsoChanged: number[]): MutationOutcome<ActionPayload> {
  return {
    payload: Object.assign(new ActionPayload(), { action, userErrors: [] }),
    afterCommit: () => [action.id, ...alsoChanged].forEach((id) => ctx.events.actionRecorded(id)),
  };
}

@Resolver()
export class ActionMutationResolver {
  @Mutation(() => ActionPayload, { description: 'Records a new action (EDITOR or ADMIN). kind, title, authority, occurredOn and a source are required; a LISTING needs a list and a TARGET entity.' })
  createAction(@Arg('input', () => ActionInput, { validate: false, description: 'The fields to set.' }) input: ActionInput, @Ctx() ctx: Context): Promise<ActionPayload> {
    return runMutation(ctx, async (em, actor) => recorded(ctx, await createAction(em, actor, input)), failed);
  }

  @Mutation(() => ActionPayload, { description: 'expectedVersion guards against lost updates: a stale version is a CONFLICT user error.' })
  updateAction(
    @Arg('id', () => ID, { description: 'Global id of the action.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read; if the record has moved on, the answer is a CONFLICT user error and nothing changes.' }) expectedVersion: number,
    @Arg('input', () => ActionInput, { validate: false, description: 'The fields to set.' }) input: ActionInput,
    @Ctx() ctx: Context,
  ): Promise<ActionPayload> {
    return runMutation(ctx, async (em, actor) => recorded(ctx, await updateAction(em, actor, await resolveActionId(id, ['id']), expectedVersion, input)), failed);
  }

  @Mutation(() => DeletePayload, { description: 'Soft-deletes an action: it disappears from queries (unless includeDeleted) and can be restored.' })
  deleteAction(@Arg('id', () => ID, { description: 'Global id of the action.' }) id: string, @Arg('reason', () => String, { nullable: true, description: 'Why it is deleted; kept in the history.' }) reason: string | null, @Ctx() ctx: Context): Promise<DeletePayload> {
    return runMutation(
      ctx,
      async (em, actor) => {
        const action = await setActionDeleted(em, actor, await resolveActionId(id, ['id']), true, reason);
        return { payload: deletePayload(toGlobalId('GovernmentAction', action.id)) };
      },
      (userErrors) => deletePayload(null, userErrors),
    );
  }

  @Mutation(() => ActionPayload, { description: 'Brings back a soft-deleted action.' })
  restoreAction(@Arg('id', () => ID, { description: 'Global id of the action.' }) id: string, @Ctx() ctx: Context): Promise<ActionPayload> {
    return runMutation(ctx, async (em, actor) => recorded(ctx, await setActionDeleted(em, actor, await resolveActionId(id, ['id']), false)), failed);
  }

  @Mutation(() => ActionPayload, { description: 'Adds participants (at most 1,000 per call).' })
  addParticipants(
    @Arg('actionId', () => ID, { description: 'Global id of the action.' }) actionId: string,
    @Arg('participants', () => [ParticipantInput], { validate: false, description: 'Participants to add (at most 1,000).' }) participants: ParticipantInput[],
    @Ctx() ctx: Context,
  ): Promise<ActionPayload> {
    return runMutation(ctx, async (em, actor) => recorded(ctx, await addParticipants(em, actor, await resolveActionId(actionId, ['actionId']), participants)), failed);
  }

  @Mutation(() => ActionPayload, { description: 'Removes one participant (kept in the history; a LISTING keeps at least one TARGET).' })
  removeParticipant(@Arg('participationId', () => ID, { description: 'Global id of the participation to remove.' }) participationId: string, @Ctx() ctx: Context): Promise<ActionPayload> {
    return runMutation(ctx, async (em, actor) => recorded(ctx, await removeParticipant(em, actor, participationId)), failed);
  }

  @Mutation(() => ActionPayload, { description: 'Records a relation between two actions (stored once, readable from both ends).' })
  relateActions(
    @Arg('fromId', () => ID, { description: 'Global id of the record the relation is read from.' }) fromId: string,
    @Arg('toId', () => ID, { description: 'Global id of the other record.' }) toId: string,
    @Arg('kind', () => ActionRelationKind, { description: 'The relation, read from fromId ("RESPONDS_TO": fromId is the later action).' }) kind: ActionRelationKind,
    @Ctx() ctx: Context,
  ): Promise<ActionPayload> {
    return runMutation(
      ctx,
      async (em, actor) => {
        const to = await resolveActionId(toId, ['toId']);
        return recorded(ctx, await relateActions(em, actor, await resolveActionId(fromId, ['fromId']), to, kind), to);
      },
      failed,
    );
  }
}
