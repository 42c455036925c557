import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../db/base-record';
import { Node } from '../../graphql/node';
import { toGlobalId } from '../../graphql/global-id';
import { Country } from '../country/country.entity';
import { AuthorityKind } from './authority-kind';

@Entity({ tableName: 'authority' })
@ObjectType('Authority', {
  implements: Node,
  description: 'Who issues actions: the Bureau of Industry and Security, the UN Human Rights Council, the Council of the EU...',
})
export class Authority extends BaseRecord {
  static readonly graphqlName = 'Authority';

  @Field({ description: 'Stable key ("us-bis").' })
  @Property({ unique: true })
  slug!: string;

  @Field({ description: 'Full name ("Bureau of Industry and Security").' })
  @Property()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Usual abbreviation ("BIS").' })
  @Property({ nullable: true })
  abbreviation?: string | null;

  @Field(() => AuthorityKind, { description: 'What sort of body it is.' })
  @Enum({ items: () => AuthorityKind })
  kind!: AuthorityKind;

  /** Null for intergovernmental and supranational bodies. */
  @ManyToOne(() => Country, { nullable: true, index: true, fieldName: 'country_code', deleteRule: 'restrict' })
  country?: Country | null;

  @ManyToOne(() => Authority, { nullable: true, index: true, deleteRule: 'restrict' })
  parent?: Authority | null;

  override get nodeId(): string {
    return toGlobalId('Authority', this.id);
  }
}
