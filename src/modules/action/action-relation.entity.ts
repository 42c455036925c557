import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ActionRelationKind } from './action-kinds';
import { GovernmentAction } from './government-action.entity';

/** One relation between two actions, stored once; the API reads it from both ends. */
@Entity({ tableName: 'action_relation' })
@Unique({ properties: ['from', 'to', 'kind'] })
@Check({ name: 'action_relation_not_self', expression: 'from_id <> to_id' })
export class ActionRelation {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => GovernmentAction, { index: true, deleteRule: 'cascade' })
  from!: GovernmentAction;

  @ManyToOne(() => GovernmentAction, { index: true, deleteRule: 'cascade' })
  to!: GovernmentAction;

  @Enum({ items: () => ActionRelationKind })
  kind!: ActionRelationKind;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
