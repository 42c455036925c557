import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toGlobalId } from '../../graphql/global-id';
import { runMutation } from '../../graphql/mutation';
import { UserError } from '../../graphql/user-errors';
import { DateScalar } from '../../graphql/scalars';
import { EntityInput } from './entity-input';
import { EntityRelationKind } from './entity-kinds';
import { DeletePayload, deletePayload, EntityPayload } from './entity-payloads';
import { createEntity, relateEntities, resolveEntityId, setEntityDeleted, updateEntity } from './entity-write.service';
import { LegalEntity } from './legal-entity.entity';
import { mergeEntities } from './entity-merge.service';

const entityPayload = (entity: LegalEntity | null, userErrors: UserError[] = []): EntityPayload => Object.assign(new EntityPayload(), { entity, userErrors });
const failedEntity = (userErrors: UserError[]) => entityPayload(null, userErrors);

@Resolver()
export class EntityMutationResolver {
  @Mutation(() => EntityPayload, { description: 'Creates an entity (EDITOR or ADMIN). kind, name and at least one source are required.' })
  createEntity(@Arg('input', () => EntityInput, { validate: false, description: 'The fields to set.' }) input: EntityInput, @Ctx() ctx: Context): Promise<EntityPayload> {
    return runMutation(ctx, async (em, actor) => ({ payload: entityPayload(await createEntity(em, actor, input)) }), failedEntity);
  }

  @Mutation(() => EntityPayload, { description: 'expectedVersion guards against lost updates: a stale version is a CONFLICT user error.' })
  updateEntity(
    @Arg('id', () => ID, { description: 'Global id of the entity (a merged-away id leads to the entity it was merged into).' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read; if the record has moved on, the answer is a CONFLICT user error and nothing changes.' }) expectedVersion: number,
    @Arg('input', () => EntityInput, { validate: false, description: 'The fields to set.' }) input: EntityInput,
    @Ctx() ctx: Context,
  ): Promise<EntityPayload> {
    return runMutation(
      ctx,
      async (em, actor) => ({ payload: entityPayload(await updateEntity(em, actor, await resolveEntityId(em, id, ['id']), expectedVersion, input)) }),
      failedEntity,
    );
  }

  @Mutation(() => DeletePayload, { description: 'Soft-deletes an entity: it disappears from queries (unless includeDeleted) and can be restored.' })
  deleteEntity(@Arg('id', () => ID, { description: 'Global id of the entity (a merged-away id leads to the entity it was merged into).' }) id: string, @Arg('reason', () => String, { nullable: true, description: 'Why it is deleted; kept in the history.' }) reason: string | null, @Ctx() ctx: Context): Promise<DeletePayload> {
    return runMutation(
      ctx,
      async (em, actor) => {
        const entity = await setEntityDeleted(em, actor, await resolveEntityId(em, id, ['id']), true, reason);
        return { payload: deletePayload(toGlobalId('Entity', entity.id)) };
      },
      (userErrors) => deletePayload(null, userErrors),
    );
  }

  @Mutation(() => EntityPayload, { description: 'Brings back a soft-deleted entity.' })
  restoreEntity(@Arg('id', () => ID, { description: 'Global id of the entity (a merged-away id leads to the entity it was merged into).' }) id: string, @Ctx() ctx: Context): Promise<EntityPayload> {
    return runMutation(ctx, async (em, actor) => ({ payload: entityPayload(await setEntityDeleted(em, actor, await resolveEntityId(em, id, ['id']), false)) }), failedEntity);
  }

  @Mutation(() => EntityPayload, { description: "Moves the duplicate's participations, relations, aliases and sources onto keep; the duplicate's id keeps resolving to keep." })
  mergeEntities(@Arg('keepId', () => ID, { description: 'Global id of the entity to keep.' }) keepId: string, @Arg('duplicateId', () => ID, { description: 'Global id of the entity merged into keep; its id and slug keep resolving to keep.' }) duplicateId: string, @Ctx() ctx: Context): Promise<EntityPayload> {
    return runMutation(
      ctx,
      async (em, actor) => {
        const keep = await resolveEntityId(em, keepId, ['keepId']);
        const duplicate = await resolveEntityId(em, duplicateId, ['duplicateId']);
        const merged = await mergeEntities(em, actor, keep, duplicate);
        return { payload: entityPayload(merged.entity), afterCommit: () => merged.actionIds.forEach((a) => ctx.events.actionRecorded(a)) };
      },
      failedEntity,
    );
  }

  @Mutation(() => EntityPayload, { description: 'Records a relation between two entities (stored once, readable from both ends).' })
  relateEntities(
    @Arg('fromId', () => ID, { description: 'Global id of the record the relation is read from.' }) fromId: string,
    @Arg('toId', () => ID, { description: 'Global id of the other record.' }) toId: string,
    @Arg('kind', () => EntityRelationKind, { description: 'The relation, read from fromId ("SUBSIDIARY_OF": fromId is the subsidiary).' }) kind: EntityRelationKind,
    @Arg('since', () => DateScalar, { nullable: true, description: 'When the relation began, if known.' }) since: string | null,
    @Arg('until', () => DateScalar, { nullable: true, description: 'When the relation ended, if it has.' }) until: string | null,
    @Ctx() ctx: Context,
  ): Promise<EntityPayload> {
    return runMutation(
      ctx,
      async (em, actor) => ({
        payload: entityPayload(await relateEntities(em, actor, await resolveEntityId(em, fromId, ['fromId']), await resolveEntityId(em, toId, ['toId']), kind, since, until)),
      }),
      failedEntity,
    );
  }
}
