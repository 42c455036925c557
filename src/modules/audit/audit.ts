import type { EntityManager } from '@mikro-orm/postgresql';
import { Revision } from './revision.entity';

export type Snapshot = Record<string, unknown>;

/** Field -> [before, after] for every field whose value differs (compared as JSON). */
export function diff(before: Snapshot, after: Snapshot): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b];
  }
  return changes;
}

/** Queues a revision in the current unit of work, so it commits with the change it records. */
export function recordRevision(
  em: EntityManager,
  actor: string,
  operation: 'create' | 'update' | 'delete' | 'restore' | 'merge' | 'relate',
  subjectType: 'Entity' | 'GovernmentAction' | 'Source' | 'Participation',
  subjectId: number,
  changes: Record<string, [unknown, unknown]>,
): void {
  const revision = new Revision();
  revision.actor = actor;
  revision.operation = operation;
  revision.subjectType = subjectType;
  revision.subjectId = subjectId;
  revision.changes = changes;
  revision.at = new Date();
  em.persist(revision);
}
