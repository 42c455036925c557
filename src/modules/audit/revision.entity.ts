import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The audit trail: one row per create, update, delete, restore or merge, written in the same
 * transaction as the change (by the write API).
 */
@Entity({ tableName: 'revision' })
@Index({ properties: ['subjectType', 'subjectId', 'id'] })
export class Revision {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  /** The API key name (or "seed", "import") that made the change. */
  @Property()
  actor!: string;

  /** create, update, delete, restore, merge. */
  @Property()
  operation!: string;

  /** The GraphQL type of the changed record ("Entity", "GovernmentAction", "Source"). */
  @Property()
  subjectType!: string;

  @Property()
  subjectId!: number;

  /** Field -> [before, after]. */
  @Property({ type: 'jsonb', default: '{}' })
  changes: Record<string, [unknown, unknown]> = {};
}
