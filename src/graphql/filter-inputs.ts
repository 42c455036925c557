import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ActionKind } from '../modules/action/action-kinds';
import { EntityKind } from '../modules/entity/entity-kinds';
import { CountryCodeScalar, DateScalar } from './scalars';

@InputType('DateRange', { description: 'An inclusive date range; either end may be left open.' })
export class DateRange {
  @Field(() => DateScalar, { nullable: true, description: 'First day included.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day included.' })
  to?: string | null;
}

@InputType('EntityFilter', { description: 'Narrows a list of entities: AND across fields, OR within a list.' })
export class EntityFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these entities (global ids).' })
  ids?: string[] | null;

  @Field(() => [EntityKind], { nullable: true, description: 'Of one of these kinds.' })
  kind?: EntityKind[] | null;

  @Field(() => [CountryCodeScalar], { nullable: true, description: 'Based in one of these countries.' })
  country?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Technology slugs; a category matches its descendants too.' })
  technology?: string[] | null;

  @Field(() => [ActionKind], { nullable: true, description: 'Named as TARGET by an action of one of these kinds.' })
  targetedBy?: ActionKind[] | null;

  @Field(() => [String], { nullable: true, description: 'On one of these lists (slugs), at any time or, with activeOn, on that date.' })
  list?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'On a list (those of `list`, or any) on this date.' })
  activeOn?: string | null;

  @Field(() => [String], { nullable: true, description: 'Named as TARGET by an action of these authorities (slugs; sub-authorities included).' })
  authority?: string[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Targeted by an action whose occurredOn falls in this range.' })
  targetedBetween?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Name or alias contains / resembles this text.' })
  text?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Include soft-deleted entities.' })
  includeDeleted?: boolean | null;
}

@InputType('ActionFilter', { description: 'Narrows a list of actions: AND across fields, OR within a list.' })
export class ActionFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these actions (global ids).' })
  ids?: string[] | null;

  @Field(() => [ActionKind], { nullable: true, description: 'Of one of these kinds.' })
  kind?: ActionKind[] | null;

  @Field(() => [String], { nullable: true, description: 'Issued by one of these authorities (slugs; sub-authorities included).' })
  authority?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Concerning one of these lists (slugs).' })
  list?: string[] | null;

  @Field(() => [CountryCodeScalar], { nullable: true, description: 'Issued by an authority of one of these countries.' })
  issuingCountry?: string[] | null;

  @Field(() => [CountryCodeScalar], { nullable: true, description: 'Signed by one of these countries.' })
  signatory?: string[] | null;

  @Field(() => [CountryCodeScalar], { nullable: true, description: 'About one of these countries (named as SUBJECT or TARGET).' })
  concerning?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Names one of these entities, in any role.' })
  entity?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Targets an entity in one of these technology categories (descendants included).' })
  technology?: string[] | null;

  @Field(() => DateRange, { nullable: true, description: 'occurredOn falls in this range.' })
  occurredBetween?: DateRange | null;

  @Field(() => [String], { nullable: true, description: 'Has one of these tags.' })
  tag?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Title, summary, citation or document number contains this text.' })
  text?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Include soft-deleted actions.' })
  includeDeleted?: boolean | null;
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending.' });

export enum EntityOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  FIRST_TARGETED_ON = 'FIRST_TARGETED_ON',
}
registerEnumType(EntityOrderField, {
  name: 'EntityOrderField',
  description: 'What entities can be ordered by.',
  valuesConfig: { FIRST_TARGETED_ON: { description: 'Date of the first action that named it as TARGET; never-targeted entities come last when ascending.' } },
});

export enum ActionOrderField {
  OCCURRED_ON = 'OCCURRED_ON',
  TITLE = 'TITLE',
  CREATED_AT = 'CREATED_AT',
  TARGET_COUNT = 'TARGET_COUNT',
}
registerEnumType(ActionOrderField, { name: 'ActionOrderField', description: 'What actions can be ordered by.' });

@InputType('EntityOrder', { description: 'One ordering key for entities; ties are broken by id.' })
export class EntityOrder {
  @Field(() => EntityOrderField, { description: 'The key.' })
  field!: EntityOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'The direction.' })
  direction!: SortDirection;
}

@InputType('ActionOrder', { description: 'One ordering key for actions; ties are broken by id.' })
export class ActionOrder {
  @Field(() => ActionOrderField, { description: 'The key.' })
  field!: ActionOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'The direction.' })
  direction!: SortDirection;
}
