import { Check, Collection, Entity, Enum, ManyToMany, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Source } from '../source/source.entity';
import { EntityRelationKind } from './entity-kinds';
import { LegalEntity } from './legal-entity.entity';

/**
 * One relation between two entities, stored once in the direction it was recorded
 * (`from` SUBSIDIARY_OF `to`); the API reads it from both ends.
 */
@Entity({ tableName: 'entity_relation' })
@Unique({ properties: ['from', 'to', 'kind'] })
@Check({ name: 'entity_relation_not_self', expression: 'from_id <> to_id' })
export class EntityRelation {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => LegalEntity, { index: true, deleteRule: 'cascade' })
  from!: LegalEntity;

  @ManyToOne(() => LegalEntity, { index: true, deleteRule: 'cascade' })
  to!: LegalEntity;

  @Enum({ items: () => EntityRelationKind })
  kind!: EntityRelationKind;

  @Property({ type: 'date', nullable: true })
  since?: string | null;

  @Property({ type: 'date', nullable: true })
  until?: string | null;

  @ManyToMany(() => Source, undefined, {
    pivotTable: 'entity_relation_source',
    joinColumn: 'entity_relation_id',
    inverseJoinColumn: 'source_id',
  })
  sources = new Collection<Source>(this);

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
