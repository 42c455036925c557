import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../db/base-record';
import { Node } from '../../graphql/node';
import { toGlobalId } from '../../graphql/global-id';
import { URLScalar } from '../../graphql/scalars';
import { Authority } from '../authority/authority.entity';

@Entity({ tableName: 'sanctions_list' })
@ObjectType('SanctionsList', {
  implements: Node,
  description: 'A restricted-party list or sanctions programme: the US Entity List, the SDN List, an EU regime...',
})
export class SanctionsList extends BaseRecord {
  static readonly graphqlName = 'SanctionsList';

  @Field({ description: 'Stable key ("us-entity-list").' })
  @Property({ unique: true })
  slug!: string;

  @Field({ description: 'Name of the list ("Entity List").' })
  @Property()
  name!: string;

  @ManyToOne(() => Authority, { index: true, deleteRule: 'restrict' })
  authority!: Authority;

  @Field(() => String, { nullable: true, description: 'What the list is and what being on it means.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => URLScalar, { nullable: true, description: 'Where the list is published.' })
  @Property({ nullable: true })
  url?: string | null;

  override get nodeId(): string {
    return toGlobalId('SanctionsList', this.id);
  }
}
