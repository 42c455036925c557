import { ArrayType, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../db/base-record';
import { Node } from '../../graphql/node';
import { toGlobalId } from '../../graphql/global-id';
import { DateScalar } from '../../graphql/scalars';
import { Authority } from '../authority/authority.entity';
import { SanctionsList } from '../listing/sanctions-list.entity';
import { Source } from '../source/source.entity';
import { ActionKind } from './action-kinds';

@Entity({ tableName: 'government_action' })
@Index({ properties: ['occurredOn', 'id'] })
@Index({ name: 'government_action_tags_idx', expression: 'create index "government_action_tags_idx" on "government_action" using gin ("tags")' })
@Index({ name: 'government_action_title_trgm_idx', expression: 'create index "government_action_title_trgm_idx" on "government_action" using gin (lower("title") gin_trgm_ops)' })
// Search finds citations and document numbers by any part ("84 FR 544", "2019-22210"): ILIKE '%...%' needs trigrams.
@Index({ name: 'government_action_citation_trgm_idx', expression: 'create index "government_action_citation_trgm_idx" on "government_action" using gin ("citation" gin_trgm_ops)' })
@Index({ name: 'government_action_document_number_trgm_idx', expression: 'create index "government_action_document_number_trgm_idx" on "government_action" using gin ("document_number" gin_trgm_ops)' })
@Index({
  name: 'government_action_fts_idx',
  expression: `create index "government_action_fts_idx" on "government_action" using gin (to_tsvector('english', coalesce("title", '') || ' ' || coalesce("summary", '') || ' ' || coalesce("citation", '') || ' ' || coalesce("document_number", '')))`,
})
@ObjectType('GovernmentAction', {
  implements: Node,
  description: 'A rule, designation, letter, statement or law, placed on the timeline by occurredOn.',
})
export class GovernmentAction extends BaseRecord {
  static readonly graphqlName = 'GovernmentAction';

  @Field({ description: 'Stable key ("bis-el-2019-10-xinjiang-28").' })
  @Property({ unique: true })
  slug!: string;

  @Field(() => ActionKind, { description: 'What the action does.' })
  @Enum({ items: () => ActionKind })
  @Index()
  kind!: ActionKind;

  @Field({ description: 'Title, as published or as a plain description.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the action does, in a few sentences.' })
  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  @ManyToOne(() => Authority, { index: true, deleteRule: 'restrict' })
  authority!: Authority;

  /** Set for LISTING / DELISTING / LISTING_AMENDMENT. */
  @ManyToOne(() => SanctionsList, { nullable: true, index: true, fieldName: 'list_id', deleteRule: 'restrict' })
  list?: SanctionsList | null;

  @Field(() => DateScalar, { description: 'The date that places the action on the timeline (publication for rules, signing for letters).' })
  @Property({ type: 'date' })
  occurredOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it was announced, if earlier than it occurred.' })
  @Property({ type: 'date', nullable: true })
  announcedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was published (e.g. in the Federal Register).' })
  @Property({ type: 'date', nullable: true })
  publishedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it took effect.' })
  @Property({ type: 'date', nullable: true })
  effectiveOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it ended, if it has.' })
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Official citation ("84 FR 54002").' })
  @Property({ nullable: true })
  @Index()
  citation?: string | null;

  @Field(() => String, { nullable: true, description: 'Document number ("2019-22210").' })
  @Property({ nullable: true })
  @Index()
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'The justification the action states.' })
  @Property({ type: 'text', nullable: true })
  grounds?: string | null;

  @Field(() => [String], { description: 'Free-form topic tags ("xinjiang", "surveillance").' })
  @Property({ type: ArrayType, default: '{}' })
  tags: string[] = [];

  @Field({ description: 'False when a key fact (date, citation, targets) could not be confirmed in a source; `note` says which.' })
  @Property({ default: true })
  verified: boolean = true;

  @Field(() => String, { nullable: true, description: 'Curator\'s note: caveats, unverified parts, context.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToMany(() => Source, undefined, { pivotTable: 'action_source', joinColumn: 'action_id', inverseJoinColumn: 'source_id' })
  sources = new Collection<Source>(this);

  override get nodeId(): string {
    return toGlobalId('GovernmentAction', this.id);
  }
}
