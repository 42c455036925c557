import { Entity, Index, ManyToOne } from '@mikro-orm/core';
import { TechnologyCategory } from '../technology/technology.entity';
import { LegalEntity } from './legal-entity.entity';

/**
 * The entity <-> technology pivot, declared so it can carry an index on the category side:
 * "entities in facial-recognition" starts from the category.
 */
@Entity({ tableName: 'entity_technology' })
@Index({ properties: ['technology'] })
export class EntityTechnology {
  @ManyToOne(() => LegalEntity, { primary: true, fieldName: 'entity_id', deleteRule: 'cascade' })
  entity!: LegalEntity;

  @ManyToOne(() => TechnologyCategory, { primary: true, fieldName: 'technology_category_id', deleteRule: 'cascade' })
  technology!: TechnologyCategory;
}
