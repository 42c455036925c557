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
  @Field(() => String, { nullable: true, description: 'The name exactly as the action lists it.' }) @IsOptional() @MaxLength(500) nameAsListed?: string | null;
  @Field(() => String, { nullable: true, description: 'The address exactly as the action lists it.' }) @IsOptional() @MaxLength(2000) addressAsListed?: string | null;
  @Field(() => String, { nullable: true, description: 'For list entries: which exports need a licence.' }) @IsOptional() @MaxLength(2000) licenseRequirement?: string | null;
  @Field(() => String, { nullable: true, description: 'For list entries: how licence applications are reviewed.' }) @IsOptional() @MaxLength(5000) licensePolicy?: string | null;
  @Field(() => String, { nullable: true, description: 'Curator\'s note on this participant (e.g. what is unverified).' }) @IsOptional() @MaxLength(5000) note?: string | null;
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

  @Field(() => ActionKind, { nullable: true, description: 'What the action does; required on create.' }) @IsOptional() kind?: ActionKind | null;
  @Field(() => String, { nullable: true, description: 'At most 500 characters.' }) @IsOptional() @MinLength(1) @MaxLength(500) title?: string | null;
  @Field(() => String, { nullable: true, description: 'What it does, in a few sentences (at most 20,000 characters).' }) @IsOptional() @MaxLength(20000) summary?: string | null;
  @Field(() => String, { nullable: true, description: 'Authority slug ("us-bis").' }) @IsOptional() @MaxLength(200) authority?: string | null;
  @Field(() => String, { nullable: true, description: 'List slug; required for LISTING, DELISTING and LISTING_AMENDMENT.' }) @IsOptional() @MaxLength(200) list?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The date that places it on the timeline; required on create.' }) @IsOptional() occurredOn?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When it was announced, if before it occurred (not after occurredOn).' }) @IsOptional() announcedOn?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When it was published (e.g. in the Federal Register).' }) @IsOptional() publishedOn?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When it took effect.' }) @IsOptional() effectiveOn?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When it ended (not before occurredOn or effectiveOn).' }) @IsOptional() endedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Official citation ("84 FR 54002").' }) @IsOptional() @MaxLength(200) citation?: string | null;
  @Field(() => String, { nullable: true, description: 'Document number ("2019-22210").' }) @IsOptional() @MaxLength(200) documentNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 20,000 characters.' }) @IsOptional() @MaxLength(20000) grounds?: string | null;
  @Field(() => [String], { nullable: true, description: 'Topic tags (at most 100, each at most 100 characters); replace the old ones on update.' }) @IsOptional() @ArrayMaxSize(100) @MaxLength(100, { each: true }) tags?: string[] | null;

  @Field(() => [ParticipantInput], { nullable: true, description: 'At most 1,000.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  participants?: ParticipantInput[] | null;

  @Field(() => [SourceInput], { nullable: true, description: 'Documents that support it; added to those already cited. At least one is required on create.' }) @IsOptional() @ArrayMaxSize(100) @ValidateNested({ each: true }) sources?: SourceInput[] | null;
}
