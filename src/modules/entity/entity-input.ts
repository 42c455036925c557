import { ArrayMaxSize, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CountryCodeScalar, URLScalar } from '../../graphql/scalars';
import { SourceInput } from '../source/source-input';
import { EntityKind } from './entity-kinds';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_MESSAGE = 'must be lower-case letters, digits and single hyphens, like "cn-hikvision"';

@InputType('AddressInput', { description: 'A postal address; give at least `full`, or the parts to build it from.' })
export class AddressInput {
  @Field(() => String, { nullable: true, description: 'Street and number.' }) @IsOptional() @MaxLength(500) street?: string | null;
  @Field(() => String, { nullable: true, description: 'City or town.' }) @IsOptional() @MaxLength(200) city?: string | null;
  @Field(() => String, { nullable: true, description: 'Province, state or region.' }) @IsOptional() @MaxLength(200) region?: string | null;
  @Field(() => String, { nullable: true, description: 'Postal code.' }) @IsOptional() @MaxLength(50) postalCode?: string | null;
  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country of the address (ISO code).' }) @IsOptional() country?: string | null;
  @Field(() => String, { nullable: true, description: 'The whole address on one line; built from the parts when omitted.' })
  @IsOptional()
  @MaxLength(2000)
  full?: string | null;
}

@InputType('IdentifierInput', { description: 'A registry identifier.' })
export class IdentifierInput {
  @Field({ description: 'The scheme ("LEI", "USCC").' }) @MinLength(1) @MaxLength(50) scheme!: string;
  @Field({ description: 'The identifier.' }) @MinLength(1) @MaxLength(200) value!: string;
}

/** For create, kind and name are required; for update, only the fields given change. */
@InputType('EntityInput', { description: 'The fields of an entity. On create, kind, name and at least one source are required; on update, omitted fields stay as they are (lists given replace the old ones, except sources, which are added).' })
export class EntityInput {
  @Field(() => String, { nullable: true, description: 'Stable key; generated from country and name when omitted on create.' })
  @IsOptional()
  @MaxLength(200)
  @Matches(SLUG_PATTERN, { message: `slug ${SLUG_MESSAGE}` })
  slug?: string | null;

  @Field(() => EntityKind, { nullable: true, description: 'What sort of organisation or person it is; required on create.' }) @IsOptional() kind?: EntityKind | null;

  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(500)
  name?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 1,000 aliases of at most 500 characters.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @MaxLength(500, { each: true })
  aliases?: string[] | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Where it is based (ISO code).' }) @IsOptional() country?: string | null;

  @Field(() => [AddressInput], { nullable: true, description: 'Addresses (at most 100); replace the old ones on update.' }) @IsOptional() @ArrayMaxSize(100) @ValidateNested({ each: true }) addresses?: AddressInput[] | null;

  @Field(() => [IdentifierInput], { nullable: true, description: 'Registry identifiers (at most 100); replace the old ones on update.' }) @IsOptional() @ArrayMaxSize(100) @ValidateNested({ each: true }) identifiers?: IdentifierInput[] | null;

  @Field(() => String, { nullable: true, description: 'What it is and does (at most 20,000 characters).' }) @IsOptional() @MaxLength(20000) description?: string | null;

  @Field(() => URLScalar, { nullable: true, description: 'Its own website (http or https).' }) @IsOptional() @MaxLength(2000) website?: string | null;

  @Field(() => [String], { nullable: true, description: 'Technology category slugs.' })
  @IsOptional()
  @ArrayMaxSize(100)
  technologies?: string[] | null;

  @Field(() => [SourceInput], { nullable: true, description: 'Documents that support the facts; added to those already cited.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  sources?: SourceInput[] | null;
}
