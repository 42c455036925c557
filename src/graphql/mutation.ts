import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireEditor } from '../modules/auth/require-role';
import { type Context, readOwnWrites } from './context';
import { referenceDataChanged } from './reference-data';
import { userError, UserError, UserInputProblem } from './user-errors';

export interface MutationOutcome<P> {
  payload: P;
  /** Runs once the transaction has committed (events for subscribers). */
  afterCommit?: () => void;
}

/**
 * Every mutation in one shape: the caller must be an EDITOR or ADMIN; the work runs in one
 * transaction that also writes its revisions; anything the caller can fix rolls the whole
 * transaction back and comes back as userErrors (nothing is half-written).
 */
export async function runMutation<P>(
  ctx: Context,
  work: (em: EntityManager, actor: string) => Promise<MutationOutcome<P>>,
  failed: (errors: UserError[]) => P,
): Promise<P> {
  const actor = requireEditor(ctx);
  readOwnWrites(ctx); // the payload is resolved after the commit: from the primary, not a lagging replica
  let outcome: MutationOutcome<P>;
  try {
    outcome = await ctx.em.fork().transactional((em) => work(em, actor));
  } catch (error) {
    if (error instanceof UserInputProblem) return failed(error.errors);
    if (error instanceof OptimisticLockError) {
      return failed([userError(['expectedVersion'], 'The record was changed by someone else while this change was being written; read it again and retry', 'CONFLICT')]);
    }
    if (error instanceof UniqueConstraintViolationException) {
      return failed([userError(null, 'A record with the same unique key (slug, URL or relation) exists already', 'CONFLICT')]);
    }
    throw error;
  }
  referenceDataChanged();
  outcome.afterCommit?.();
  return outcome.payload;
}
