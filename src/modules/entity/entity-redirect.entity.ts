import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { LegalEntity } from './legal-entity.entity';

/**
 * Where a merged-away entity went: its old id and slug keep resolving to the entity it was
 * merged into, so links held by clients never break.
 */
@Entity({ tableName: 'entity_redirect' })
export class EntityRedirect {
  /** The id the duplicate had. */
  @PrimaryKey({ autoincrement: false })
  fromId!: number;

  @Property({ unique: true })
  fromSlug!: string;

  @ManyToOne(() => LegalEntity, { index: true, deleteRule: 'cascade' })
  to!: LegalEntity;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
