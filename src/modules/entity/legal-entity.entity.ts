import { ArrayType, BeforeCreate, BeforeUpdate, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../db/base-record';
import { Node } from '../../graphql/node';
import { toGlobalId } from '../../graphql/global-id';
import { URLScalar } from '../../graphql/scalars';
import { Country } from '../country/country.entity';
import { Source } from '../source/source.entity';
import { TechnologyCategory } from '../technology/technology.entity';
import { entitySearchText, nameKey } from '../search/normalize';
import { EntityKind } from './entity-kinds';
import { EntityTechnology } from './entity-technology.entity';
import { Address, AddressValue, Identifier } from './entity-values';

/**
 * A company, agency, person or other organisation that actions name. Called `LegalEntity` in
 * code so it does not collide with MikroORM's `@Entity()`; `Entity` in the API.
 */
@Entity({ tableName: 'entity' })
@Index({ name: 'entity_identifiers_gin_idx', expression: 'create index "entity_identifiers_gin_idx" on "entity" using gin ("identifiers" jsonb_path_ops)' })
@Index({ name: 'entity_name_trgm_idx', expression: 'create index "entity_name_trgm_idx" on "entity" using gin (lower("name") gin_trgm_ops)' })
@Index({ name: 'entity_search_text_trgm_idx', expression: 'create index "entity_search_text_trgm_idx" on "entity" using gin ("search_text" gin_trgm_ops)' })
@Index({
  name: 'entity_search_text_fts_idx',
  expression: `create index "entity_search_text_fts_idx" on "entity" using gin (to_tsvector('simple', coalesce("search_text", '')))`,
})
// Lists in name order (the default), by country in name order, and their totalCount by country
// and kind without reading the table (index-only: deleted_at is in the index).
@Index({ name: 'entity_name_id_index', properties: ['name', 'id'] })
@Index({ name: 'entity_country_code_name_id_index', properties: ['country', 'name', 'id'] })
@Index({ name: 'entity_country_code_kind_index', expression: 'create index "entity_country_code_kind_index" on "entity" ("country_code", "kind") include ("deleted_at")' })
@ObjectType('Entity', { implements: Node, description: 'A company, agency, person or other organisation that actions name.' })
export class LegalEntity extends BaseRecord {
  static readonly graphqlName = 'Entity';

  @Field({ description: 'Stable, URL-safe key ("cn-hikvision").' })
  @Property({ unique: true })
  slug!: string;

  @Field(() => EntityKind, { description: 'What sort of organisation or person it is.' })
  @Enum({ items: () => EntityKind })
  @Index()
  kind!: EntityKind;

  @Field({ description: 'The name it is best known by.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => [String], { description: 'Other names: former names, translations, names in other scripts, names as listed.' })
  @Property({ type: ArrayType, default: '{}' })
  aliases: string[] = [];

  @ManyToOne(() => Country, { nullable: true, index: true, fieldName: 'country_code', deleteRule: 'restrict' })
  country?: Country | null;

  @Field(() => [Address], { description: 'Addresses, as listed by the actions and sources.' })
  @Property({ type: 'jsonb', default: '[]' })
  addresses: AddressValue[] = [];

  @Field(() => [Identifier], { description: 'Registry identifiers.' })
  @Property({ type: 'jsonb', default: '[]' })
  identifiers: Identifier[] = [];

  @Field(() => String, { nullable: true, description: 'What it is and does, in a sentence or two.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => URLScalar, { nullable: true, description: 'Its own website.' })
  @Property({ type: 'text', nullable: true })
  website?: string | null;

  @Field({ description: 'False when a key fact (such as the exact name) could not be confirmed in a source; `note` says which.' })
  @Property({ default: true })
  verified: boolean = true;

  @Field(() => String, { nullable: true, description: 'Curator\'s note: caveats, unverified parts, context.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToMany({ entity: () => TechnologyCategory, pivotEntity: () => EntityTechnology })
  technologies = new Collection<TechnologyCategory>(this);

  @ManyToMany(() => Source, undefined, { pivotTable: 'entity_source', joinColumn: 'entity_id', inverseJoinColumn: 'source_id' })
  sources = new Collection<Source>(this);

  /**
   * Every name in normalized, compact and transliterated forms (see search/normalize.ts), kept
   * up to date on every write so search and screening reach aliases and other scripts.
   */
  @Property({ type: 'text', nullable: true, hidden: true })
  searchText?: string | null;

  /**
   * The name's key (sorted normalized tokens, see nameKey): how the bulk importer finds an
   * entity by name + country with one indexed query per batch instead of a map in memory.
   */
  @Index({ name: 'entity_name_key_country_code_index', properties: ['nameKey', 'country'] })
  @Property({ type: 'text', nullable: true, hidden: true })
  nameKey?: string | null;

  @BeforeCreate()
  @BeforeUpdate()
  refreshSearchText(): void {
    this.searchText = entitySearchText(this.name, this.aliases);
    this.nameKey = nameKey(this.name);
  }

  override get nodeId(): string {
    return toGlobalId('Entity', this.id);
  }
}
