import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { toGlobalId } from '../../graphql/global-id';
import { CountryCodeScalar } from '../../graphql/scalars';

/** ISO 3166-1 reference data, loaded from the world-countries package at start-up. */
@Entity({ tableName: 'country' })
@ObjectType('Country', {
  implements: Node,
  description: 'A country or territory, keyed by its ISO 3166-1 alpha-2 code.',
})
export class Country extends Node {
  static readonly graphqlName = 'Country';

  @Field(() => CountryCodeScalar, { description: 'ISO 3166-1 alpha-2 code, upper case ("CN", "US").' })
  @PrimaryKey({ columnType: 'char(2)' })
  code!: string;

  @Field({ description: 'Common English name ("China").' })
  @Property()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Official English name ("People\'s Republic of China").' })
  @Property({ nullable: true })
  officialName?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-3 code ("CHN").' })
  @Property({ columnType: 'char(3)', nullable: true })
  alpha3?: string | null;

  @Field(() => String, { nullable: true, description: 'World region ("Asia", "Europe").' })
  @Property({ nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Sub-region ("Eastern Asia").' })
  @Property({ nullable: true })
  subregion?: string | null;

  override get nodeId(): string {
    return toGlobalId('Country', this.code);
  }
}
