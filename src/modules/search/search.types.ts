import { createUnionType, Field, Float, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars';
import { GovernmentAction } from '../action/government-action.entity';
import { Authority } from '../authority/authority.entity';
import { Country } from '../country/country.entity';
import { EntityKind } from '../entity/entity-kinds';
import { LegalEntity } from '../entity/legal-entity.entity';
import { SanctionsList } from '../listing/sanctions-list.entity';
import { TechnologyCategory } from '../technology/technology.entity';

export enum SearchType {
  ENTITY = 'ENTITY',
  ACTION = 'ACTION',
  COUNTRY = 'COUNTRY',
  TECHNOLOGY = 'TECHNOLOGY',
  AUTHORITY = 'AUTHORITY',
  LIST = 'LIST',
}
registerEnumType(SearchType, { name: 'SearchType', description: 'Which kinds of record a search covers.' });

const SEARCHABLE = [LegalEntity, GovernmentAction, Country, TechnologyCategory, Authority, SanctionsList] as const;

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'Anything search can find.',
  types: () => SEARCHABLE,
  resolveType: (value) => (value.constructor as { graphqlName?: string }).graphqlName,
});

@ObjectType('SearchHit', { description: 'One search result, with how well and where it matched.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance in [0, 1]; 1 is an exact match of a name, code or citation.' })
  score!: number;

  @Field({ description: 'What matched: the name or alias for entities, "citation: 84 FR 54002" or "title: ..." for actions.' })
  matched!: string;

  @Field(() => SearchResult, { description: 'The record found.' })
  node!: typeof SearchResult;
}

@InputType('MatchInput', { description: 'Screening: one name (and optional hints) to check against the knowledge base.' })
export class MatchInput {
  @Field({ description: 'The name to screen, as written anywhere (any case, script, word order, with or without "Co., Ltd.").' })
  name!: string;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country hint: a match in this country scores higher, one elsewhere lower.' })
  country?: string | null;

  @Field(() => EntityKind, { nullable: true, description: 'Kind hint: a match of this kind scores higher, one of another kind lower.' })
  kind?: EntityKind | null;

  @Field(() => [String], { nullable: true, description: 'Other names the same party is known by; the best of all names counts.' })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Address hint: shared words with a listed address raise the score a little.' })
  address?: string | null;
}

@ObjectType('EntityMatch', { description: 'A candidate entity for a screened name.' })
export class EntityMatch {
  @Field(() => LegalEntity, { description: 'The entity.' })
  entity!: LegalEntity;

  @Field(() => Float, { description: 'Match confidence in [0, 1], comparable across queries.' })
  score!: number;

  @Field({ description: 'The entity name or alias that matched best.' })
  matchedName!: string;

  @Field(() => [String], { description: 'Why it scored so: each feature that counted.' })
  explanation!: string[];
}
