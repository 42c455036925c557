import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../db/base-record';
import { Node } from '../../graphql/node';
import { toGlobalId } from '../../graphql/global-id';

@Entity({ tableName: 'technology_category' })
@ObjectType('TechnologyCategory', {
  implements: Node,
  description: 'A technology area, in a tree: artificial-intelligence > facial-recognition.',
})
export class TechnologyCategory extends BaseRecord {
  static readonly graphqlName = 'TechnologyCategory';

  @Field({ description: 'Stable, URL-safe key ("facial-recognition"); filters take slugs.' })
  @Property({ unique: true })
  slug!: string;

  @Field({ description: 'Display name ("Facial recognition").' })
  @Property()
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the category covers.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @ManyToOne(() => TechnologyCategory, { nullable: true, index: true, deleteRule: 'restrict' })
  parent?: TechnologyCategory | null;

  override get nodeId(): string {
    return toGlobalId('TechnologyCategory', this.id);
  }
}
