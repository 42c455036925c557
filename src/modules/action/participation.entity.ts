import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../db/base-record';
import { Node } from '../../graphql/node';
import { toGlobalId } from '../../graphql/global-id';
import { Country } from '../country/country.entity';
import { LegalEntity } from '../entity/legal-entity.entity';
import { ParticipantRole } from './action-kinds';
import { GovernmentAction } from './government-action.entity';

/** An entity or a country named by an action, in a role, with what the action says of it. */
@Entity({ tableName: 'participation' })
@Check({ name: 'participation_one_participant', expression: 'num_nonnulls(entity_id, country_code) = 1' })
@Unique({ properties: ['action', 'role', 'entity'] })
@Unique({ properties: ['action', 'role', 'country'] })
@Index({ properties: ['entity', 'role'] })
@Index({ properties: ['country', 'role'] })
@Index({ properties: ['action', 'role'] })
@ObjectType('Participation', { implements: Node, description: 'An entity or a country named by an action, in a role.' })
export class Participation extends BaseRecord {
  static readonly graphqlName = 'Participation';

  @ManyToOne(() => GovernmentAction, { deleteRule: 'cascade' })
  action!: GovernmentAction;

  @Field(() => ParticipantRole, { description: 'The part it plays in the action.' })
  @Enum({ items: () => ParticipantRole })
  role!: ParticipantRole;

  /** Exactly one of entity / country is set (a check constraint enforces it). */
  @ManyToOne(() => LegalEntity, { nullable: true, deleteRule: 'restrict' })
  entity?: LegalEntity | null;

  @ManyToOne(() => Country, { nullable: true, fieldName: 'country_code', deleteRule: 'restrict' })
  country?: Country | null;

  @Field(() => String, { nullable: true, description: 'Why this participant was named, where the action says so.' })
  @Property({ type: 'text', nullable: true })
  grounds?: string | null;

  @Field(() => String, { nullable: true, description: 'The name exactly as the action lists it.' })
  @Property({ type: 'text', nullable: true })
  nameAsListed?: string | null;

  @Field(() => String, { nullable: true, description: 'The address exactly as the action lists it.' })
  @Property({ type: 'text', nullable: true })
  addressAsListed?: string | null;

  @Field(() => String, { nullable: true, description: 'For list entries: which exports need a licence ("For all items subject to the EAR").' })
  @Property({ type: 'text', nullable: true })
  licenseRequirement?: string | null;

  @Field(() => String, { nullable: true, description: 'For list entries: how licence applications are reviewed ("Presumption of denial").' })
  @Property({ type: 'text', nullable: true })
  licensePolicy?: string | null;

  @Field(() => String, { nullable: true, description: 'Curator\'s note on this participant (e.g. what is unverified).' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  override get nodeId(): string {
    return toGlobalId('Participation', this.id);
  }
}
