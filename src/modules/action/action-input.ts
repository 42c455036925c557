import { ArrayMaxSize, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CountryCodeScalar, DateScalar } from '../../graphql/scalars';
import { SLUG_PATTERN } from '../entity/entity-input';
import { SourceInput } from '../source/source-input';
import { ActionKind, ParticipantRole } from './action-kinds';

@InputType('ParticipantInput', { description: 'An entity or a country named by an action: give exactly one of entity / country.' })
export class ParticipantInput {
  @Field(() => ParticipantRole, { description: 'The part it plays.' }) role!: ParticipantRole;
  @Field(() => ID, { nullable: true, description: 'Global id of the entity.' }) @IsOptional() entity?: string | null;
  @Field(() => CountryCodeScalar, { nullable: true, description: 'ISO code of the country.' }) @IsOptional() country?: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was named (at most 20,000 characters).' }) @IsOptional() @MaxLength(20000) grounds?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) nameAsListed?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) addressAsListed?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) licenseRequirement?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) licensePolicy?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) note?: string | null;
}

@InputType('ActionInput', {
  description:
    'The fields of an action. On create, kind, title, authority, occurredOn and at least one source are required; on update, omitted fields stay as they are, `participants` given replace the old ones, and `sources` are added.',
})
export class ActionInput {
  @Field(() => String, { nullable: true, description: 'Stable key; generated from the date and title when omitted on create.' })
  @IsOptional()
  @MaxLength(200)
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and single hyphens' })
  slug?: string | null;

  @Field(() => ActionKind, { nullable: true }) @IsOptional() kind?: ActionKind | null;
  @Field(() => String, { nullable: true, description: 'At most 500 characters.' }) @IsOptional() @MinLength(1) @MaxLength(500) title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20000) summary?: string | null;
  @Field(() => String, { nullable: true, description: 'Authority slug ("us-bis").' }) @IsOptional() @MaxLength(200) authority?: string | null;
  @Field(() => String, { nullable: true, description: 'List slug; required for LISTING, DELISTING and LISTING_AMENDMENT.' }) @IsOptional() @MaxLength(200) list?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() occurredOn?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() announcedOn?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() publishedOn?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() effectiveOn?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() endedOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) citation?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) documentNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 20,000 characters.' }) @IsOptional() @MaxLength(20000) grounds?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) @MaxLength(100, { each: true }) tags?: string[] | null;

  @Field(() => [ParticipantInput], { nullable: true, description: 'At most 1,000.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  participants?: ParticipantInput[] | null;

  @Field(() => [SourceInput], { nullable: true }) @IsOptional() @ArrayMaxSize(100) @ValidateNested({ each: true }) sources?: SourceInput[] | null;
}
