import { Field, ObjectType } from 'type-graphql';

/** An address as stored in the entity's `addresses` JSON column. */
export interface AddressValue {
  street?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  /** ISO 3166-1 alpha-2 code. */
  country?: string | null;
  full: string;
}

@ObjectType('Address', { description: 'A postal address, as complete as the sources give it.' })
export class Address implements AddressValue {
  @Field(() => String, { nullable: true, description: 'Street and number.' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'City or town.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Province, state or region.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode?: string | null;

  /** The country code; the `country` field resolves it to a Country. */
  country?: string | null;

  @Field({ description: 'The whole address on one line, as listed.' })
  full!: string;
}

@ObjectType('Identifier', { description: 'A registry identifier: "LEI", "SZSE" (stock code), "USCC" (credit code)...' })
export class Identifier {
  @Field({ description: 'The registry or scheme ("LEI", "SZSE", "USCC").' })
  scheme!: string;

  @Field({ description: 'The identifier within the scheme.' })
  value!: string;
}
