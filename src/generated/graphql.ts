import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO 3166-1 alpha-2 country code, upper case ("CN", "US"); an unknown code is a BAD_USER_INPUT error. */
  CountryCode: { input: string; output: string; }
  /** A calendar date, "YYYY-MM-DD" (no time, no time zone). */
  Date: { input: string; output: string; }
  /** An instant, ISO 8601 with offset ("2019-10-09T00:00:00.000Z"). */
  DateTime: { input: string; output: string; }
  /** An absolute http(s) URL. */
  URL: { input: string; output: string; }
};

/** Narrows a list of actions: AND across fields, OR within a list. */
export type ActionFilter = {
  /** Issued by one of these authorities (slugs; sub-authorities included). */
  authority?: InputMaybe<Array<Scalars['String']['input']>>;
  /** About one of these countries (named as SUBJECT or TARGET). */
  concerning?: InputMaybe<Array<Scalars['CountryCode']['input']>>;
  /** Names one of these entities, in any role. */
  entity?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only these actions (global ids). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Include soft-deleted actions. */
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  /** Issued by an authority of one of these countries. */
  issuingCountry?: InputMaybe<Array<Scalars['CountryCode']['input']>>;
  /** Of one of these kinds. */
  kind?: InputMaybe<Array<ActionKind>>;
  /** Concerning one of these lists (slugs). */
  list?: InputMaybe<Array<Scalars['String']['input']>>;
  /** occurredOn falls in this range. */
  occurredBetween?: InputMaybe<DateRange>;
  /** Signed by one of these countries. */
  signatory?: InputMaybe<Array<Scalars['CountryCode']['input']>>;
  /** Has one of these tags. */
  tag?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Targets an entity in one of these technology categories (descendants included). */
  technology?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Title, summary, citation or document number contains this text. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** The fields of an action. On create, kind, title, authority, occurredOn and at least one source are required; on update, omitted fields stay as they are, `participants` given replace the old ones, and `sources` are added. */
export type ActionInput = {
  /** When it was announced, if before it occurred (not after occurredOn). */
  announcedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Authority slug ("us-bis"). */
  authority?: InputMaybe<Scalars['String']['input']>;
  /** Official citation ("84 FR 54002"). */
  citation?: InputMaybe<Scalars['String']['input']>;
  /** Document number ("2019-22210"). */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  /** When it took effect. */
  effectiveOn?: InputMaybe<Scalars['Date']['input']>;
  /** When it ended (not before occurredOn or effectiveOn). */
  endedOn?: InputMaybe<Scalars['Date']['input']>;
  /** At most 20,000 characters. */
  grounds?: InputMaybe<Scalars['String']['input']>;
  /** What the action does; required on create. */
  kind?: InputMaybe<ActionKind>;
  /** List slug; required for LISTING, DELISTING and LISTING_AMENDMENT. */
  list?: InputMaybe<Scalars['String']['input']>;
  /** The date that places it on the timeline; required on create. */
  occurredOn?: InputMaybe<Scalars['Date']['input']>;
  /** At most 1,000. */
  participants?: InputMaybe<Array<ParticipantInput>>;
  /** When it was published (e.g. in the Federal Register). */
  publishedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Stable key; generated from the date and title when omitted on create. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Documents that support it; added to those already cited. At least one is required on create. */
  sources?: InputMaybe<Array<SourceInput>>;
  /** What it does, in a few sentences (at most 20,000 characters). */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Topic tags (at most 100, each at most 100 characters); replace the old ones on update. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** At most 500 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** What a government action does. */
export type ActionKind =
  /** Removes targets from a list. */
  | 'DELISTING'
  /** An executive order or decree. */
  | 'EXECUTIVE_ORDER'
  /** A letter signed by several states. */
  | 'JOINT_LETTER'
  /** A law. */
  | 'LEGISLATION'
  /** Adds targets to a list (an Entity List addition, an SDN designation). */
  | 'LISTING'
  /** Changes an entry (name, address, licence policy). */
  | 'LISTING_AMENDMENT'
  /** Anything else. */
  | 'OTHER'
  /** A report or advisory. */
  | 'REPORT'
  /** A resolution of a legislature or intergovernmental body. */
  | 'RESOLUTION'
  /** A statement, speech or press release. */
  | 'STATEMENT'
  /** Import bans, withhold release orders, export rules not tied to a list. */
  | 'TRADE_RESTRICTION'
  /** Restricts visas for named officials or groups. */
  | 'VISA_RESTRICTION';

/** One ordering key for actions; ties are broken by id. */
export type ActionOrder = {
  /** The direction. */
  direction?: SortDirection;
  /** The key. */
  field: ActionOrderField;
};

/** What actions can be ordered by. */
export type ActionOrderField =
  | 'CREATED_AT'
  | 'OCCURRED_ON'
  | 'TARGET_COUNT'
  | 'TITLE';

/** The action as it is after the change, and any user errors. */
export type ActionPayload = {
  __typename?: 'ActionPayload';
  /** The action; null when nothing could be done. */
  action?: Maybe<GovernmentAction>;
  /** What the caller must fix; empty on success. */
  userErrors: Array<UserError>;
};

/** Stored once, readable from both ends (RESPONDS_TO one way is RESPONDED_TO_BY the other). */
export type ActionRelation = {
  __typename?: 'ActionRelation';
  /** The action at the other end. */
  action: GovernmentAction;
  /** The relation, read from the action whose relations were asked for. */
  kind: ActionRelationKind;
};

/** How two actions are related, read from the action whose relations are asked for. */
export type ActionRelationKind =
  | 'AMENDED_BY'
  | 'AMENDS'
  | 'COORDINATED_WITH'
  | 'FOLLOWED_BY'
  | 'FOLLOWS'
  | 'IMPLEMENTED_BY'
  | 'IMPLEMENTS'
  | 'RESPONDED_TO_BY'
  | 'RESPONDS_TO'
  | 'REVOKED_BY'
  | 'REVOKES';

/** Facet counts of the actions matching a filter (each facet sorted by count, largest first). */
export type ActionStats = {
  __typename?: 'ActionStats';
  /** Actions per issuing authority (key: authority slug). */
  byAuthority: Array<Facet>;
  /** Actions per country of the issuing authority (key: ISO code). */
  byIssuingCountry: Array<Facet>;
  /** Actions per kind (key: ActionKind). */
  byKind: Array<Facet>;
  /** Actions each country signed (key: ISO code). */
  bySignatory: Array<Facet>;
  /** Actions targeting an entity in each technology category (key: category slug; an action counts once per category). */
  byTechnology: Array<Facet>;
  /** Actions per year of occurredOn (key: the year), oldest first. */
  byYear: Array<Facet>;
  /** Actions matching the filter. */
  total: Scalars['Int']['output'];
};

/** A postal address, as complete as the sources give it. */
export type Address = {
  __typename?: 'Address';
  /** City or town. */
  city?: Maybe<Scalars['String']['output']>;
  /** The country of the address. */
  country?: Maybe<Country>;
  /** The whole address on one line, as listed. */
  full: Scalars['String']['output'];
  /** Postal code. */
  postalCode?: Maybe<Scalars['String']['output']>;
  /** Province, state or region. */
  region?: Maybe<Scalars['String']['output']>;
  /** Street and number. */
  street?: Maybe<Scalars['String']['output']>;
};

/** A postal address; give at least `full`, or the parts to build it from. */
export type AddressInput = {
  /** City or town. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Country of the address (ISO code). */
  country?: InputMaybe<Scalars['CountryCode']['input']>;
  /** The whole address on one line; built from the parts when omitted. */
  full?: InputMaybe<Scalars['String']['input']>;
  /** Postal code. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** Province, state or region. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** Street and number. */
  street?: InputMaybe<Scalars['String']['input']>;
};

/** Who issues actions: the Bureau of Industry and Security, the UN Human Rights Council, the Council of the EU... */
export type Authority = Node & {
  __typename?: 'Authority';
  /** Usual abbreviation ("BIS"). */
  abbreviation?: Maybe<Scalars['String']['output']>;
  /** Actions it or one of its sub-authorities issued, newest first. */
  actions: GovernmentActionConnection;
  /** The country it belongs to; null for intergovernmental and supranational bodies. */
  country?: Maybe<Country>;
  /** When the record was created in policy-kb. */
  createdAt: Scalars['DateTime']['output'];
  /** Opaque global id; pass it to `node(id:)` to fetch this object again. */
  id: Scalars['ID']['output'];
  /** What sort of body it is. */
  kind: AuthorityKind;
  /** Full name ("Bureau of Industry and Security"). */
  name: Scalars['String']['output'];
  /** The body it is part of (BIS is part of the Department of Commerce). */
  parent?: Maybe<Authority>;
  /** Stable key ("us-bis"). */
  slug: Scalars['String']['output'];
  /** When the record was last changed in policy-kb. */
  updatedAt: Scalars['DateTime']['output'];
  /** Increases with every change; updates must name the version they read. */
  version: Scalars['Int']['output'];
};


/** Who issues actions: the Bureau of Industry and Security, the UN Human Rights Council, the Council of the EU... */
export type AuthorityActionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** What sort of body an authority is. */
export type AuthorityKind =
  | 'COURT'
  | 'GOVERNMENT_AGENCY'
  | 'HEAD_OF_STATE_OR_GOVERNMENT'
  | 'INTERGOVERNMENTAL_BODY'
  | 'LEGISLATURE'
  | 'OTHER'
  | 'SUPRANATIONAL_BODY';

/** A country or territory, keyed by its ISO 3166-1 alpha-2 code. */
export type Country = Node & {
  __typename?: 'Country';
  /** Actions about this country (its government, territory or people): it is named as SUBJECT or TARGET. */
  actionsConcerning: GovernmentActionConnection;
  /** Actions issued by an authority of this country. */
  actionsIssued: GovernmentActionConnection;
  /** Joint letters, resolutions and statements this country signed. */
  actionsSigned: GovernmentActionConnection;
  /** ISO 3166-1 alpha-3 code ("CHN"). */
  alpha3?: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2 code, upper case ("CN", "US"). */
  code: Scalars['CountryCode']['output'];
  /** Entities based in this country. */
  entities: EntityConnection;
  /** Opaque global id; pass it to `node(id:)` to fetch this object again. */
  id: Scalars['ID']['output'];
  /** Common English name ("China"). */
  name: Scalars['String']['output'];
  /** Official English name ("People's Republic of China"). */
  officialName?: Maybe<Scalars['String']['output']>;
  /** World region ("Asia", "Europe"). */
  region?: Maybe<Scalars['String']['output']>;
  /** Sub-region ("Eastern Asia"). */
  subregion?: Maybe<Scalars['String']['output']>;
};


/** A country or territory, keyed by its ISO 3166-1 alpha-2 code. */
export type CountryActionsConcerningArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory, keyed by its ISO 3166-1 alpha-2 code. */
export type CountryActionsIssuedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory, keyed by its ISO 3166-1 alpha-2 code. */
export type CountryActionsSignedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory, keyed by its ISO 3166-1 alpha-2 code. */
export type CountryEntitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EntityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** An inclusive date range; either end may be left open. */
export type DateRange = {
  /** First day included. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Last day included. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** The id of the soft-deleted record, and any user errors. */
export type DeletePayload = {
  __typename?: 'DeletePayload';
  /** The global id of the deleted record (restore brings it back). */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** What the caller must fix; empty on success. */
  userErrors: Array<UserError>;
};

/** A company, agency, person or other organisation that actions name. */
export type Entity = Node & {
  __typename?: 'Entity';
  /** Addresses, as listed by the actions and sources. */
  addresses: Array<Address>;
  /** Other names: former names, translations, names in other scripts, names as listed. */
  aliases: Array<Scalars['String']['output']>;
  /** Where it is based. */
  country?: Maybe<Country>;
  /** When the record was created in policy-kb. */
  createdAt: Scalars['DateTime']['output'];
  /** What it is and does, in a sentence or two. */
  description?: Maybe<Scalars['String']['output']>;
  /** Opaque global id; pass it to `node(id:)` to fetch this object again. */
  id: Scalars['ID']['output'];
  /** Registry identifiers. */
  identifiers: Array<Identifier>;
  /** What sort of organisation or person it is. */
  kind: EntityKind;
  /** List memberships over time; activeOn narrows to those in force on that date. */
  listings: Array<Listing>;
  /** The name it is best known by. */
  name: Scalars['String']['output'];
  /** Curator's note: caveats, unverified parts, context. */
  note?: Maybe<Scalars['String']['output']>;
  /** Every action that names this entity, with its role and the grounds given for it; newest first. */
  participations: ParticipationConnection;
  /** Related entities, read from this entity (a subsidiary sees SUBSIDIARY_OF, its parent PARENT_OF). */
  relations: Array<EntityRelation>;
  /** Stable, URL-safe key ("cn-hikvision"). */
  slug: Scalars['String']['output'];
  /** Where the facts about this entity come from. */
  sources: Array<Source>;
  /** Its technology categories, by name. */
  technologies: Array<TechnologyCategory>;
  /** When the record was last changed in policy-kb. */
  updatedAt: Scalars['DateTime']['output'];
  /** False when a key fact (such as the exact name) could not be confirmed in a source; `note` says which. */
  verified: Scalars['Boolean']['output'];
  /** Increases with every change; updates must name the version they read. */
  version: Scalars['Int']['output'];
  /** Its own website. */
  website?: Maybe<Scalars['URL']['output']>;
};


/** A company, agency, person or other organisation that actions name. */
export type EntityListingsArgs = {
  activeOn?: InputMaybe<Scalars['Date']['input']>;
};


/** A company, agency, person or other organisation that actions name. */
export type EntityParticipationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<Array<ParticipantRole>>;
};


/** A company, agency, person or other organisation that actions name. */
export type EntityRelationsArgs = {
  kind?: InputMaybe<Array<EntityRelationKind>>;
};

/** A page of entitys (Relay connection). */
export type EntityConnection = {
  __typename?: 'EntityConnection';
  /** The edges of this page, in order. */
  edges: Array<EntityEdge>;
  /** The nodes of this page, in order (edges without cursors). */
  nodes: Array<Entity>;
  /** Cursors and whether more pages follow. */
  pageInfo: PageInfo;
  /** How many match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** One entity in a page, with its cursor. */
export type EntityEdge = {
  __typename?: 'EntityEdge';
  /** Opaque cursor; pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The entity. */
  node: Entity;
};

/** Narrows a list of entities: AND across fields, OR within a list. */
export type EntityFilter = {
  /** On a list (those of `list`, or any) on this date. */
  activeOn?: InputMaybe<Scalars['Date']['input']>;
  /** Named as TARGET by an action of these authorities (slugs; sub-authorities included). */
  authority?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Based in one of these countries. */
  country?: InputMaybe<Array<Scalars['CountryCode']['input']>>;
  /** Only these entities (global ids). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Include soft-deleted entities. */
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  /** Of one of these kinds. */
  kind?: InputMaybe<Array<EntityKind>>;
  /** On one of these lists (slugs), at any time or, with activeOn, on that date. */
  list?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Targeted by an action whose occurredOn falls in this range. */
  targetedBetween?: InputMaybe<DateRange>;
  /** Named as TARGET by an action of one of these kinds. */
  targetedBy?: InputMaybe<Array<ActionKind>>;
  /** Technology slugs; a category matches its descendants too. */
  technology?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Name or alias contains / resembles this text. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** The fields of an entity. On create, kind, name and at least one source are required; on update, omitted fields stay as they are (lists given replace the old ones, except sources, which are added). */
export type EntityInput = {
  /** Addresses (at most 100); replace the old ones on update. */
  addresses?: InputMaybe<Array<AddressInput>>;
  /** At most 1,000 aliases of at most 500 characters. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Where it is based (ISO code). */
  country?: InputMaybe<Scalars['CountryCode']['input']>;
  /** What it is and does (at most 20,000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Registry identifiers (at most 100); replace the old ones on update. */
  identifiers?: InputMaybe<Array<IdentifierInput>>;
  /** What sort of organisation or person it is; required on create. */
  kind?: InputMaybe<EntityKind>;
  /** At most 500 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Stable key; generated from country and name when omitted on create. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Documents that support the facts; added to those already cited. */
  sources?: InputMaybe<Array<SourceInput>>;
  /** Technology category slugs. */
  technologies?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Its own website (http or https). */
  website?: InputMaybe<Scalars['URL']['input']>;
};

/** What sort of organisation or person an entity is. */
export type EntityKind =
  | 'COMPANY'
  | 'EDUCATIONAL_INSTITUTION'
  | 'GOVERNMENT_AGENCY'
  | 'MILITARY'
  | 'NGO'
  | 'OTHER'
  | 'PERSON'
  | 'RESEARCH_INSTITUTE';

/** A candidate entity for a screened name. */
export type EntityMatch = {
  __typename?: 'EntityMatch';
  /** The entity. */
  entity: Entity;
  /** Why it scored so: each feature that counted. */
  explanation: Array<Scalars['String']['output']>;
  /** The entity name or alias that matched best. */
  matchedName: Scalars['String']['output'];
  /** Match confidence in [0, 1], comparable across queries. */
  score: Scalars['Float']['output'];
};

/** One ordering key for entities; ties are broken by id. */
export type EntityOrder = {
  /** The direction. */
  direction?: SortDirection;
  /** The key. */
  field: EntityOrderField;
};

/** What entities can be ordered by. */
export type EntityOrderField =
  | 'CREATED_AT'
  /** Date of the first action that named it as TARGET; never-targeted entities come last when ascending. */
  | 'FIRST_TARGETED_ON'
  | 'NAME'
  | 'UPDATED_AT';

/** The entity as it is after the change (or as it is now, on a CONFLICT), and any user errors. */
export type EntityPayload = {
  __typename?: 'EntityPayload';
  /** The entity; null when nothing could be done. */
  entity?: Maybe<Entity>;
  /** What the caller must fix; empty on success. */
  userErrors: Array<UserError>;
};

/** Relations are stored once and readable from both ends (SUBSIDIARY_OF one way is PARENT_OF the other). */
export type EntityRelation = {
  __typename?: 'EntityRelation';
  /** The entity at the other end. */
  entity: Entity;
  /** The relation, read from the entity whose relations were asked for. */
  kind: EntityRelationKind;
  /** Since when the relation holds, if known. */
  since?: Maybe<Scalars['Date']['output']>;
  /** Where the relation is documented. */
  sources: Array<Source>;
  /** Until when it held, if it ended. */
  until?: Maybe<Scalars['Date']['output']>;
};

/** How two entities are related, read from the entity whose relations are asked for. */
export type EntityRelationKind =
  | 'AFFILIATE_OF'
  | 'CUSTOMER_OF'
  | 'PARENT_OF'
  | 'PREDECESSOR_OF'
  | 'SUBORDINATE_OF'
  | 'SUBSIDIARY_OF'
  | 'SUCCESSOR_OF'
  | 'SUPERIOR_OF'
  | 'SUPPLIER_OF';

/** Facet counts of the entities matching a filter (each facet sorted by count, largest first). */
export type EntityStats = {
  __typename?: 'EntityStats';
  /** Entities per country (key: ISO code). */
  byCountry: Array<Facet>;
  /** Entities per kind (key: EntityKind). */
  byKind: Array<Facet>;
  /** Entities per list they are or were on, or were on at the filter's activeOn date (key: list slug). */
  byList: Array<Facet>;
  /** Entities per technology category they are filed under (key: slug). */
  byTechnology: Array<Facet>;
  /** Entities matching the filter. */
  total: Scalars['Int']['output'];
};

/** A count under one key: a kind, a country code, a slug, a year. */
export type Facet = {
  __typename?: 'Facet';
  /** How many. */
  count: Scalars['Int']['output'];
  /** Machine key: an enum value, ISO code, slug or year; usable in the matching filter. */
  key: Scalars['String']['output'];
  /** Human-readable label. */
  label: Scalars['String']['output'];
};

/** A rule, designation, letter, statement or law, placed on the timeline by occurredOn. */
export type GovernmentAction = Node & {
  __typename?: 'GovernmentAction';
  /** When it was announced, if earlier than it occurred. */
  announcedOn?: Maybe<Scalars['Date']['output']>;
  /** Who issued it. */
  authority: Authority;
  /** Official citation ("84 FR 54002"). */
  citation?: Maybe<Scalars['String']['output']>;
  /** Countries it is about (SUBJECT or TARGET), by name. */
  concerns: Array<Country>;
  /** When the record was created in policy-kb. */
  createdAt: Scalars['DateTime']['output'];
  /** Document number ("2019-22210"). */
  documentNumber?: Maybe<Scalars['String']['output']>;
  /** When it took effect. */
  effectiveOn?: Maybe<Scalars['Date']['output']>;
  /** When it ended, if it has. */
  endedOn?: Maybe<Scalars['Date']['output']>;
  /** The justification the action states. */
  grounds?: Maybe<Scalars['String']['output']>;
  /** Opaque global id; pass it to `node(id:)` to fetch this object again. */
  id: Scalars['ID']['output'];
  /** The issuing authority's country; null for intergovernmental bodies. */
  issuingCountry?: Maybe<Country>;
  /** What the action does. */
  kind: ActionKind;
  /** The list it changes; set for LISTING / DELISTING / LISTING_AMENDMENT. */
  list?: Maybe<SanctionsList>;
  /** Curator's note: caveats, unverified parts, context. */
  note?: Maybe<Scalars['String']['output']>;
  /** The date that places the action on the timeline (publication for rules, signing for letters). */
  occurredOn: Scalars['Date']['output'];
  /** Everyone it names (entities and countries), in the order recorded; role narrows. */
  participants: ParticipationConnection;
  /** When it was published (e.g. in the Federal Register). */
  publishedOn?: Maybe<Scalars['Date']['output']>;
  /** Related actions, read from this action (the later letter RESPONDS_TO, the earlier is RESPONDED_TO_BY). */
  related: Array<ActionRelation>;
  /** Countries that signed it (SIGNATORY), by name. */
  signatories: Array<Country>;
  /** Stable key ("bis-el-2019-10-xinjiang-28"). */
  slug: Scalars['String']['output'];
  /** Where the facts about this action come from. */
  sources: Array<Source>;
  /** What the action does, in a few sentences. */
  summary?: Maybe<Scalars['String']['output']>;
  /** Free-form topic tags ("xinjiang", "surveillance"). */
  tags: Array<Scalars['String']['output']>;
  /** The TARGET participants that are entities, filterable by the entity's own fields; by entity name. */
  targets: ParticipationConnection;
  /** Technology categories of its targets, by name. */
  technologies: Array<TechnologyCategory>;
  /** Title, as published or as a plain description. */
  title: Scalars['String']['output'];
  /** When the record was last changed in policy-kb. */
  updatedAt: Scalars['DateTime']['output'];
  /** False when a key fact (date, citation, targets) could not be confirmed in a source; `note` says which. */
  verified: Scalars['Boolean']['output'];
  /** Increases with every change; updates must name the version they read. */
  version: Scalars['Int']['output'];
};


/** A rule, designation, letter, statement or law, placed on the timeline by occurredOn. */
export type GovernmentActionParticipantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<Array<ParticipantRole>>;
};


/** A rule, designation, letter, statement or law, placed on the timeline by occurredOn. */
export type GovernmentActionRelatedArgs = {
  kind?: InputMaybe<Array<ActionRelationKind>>;
};


/** A rule, designation, letter, statement or law, placed on the timeline by occurredOn. */
export type GovernmentActionTargetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EntityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of government actions (Relay connection). */
export type GovernmentActionConnection = {
  __typename?: 'GovernmentActionConnection';
  /** The edges of this page, in order. */
  edges: Array<GovernmentActionEdge>;
  /** The nodes of this page, in order (edges without cursors). */
  nodes: Array<GovernmentAction>;
  /** Cursors and whether more pages follow. */
  pageInfo: PageInfo;
  /** How many match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** One government action in a page, with its cursor. */
export type GovernmentActionEdge = {
  __typename?: 'GovernmentActionEdge';
  /** Opaque cursor; pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The government action. */
  node: GovernmentAction;
};

/** Bucket size of a timeline (weeks start on Monday). */
export type Granularity =
  | 'DAY'
  | 'MONTH'
  | 'QUARTER'
  | 'WEEK'
  | 'YEAR';

/** Nodes and edges, ready for a network drawing (d3, cytoscape, sigma). */
export type Graph = {
  __typename?: 'Graph';
  /** Edges whose both ends are in `nodes`. */
  edges: Array<GraphEdge>;
  /** The roots first, then nodes in the order they were reached. */
  nodes: Array<GraphNode>;
  /** True when maxNodes stopped the walk before every neighbour within depth was added. */
  truncated: Scalars['Boolean']['output'];
};

/** A directed edge between two nodes of the same graph. */
export type GraphEdge = {
  __typename?: 'GraphEdge';
  /** What the edge means: a participant role (TARGET, SIGNATORY...), a relation kind (SUBSIDIARY_OF, RESPONDS_TO...), ISSUED_BY, ON_LIST or IN_CATEGORY. */
  kind: Scalars['String']['output'];
  /** A readable form of the kind. */
  label?: Maybe<Scalars['String']['output']>;
  /** Global id of the source node (actions point at their participants, authority and list; entities at their categories). */
  source: Scalars['ID']['output'];
  /** Global id of the target node. */
  target: Scalars['ID']['output'];
};

/** A node of a network drawing; `node` fetches the full object. */
export type GraphNode = {
  __typename?: 'GraphNode';
  /** The global id of the object (use it with node(id:)). */
  id: Scalars['ID']['output'];
  /** Name or title of the object. */
  label: Scalars['String']['output'];
  /** The object itself. */
  node: Node;
  /** GraphQL type of the object: Entity, GovernmentAction, Country, Authority, TechnologyCategory, SanctionsList. */
  type: Scalars['String']['output'];
};

/** A registry identifier: "LEI", "SZSE" (stock code), "USCC" (credit code)... */
export type Identifier = {
  __typename?: 'Identifier';
  /** The registry or scheme ("LEI", "SZSE", "USCC"). */
  scheme: Scalars['String']['output'];
  /** The identifier within the scheme. */
  value: Scalars['String']['output'];
};

/** A registry identifier. */
export type IdentifierInput = {
  /** The scheme ("LEI", "USCC"). */
  scheme: Scalars['String']['input'];
  /** The identifier. */
  value: Scalars['String']['input'];
};

/** How many actions of one kind. */
export type KindCount = {
  __typename?: 'KindCount';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The kind. */
  kind: ActionKind;
};

/** One entity's time on one list: from the action that added it to the one that removed it. */
export type Listing = {
  __typename?: 'Listing';
  /** In force on the date asked (activeOn), or today when none was given. */
  active: Scalars['Boolean']['output'];
  /** The action that added it. */
  addedBy: GovernmentAction;
  /** The entity listed. */
  entity: Entity;
  /** The grounds the adding action gave for this entity. */
  grounds?: Maybe<Scalars['String']['output']>;
  /** The list. */
  list: SanctionsList;
  /** The action that removed it, if any. */
  removedBy?: Maybe<GovernmentAction>;
  /** When the entry took effect (the adding action's effectiveOn, else occurredOn). */
  since: Scalars['Date']['output'];
  /** When the entry was removed; null while it stands. */
  until?: Maybe<Scalars['Date']['output']>;
};

/** A page of list entrys (Relay connection). */
export type ListingConnection = {
  __typename?: 'ListingConnection';
  /** The edges of this page, in order. */
  edges: Array<ListingEdge>;
  /** The nodes of this page, in order (edges without cursors). */
  nodes: Array<Listing>;
  /** Cursors and whether more pages follow. */
  pageInfo: PageInfo;
  /** How many match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** One list entry in a page, with its cursor. */
export type ListingEdge = {
  __typename?: 'ListingEdge';
  /** Opaque cursor; pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The list entry. */
  node: Listing;
};

/** Screening: one name (and optional hints) to check against the knowledge base. */
export type MatchInput = {
  /** Address hint: shared words with a listed address raise the score a little. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Other names the same party is known by; the best of all names counts. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Country hint: a match in this country scores higher, one elsewhere lower. */
  country?: InputMaybe<Scalars['CountryCode']['input']>;
  /** Kind hint: a match of this kind scores higher, one of another kind lower. */
  kind?: InputMaybe<EntityKind>;
  /** The name to screen, as written anywhere (any case, script, word order, with or without "Co., Ltd."). */
  name: Scalars['String']['input'];
};

/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds participants (at most 1,000 per call). */
  addParticipants: ActionPayload;
  /** Records a new action (EDITOR or ADMIN). kind, title, authority, occurredOn and a source are required; a LISTING needs a list and a TARGET entity. */
  createAction: ActionPayload;
  /** Creates an entity (EDITOR or ADMIN). kind, name and at least one source are required. */
  createEntity: EntityPayload;
  /** Soft-deletes an action: it disappears from queries (unless includeDeleted) and can be restored. */
  deleteAction: DeletePayload;
  /** Soft-deletes an entity: it disappears from queries (unless includeDeleted) and can be restored. */
  deleteEntity: DeletePayload;
  /** Moves the duplicate's participations, relations, aliases and sources onto keep; the duplicate's id keeps resolving to keep. */
  mergeEntities: EntityPayload;
  /** Records a relation between two actions (stored once, readable from both ends). */
  relateActions: ActionPayload;
  /** Records a relation between two entities (stored once, readable from both ends). */
  relateEntities: EntityPayload;
  /** Removes one participant (kept in the history; a LISTING keeps at least one TARGET). */
  removeParticipant: ActionPayload;
  /** Brings back a soft-deleted action. */
  restoreAction: ActionPayload;
  /** Brings back a soft-deleted entity. */
  restoreEntity: EntityPayload;
  /** expectedVersion guards against lost updates: a stale version is a CONFLICT user error. */
  updateAction: ActionPayload;
  /** expectedVersion guards against lost updates: a stale version is a CONFLICT user error. */
  updateEntity: EntityPayload;
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationAddParticipantsArgs = {
  actionId: Scalars['ID']['input'];
  participants: Array<ParticipantInput>;
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationCreateActionArgs = {
  input: ActionInput;
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationCreateEntityArgs = {
  input: EntityInput;
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationDeleteActionArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationDeleteEntityArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationMergeEntitiesArgs = {
  duplicateId: Scalars['ID']['input'];
  keepId: Scalars['ID']['input'];
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationRelateActionsArgs = {
  fromId: Scalars['ID']['input'];
  kind: ActionRelationKind;
  toId: Scalars['ID']['input'];
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationRelateEntitiesArgs = {
  fromId: Scalars['ID']['input'];
  kind: EntityRelationKind;
  since?: InputMaybe<Scalars['Date']['input']>;
  toId: Scalars['ID']['input'];
  until?: InputMaybe<Scalars['Date']['input']>;
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationRemoveParticipantArgs = {
  participationId: Scalars['ID']['input'];
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationRestoreActionArgs = {
  id: Scalars['ID']['input'];
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationRestoreEntityArgs = {
  id: Scalars['ID']['input'];
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationUpdateActionArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: ActionInput;
};


/** Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history. */
export type MutationUpdateEntityArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: EntityInput;
};

/** Relay global object identification: every id is opaque and globally unique. */
export type Node = {
  /** Opaque global id; pass it to `node(id:)` to fetch this object again. */
  id: Scalars['ID']['output'];
};

/** Where a page sits in its list, with the cursors to move from it. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge of the page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More edges follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** More edges come before this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge of the page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** An entity or a country named by an action: give exactly one of entity / country. */
export type ParticipantInput = {
  /** The address exactly as the action lists it. */
  addressAsListed?: InputMaybe<Scalars['String']['input']>;
  /** ISO code of the country. */
  country?: InputMaybe<Scalars['CountryCode']['input']>;
  /** Global id of the entity. */
  entity?: InputMaybe<Scalars['ID']['input']>;
  /** Why it was named (at most 20,000 characters). */
  grounds?: InputMaybe<Scalars['String']['input']>;
  /** For list entries: how licence applications are reviewed. */
  licensePolicy?: InputMaybe<Scalars['String']['input']>;
  /** For list entries: which exports need a licence. */
  licenseRequirement?: InputMaybe<Scalars['String']['input']>;
  /** The name exactly as the action lists it. */
  nameAsListed?: InputMaybe<Scalars['String']['input']>;
  /** Curator's note on this participant (e.g. what is unverified). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The part it plays. */
  role: ParticipantRole;
};

/** The part an entity or country plays in an action. */
export type ParticipantRole =
  /** Issued the action jointly with its authority. */
  | 'ISSUER'
  /** Publicly opposed the action. */
  | 'OPPONENT'
  /** Signed the letter, resolution or statement. */
  | 'SIGNATORY'
  /** What the action is about (a country whose policy a letter addresses). */
  | 'SUBJECT'
  /** Publicly supported the action. */
  | 'SUPPORTER'
  /** Listed, sanctioned or restricted by the action. */
  | 'TARGET';

/** An entity or a country named by an action, in a role. */
export type Participation = Node & {
  __typename?: 'Participation';
  /** The action. */
  action: GovernmentAction;
  /** The address exactly as the action lists it. */
  addressAsListed?: Maybe<Scalars['String']['output']>;
  /** The country named; exactly one of entity / country is set. */
  country?: Maybe<Country>;
  /** When the record was created in policy-kb. */
  createdAt: Scalars['DateTime']['output'];
  /** The entity named; exactly one of entity / country is set. */
  entity?: Maybe<Entity>;
  /** Why this participant was named, where the action says so. */
  grounds?: Maybe<Scalars['String']['output']>;
  /** Opaque global id; pass it to `node(id:)` to fetch this object again. */
  id: Scalars['ID']['output'];
  /** For list entries: how licence applications are reviewed ("Presumption of denial"). */
  licensePolicy?: Maybe<Scalars['String']['output']>;
  /** For list entries: which exports need a licence ("For all items subject to the EAR"). */
  licenseRequirement?: Maybe<Scalars['String']['output']>;
  /** The name exactly as the action lists it. */
  nameAsListed?: Maybe<Scalars['String']['output']>;
  /** Curator's note on this participant (e.g. what is unverified). */
  note?: Maybe<Scalars['String']['output']>;
  /** The part it plays in the action. */
  role: ParticipantRole;
  /** When the record was last changed in policy-kb. */
  updatedAt: Scalars['DateTime']['output'];
  /** Increases with every change; updates must name the version they read. */
  version: Scalars['Int']['output'];
};

/** A page of participations (Relay connection). */
export type ParticipationConnection = {
  __typename?: 'ParticipationConnection';
  /** The edges of this page, in order. */
  edges: Array<ParticipationEdge>;
  /** The nodes of this page, in order (edges without cursors). */
  nodes: Array<Participation>;
  /** Cursors and whether more pages follow. */
  pageInfo: PageInfo;
  /** How many match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** One participation in a page, with its cursor. */
export type ParticipationEdge = {
  __typename?: 'ParticipationEdge';
  /** Opaque cursor; pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The participation. */
  node: Participation;
};

/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type Query = {
  __typename?: 'Query';
  /** One action, by global id or by slug. */
  action?: Maybe<GovernmentAction>;
  /** Facet counts of the actions matching a filter: by kind, authority, issuing country, signatory, technology and year. */
  actionStats: ActionStats;
  /** Actions matching a filter, newest first unless orderBy says otherwise. */
  actions: GovernmentActionConnection;
  /** Every authority, by name. */
  authorities: Array<Authority>;
  /** One authority by slug ("us-bis"). */
  authority?: Maybe<Authority>;
  /** Every ISO 3166-1 country and territory, by name. */
  countries: Array<Country>;
  /** One country by ISO 3166-1 alpha-2 code. */
  country?: Maybe<Country>;
  /** Entities matching a filter, in a stable order (by name unless orderBy says otherwise). */
  entities: EntityConnection;
  /** One entity, by global id or by slug. */
  entity?: Maybe<Entity>;
  /** Facet counts of the entities matching a filter: by kind, country, technology and list. */
  entityStats: EntityStats;
  /** Nodes and edges around the roots, breadth-first: participations (by role), entity and action relations, issuing authorities, lists and technology categories. depth 0-3, maxNodes 1-2000, at most 50 roots; unknown ids are left out. */
  graph: Graph;
  /** Audit trail of one entity, action or source, newest first. */
  history: RevisionConnection;
  /** One list by slug ("us-entity-list"). */
  list?: Maybe<SanctionsList>;
  /** Every list, by name. */
  lists: Array<SanctionsList>;
  /** Screening: entities whose names match the input, best first, with a score in [0, 1] and an explanation. */
  match: Array<EntityMatch>;
  /** Up to 100 names at once, answers in input order. */
  matchMany: Array<Array<EntityMatch>>;
  /** Any object by its global id; null when there is none. */
  node?: Maybe<Node>;
  /** Several objects by global id, in the order asked; null where there is none. */
  nodes: Array<Maybe<Node>>;
  /** Ranked search over names, aliases, titles and summaries; typo- and transliteration-tolerant. */
  search: Array<SearchHit>;
  /** The technology categories, by name; rootsOnly gives the top of the tree. */
  technologyCategories: Array<TechnologyCategory>;
  /** One technology category by slug. */
  technologyCategory?: Maybe<TechnologyCategory>;
  /** Actions per day, week, month, quarter or year under a filter, ready for a chart: empty periods between the first and the last are included. */
  timeline: Timeline;
  /** Who the caller is (reads are open; writes need an API key). */
  viewer: Viewer;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryActionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryActionStatsArgs = {
  filter?: InputMaybe<ActionFilter>;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryActionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ActionOrder>>;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryAuthorityArgs = {
  slug: Scalars['String']['input'];
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryCountryArgs = {
  code: Scalars['CountryCode']['input'];
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryEntitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EntityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<EntityOrder>>;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryEntityArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryEntityStatsArgs = {
  filter?: InputMaybe<EntityFilter>;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryGraphArgs = {
  depth?: Scalars['Int']['input'];
  maxNodes?: Scalars['Int']['input'];
  rootIds: Array<Scalars['ID']['input']>;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryListArgs = {
  slug: Scalars['String']['input'];
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryMatchArgs = {
  first?: Scalars['Int']['input'];
  input: MatchInput;
  threshold?: Scalars['Float']['input'];
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryMatchManyArgs = {
  first?: Scalars['Int']['input'];
  inputs: Array<MatchInput>;
  threshold?: Scalars['Float']['input'];
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QuerySearchArgs = {
  first?: Scalars['Int']['input'];
  query: Scalars['String']['input'];
  types?: InputMaybe<Array<SearchType>>;
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryTechnologyCategoriesArgs = {
  rootsOnly?: Scalars['Boolean']['input'];
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryTechnologyCategoryArgs = {
  slug: Scalars['String']['input'];
};


/** Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key. */
export type QueryTimelineArgs = {
  filter?: InputMaybe<ActionFilter>;
  granularity?: Granularity;
};

/** One change to a record: who, when, what kind, and the field-level before/after. */
export type Revision = {
  __typename?: 'Revision';
  /** Who made it: the API key name, or "seed" / "import". */
  actor: Scalars['String']['output'];
  /** When the change was committed. */
  at: Scalars['DateTime']['output'];
  /** Field -> [before, after], as a JSON object. */
  changes: Scalars['String']['output'];
  /** Opaque id of the revision. */
  id: Scalars['ID']['output'];
  /** create, update, delete, restore, merge or relate. */
  operation: Scalars['String']['output'];
};

/** A page of revisions (Relay connection). */
export type RevisionConnection = {
  __typename?: 'RevisionConnection';
  /** The edges of this page, in order. */
  edges: Array<RevisionEdge>;
  /** The nodes of this page, in order (edges without cursors). */
  nodes: Array<Revision>;
  /** Cursors and whether more pages follow. */
  pageInfo: PageInfo;
  /** How many match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** One revision in a page, with its cursor. */
export type RevisionEdge = {
  __typename?: 'RevisionEdge';
  /** Opaque cursor; pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The revision. */
  node: Revision;
};

/** What a caller may do: read; also write; also manage keys. */
export type Role =
  | 'ADMIN'
  | 'EDITOR'
  | 'READER';

/** A restricted-party list or sanctions programme: the US Entity List, the SDN List, an EU regime... */
export type SanctionsList = Node & {
  __typename?: 'SanctionsList';
  /** Who keeps the list. */
  authority: Authority;
  /** When the record was created in policy-kb. */
  createdAt: Scalars['DateTime']['output'];
  /** What the list is and what being on it means. */
  description?: Maybe<Scalars['String']['output']>;
  /** Who is (or was) on the list, derived from its LISTING / DELISTING actions; activeOn keeps the entries in force that day. */
  entries: ListingConnection;
  /** Opaque global id; pass it to `node(id:)` to fetch this object again. */
  id: Scalars['ID']['output'];
  /** Name of the list ("Entity List"). */
  name: Scalars['String']['output'];
  /** Stable key ("us-entity-list"). */
  slug: Scalars['String']['output'];
  /** When the record was last changed in policy-kb. */
  updatedAt: Scalars['DateTime']['output'];
  /** Where the list is published. */
  url?: Maybe<Scalars['URL']['output']>;
  /** Increases with every change; updates must name the version they read. */
  version: Scalars['Int']['output'];
};


/** A restricted-party list or sanctions programme: the US Entity List, the SDN List, an EU regime... */
export type SanctionsListEntriesArgs = {
  activeOn?: InputMaybe<Scalars['Date']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** One search result, with how well and where it matched. */
export type SearchHit = {
  __typename?: 'SearchHit';
  /** What matched: the name or alias for entities, "citation: 84 FR 54002" or "title: ..." for actions. */
  matched: Scalars['String']['output'];
  /** The record found. */
  node: SearchResult;
  /** Relevance in [0, 1]; 1 is an exact match of a name, code or citation. */
  score: Scalars['Float']['output'];
};

/** Anything search can find. */
export type SearchResult = Authority | Country | Entity | GovernmentAction | SanctionsList | TechnologyCategory;

/** Which kinds of record a search covers. */
export type SearchType =
  | 'ACTION'
  | 'AUTHORITY'
  | 'COUNTRY'
  | 'ENTITY'
  | 'LIST'
  | 'TECHNOLOGY';

/** Ascending or descending. */
export type SortDirection =
  | 'ASC'
  | 'DESC';

/** Provenance: every action and entity cites where its facts come from. */
export type Source = Node & {
  __typename?: 'Source';
  /** An archived copy. */
  archiveUrl?: Maybe<Scalars['URL']['output']>;
  /** When the record was created in policy-kb. */
  createdAt: Scalars['DateTime']['output'];
  /** Opaque global id; pass it to `node(id:)` to fetch this object again. */
  id: Scalars['ID']['output'];
  /** What kind of document it is. */
  kind: SourceKind;
  /** When it was published. */
  publishedOn?: Maybe<Scalars['Date']['output']>;
  /** Who published it ("Federal Register"). */
  publisher?: Maybe<Scalars['String']['output']>;
  /** When policy-kb last read it. */
  retrievedOn?: Maybe<Scalars['Date']['output']>;
  /** Title or a plain description of the document. */
  title: Scalars['String']['output'];
  /** When the record was last changed in policy-kb. */
  updatedAt: Scalars['DateTime']['output'];
  /** Where the document is. */
  url: Scalars['URL']['output'];
  /** Increases with every change; updates must name the version they read. */
  version: Scalars['Int']['output'];
};

/** A cited document; sources are matched by URL, so citing a known URL reuses it. */
export type SourceInput = {
  /** An archived copy. */
  archiveUrl?: InputMaybe<Scalars['URL']['input']>;
  /** What kind of document it is. */
  kind: SourceKind;
  /** When it was published. */
  publishedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Who published it. */
  publisher?: InputMaybe<Scalars['String']['input']>;
  /** When it was read. */
  retrievedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Title or a plain description of the document. */
  title: Scalars['String']['input'];
  /** Where the document is (http or https). */
  url: Scalars['URL']['input'];
};

/** What kind of document a source is. */
export type SourceKind =
  | 'FEDERAL_REGISTER'
  | 'LAW'
  | 'NEWS'
  | 'NGO_REPORT'
  | 'OFFICIAL_DOCUMENT'
  | 'OFFICIAL_PRESS_RELEASE'
  | 'OTHER'
  | 'UN_DOCUMENT';

/** Live updates over graphql-ws on the same /graphql endpoint. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Fires when an action matching the filter is created or changed (graphql-ws). The filter means what it means in `actions(filter:)`: each event re-reads the action with it, and actions that do not match are skipped. */
  actionRecorded: GovernmentAction;
};


/** Live updates over graphql-ws on the same /graphql endpoint. */
export type SubscriptionActionRecordedArgs = {
  filter?: InputMaybe<ActionFilter>;
};

/** A technology area, in a tree: artificial-intelligence > facial-recognition. */
export type TechnologyCategory = Node & {
  __typename?: 'TechnologyCategory';
  /** The narrower categories, by name. */
  children: Array<TechnologyCategory>;
  /** When the record was created in policy-kb. */
  createdAt: Scalars['DateTime']['output'];
  /** What the category covers. */
  description?: Maybe<Scalars['String']['output']>;
  /** Entities in this category; by default also those in its descendants. */
  entities: EntityConnection;
  /** Opaque global id; pass it to `node(id:)` to fetch this object again. */
  id: Scalars['ID']['output'];
  /** Display name ("Facial recognition"). */
  name: Scalars['String']['output'];
  /** The broader category. */
  parent?: Maybe<TechnologyCategory>;
  /** Stable, URL-safe key ("facial-recognition"); filters take slugs. */
  slug: Scalars['String']['output'];
  /** When the record was last changed in policy-kb. */
  updatedAt: Scalars['DateTime']['output'];
  /** Increases with every change; updates must name the version they read. */
  version: Scalars['Int']['output'];
};


/** A technology area, in a tree: artificial-intelligence > facial-recognition. */
export type TechnologyCategoryEntitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EntityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDescendants?: Scalars['Boolean']['input'];
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Actions per period, every period from the first to the last included (empty ones too). */
export type Timeline = {
  __typename?: 'Timeline';
  /** The periods, oldest first. */
  buckets: Array<TimelineBucket>;
  /** The bucket size. */
  granularity: Granularity;
  /** All actions counted. */
  total: Scalars['Int']['output'];
};

/** One period of a timeline, with its actions counted by kind. */
export type TimelineBucket = {
  __typename?: 'TimelineBucket';
  /** The first actions of the period, oldest first. */
  actions: Array<GovernmentAction>;
  /** The count split by kind (kinds with none are left out). */
  byKind: Array<KindCount>;
  /** Actions that occurred in the period. */
  count: Scalars['Int']['output'];
  /** Last day of the period (inclusive). */
  end: Scalars['Date']['output'];
  /** First day of the period. */
  start: Scalars['Date']['output'];
};


/** One period of a timeline, with its actions counted by kind. */
export type TimelineBucketActionsArgs = {
  first?: Scalars['Int']['input'];
};

/** A problem with the input that the caller can fix; nothing was written. */
export type UserError = {
  __typename?: 'UserError';
  /** BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale version, taken slug) or FORBIDDEN. */
  code: Scalars['String']['output'];
  /** Path to the input field at fault, e.g. ["input", "participants", "2", "entity"]. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong and how to fix it. */
  message: Scalars['String']['output'];
};

/** Who is calling. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The API key name; null for anonymous callers. */
  name?: Maybe<Scalars['String']['output']>;
  /** What the caller may do. */
  role: Role;
};

export type ActionsPerMonthByKindQueryVariables = Exact<{
  granularity?: InputMaybe<Granularity>;
  filter?: InputMaybe<ActionFilter>;
}>;


export type ActionsPerMonthByKindQuery = { __typename?: 'Query', timeline: { __typename?: 'Timeline', granularity: Granularity, total: number, buckets: Array<{ __typename?: 'TimelineBucket', start: string, end: string, count: number, byKind: Array<{ __typename?: 'KindCount', kind: ActionKind, count: number }>, actions: Array<{ __typename?: 'GovernmentAction', slug: string, kind: ActionKind, occurredOn: string, title: string }> }> } };

export type AiSurveillanceFirmsQueryVariables = Exact<{ [key: string]: never; }>;


export type AiSurveillanceFirmsQuery = { __typename?: 'Query', entities: { __typename?: 'EntityConnection', totalCount: number, nodes: Array<{ __typename?: 'Entity', name: string, technologies: Array<{ __typename?: 'TechnologyCategory', slug: string }>, participations: { __typename?: 'ParticipationConnection', nodes: Array<{ __typename?: 'Participation', grounds?: string | null, action: { __typename?: 'GovernmentAction', title: string, citation?: string | null, occurredOn: string, authority: { __typename?: 'Authority', name: string } } }> } }> } };

export type BisTargetsInYearQueryVariables = Exact<{
  authority?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type BisTargetsInYearQuery = { __typename?: 'Query', entities: { __typename?: 'EntityConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Entity', slug: string, name: string, kind: EntityKind, participations: { __typename?: 'ParticipationConnection', nodes: Array<{ __typename?: 'Participation', grounds?: string | null, action: { __typename?: 'GovernmentAction', slug: string, occurredOn: string, title: string, citation?: string | null, documentNumber?: string | null } }> } }> } };

export type CoordinatedSanctionsQueryVariables = Exact<{
  slug?: InputMaybe<Scalars['String']['input']>;
}>;


export type CoordinatedSanctionsQuery = { __typename?: 'Query', action?: { __typename?: 'GovernmentAction', slug: string, title: string, occurredOn: string, authority: { __typename?: 'Authority', name: string }, issuingCountry?: { __typename?: 'Country', code: string } | null, list?: { __typename?: 'SanctionsList', slug: string } | null, targets: { __typename?: 'ParticipationConnection', totalCount: number, nodes: Array<{ __typename?: 'Participation', entity?: { __typename?: 'Entity', slug: string, name: string, kind: EntityKind } | null }> }, related: Array<{ __typename?: 'ActionRelation', kind: ActionRelationKind, action: { __typename?: 'GovernmentAction', slug: string, title: string, occurredOn: string, authority: { __typename?: 'Authority', name: string }, issuingCountry?: { __typename?: 'Country', code: string, name: string } | null, list?: { __typename?: 'SanctionsList', slug: string, name: string } | null, targets: { __typename?: 'ParticipationConnection', totalCount: number, nodes: Array<{ __typename?: 'Participation', grounds?: string | null, entity?: { __typename?: 'Entity', slug: string, name: string, kind: EntityKind } | null }> } } }> } | null };

export type EntityHistoryQueryVariables = Exact<{
  slug?: InputMaybe<Scalars['String']['input']>;
  activeOn?: InputMaybe<Scalars['Date']['input']>;
}>;


export type EntityHistoryQuery = { __typename?: 'Query', entity?: { __typename?: 'Entity', id: string, slug: string, name: string, aliases: Array<string>, kind: EntityKind, verified: boolean, note?: string | null, country?: { __typename?: 'Country', code: string } | null, participations: { __typename?: 'ParticipationConnection', totalCount: number, nodes: Array<{ __typename?: 'Participation', role: ParticipantRole, grounds?: string | null, nameAsListed?: string | null, licensePolicy?: string | null, note?: string | null, action: { __typename?: 'GovernmentAction', slug: string, kind: ActionKind, title: string, occurredOn: string, effectiveOn?: string | null, citation?: string | null, verified: boolean, authority: { __typename?: 'Authority', slug: string, name: string }, list?: { __typename?: 'SanctionsList', slug: string, name: string } | null, related: Array<{ __typename?: 'ActionRelation', kind: ActionRelationKind, action: { __typename?: 'GovernmentAction', slug: string, title: string } }>, sources: Array<{ __typename?: 'Source', kind: SourceKind, title: string, url: string }> } }> }, listings: Array<{ __typename?: 'Listing', active: boolean, since: string, until?: string | null, list: { __typename?: 'SanctionsList', slug: string, name: string }, addedBy: { __typename?: 'GovernmentAction', slug: string, citation?: string | null }, removedBy?: { __typename?: 'GovernmentAction', slug: string, citation?: string | null } | null }>, onDate: Array<{ __typename?: 'Listing', since: string, list: { __typename?: 'SanctionsList', slug: string } }>, relations: Array<{ __typename?: 'EntityRelation', kind: EntityRelationKind, since?: string | null, until?: string | null, entity: { __typename?: 'Entity', slug: string, name: string }, sources: Array<{ __typename?: 'Source', url: string }> }>, sources: Array<{ __typename?: 'Source', kind: SourceKind, title: string, publisher?: string | null, url: string }> } | null };

export type EntityListOnDateQueryVariables = Exact<{
  activeOn?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EntityListOnDateQuery = { __typename?: 'Query', list?: { __typename?: 'SanctionsList', name: string, entries: { __typename?: 'ListingConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Listing', since: string, until?: string | null, entity: { __typename?: 'Entity', slug: string, name: string }, addedBy: { __typename?: 'GovernmentAction', title: string, citation?: string | null } }> } } | null };

export type EntityPageQueryVariables = Exact<{
  slug?: InputMaybe<Scalars['String']['input']>;
}>;


export type EntityPageQuery = { __typename?: 'Query', entity?: { __typename?: 'Entity', id: string, slug: string, name: string, aliases: Array<string>, kind: EntityKind, description?: string | null, verified: boolean, note?: string | null, country?: { __typename?: 'Country', code: string, name: string } | null, technologies: Array<{ __typename?: 'TechnologyCategory', slug: string, name: string }>, relations: Array<{ __typename?: 'EntityRelation', kind: EntityRelationKind, since?: string | null, until?: string | null, entity: { __typename?: 'Entity', slug: string, name: string } }>, listings: Array<{ __typename?: 'Listing', active: boolean, since: string, until?: string | null, grounds?: string | null, list: { __typename?: 'SanctionsList', slug: string, name: string }, addedBy: { __typename?: 'GovernmentAction', slug: string, title: string }, removedBy?: { __typename?: 'GovernmentAction', slug: string, title: string } | null }>, participations: { __typename?: 'ParticipationConnection', totalCount: number, nodes: Array<{ __typename?: 'Participation', role: ParticipantRole, grounds?: string | null, nameAsListed?: string | null, action: { __typename?: 'GovernmentAction', slug: string, kind: ActionKind, title: string, occurredOn: string, authority: { __typename?: 'Authority', name: string } } }> }, sources: Array<{ __typename?: 'Source', kind: SourceKind, title: string, publisher?: string | null, url: string }> } | null };

export type FacetStatsQueryVariables = Exact<{
  actionFilter?: InputMaybe<ActionFilter>;
  entityFilter?: InputMaybe<EntityFilter>;
}>;


export type FacetStatsQuery = { __typename?: 'Query', actionStats: { __typename?: 'ActionStats', total: number, byKind: Array<{ __typename?: 'Facet', key: string, label: string, count: number }>, byAuthority: Array<{ __typename?: 'Facet', key: string, label: string, count: number }>, byYear: Array<{ __typename?: 'Facet', key: string, count: number }> }, entityStats: { __typename?: 'EntityStats', total: number, byList: Array<{ __typename?: 'Facet', key: string, label: string, count: number }>, byTechnology: Array<{ __typename?: 'Facet', key: string, label: string, count: number }> } };

export type ListingsInRangeQueryVariables = Exact<{
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListingsInRangeQuery = { __typename?: 'Query', actions: { __typename?: 'GovernmentActionConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'GovernmentAction', slug: string, occurredOn: string, title: string, citation?: string | null, verified: boolean, authority: { __typename?: 'Authority', abbreviation?: string | null, name: string }, list?: { __typename?: 'SanctionsList', slug: string, name: string } | null, targets: { __typename?: 'ParticipationConnection', totalCount: number } }> } };

export type NetworkAroundEntityQueryVariables = Exact<{
  rootIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  depth?: InputMaybe<Scalars['Int']['input']>;
  maxNodes?: InputMaybe<Scalars['Int']['input']>;
}>;


export type NetworkAroundEntityQuery = { __typename?: 'Query', graph: { __typename?: 'Graph', truncated: boolean, nodes: Array<{ __typename?: 'GraphNode', id: string, type: string, label: string, node: { __typename?: 'Authority', slug: string, id: string } | { __typename?: 'Country', code: string, id: string } | { __typename?: 'Entity', slug: string, id: string, entityKind: EntityKind } | { __typename?: 'GovernmentAction', slug: string, occurredOn: string, id: string, actionKind: ActionKind } | { __typename?: 'Participation', id: string } | { __typename?: 'SanctionsList', slug: string, id: string } | { __typename?: 'Source', id: string } | { __typename?: 'TechnologyCategory', slug: string, id: string } }>, edges: Array<{ __typename?: 'GraphEdge', source: string, target: string, kind: string, label?: string | null }> } };

export type SearchAndScreenQueryVariables = Exact<{
  query?: InputMaybe<Scalars['String']['input']>;
  names?: Array<MatchInput> | MatchInput;
}>;


export type SearchAndScreenQuery = { __typename?: 'Query', search: Array<{ __typename?: 'SearchHit', score: number, matched: string, node: { __typename: 'Authority' } | { __typename: 'Country' } | { __typename: 'Entity', slug: string, name: string } | { __typename: 'GovernmentAction', slug: string, title: string } | { __typename: 'SanctionsList' } | { __typename: 'TechnologyCategory' } }>, matchMany: Array<Array<{ __typename?: 'EntityMatch', score: number, matchedName: string, explanation: Array<string>, entity: { __typename?: 'Entity', slug: string, name: string } }>> };

export type TechnologyCategoryFirmsQueryVariables = Exact<{
  slug?: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type TechnologyCategoryFirmsQuery = { __typename?: 'Query', technologyCategory?: { __typename?: 'TechnologyCategory', slug: string, name: string, parent?: { __typename?: 'TechnologyCategory', slug: string } | null, children: Array<{ __typename?: 'TechnologyCategory', slug: string, name: string }>, entities: { __typename?: 'EntityConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Entity', slug: string, name: string, country?: { __typename?: 'Country', code: string } | null, technologies: Array<{ __typename?: 'TechnologyCategory', slug: string }>, listings: Array<{ __typename?: 'Listing', since: string, until?: string | null, list: { __typename?: 'SanctionsList', slug: string } }> }> }, direct: { __typename?: 'EntityConnection', totalCount: number } } | null };

export type XinjiangLettersSignatoriesQueryVariables = Exact<{
  country?: InputMaybe<Scalars['CountryCode']['input']>;
}>;


export type XinjiangLettersSignatoriesQuery = { __typename?: 'Query', letter22?: { __typename?: 'GovernmentAction', slug: string, title: string, occurredOn: string, note?: string | null, concerns: Array<{ __typename?: 'Country', code: string, name: string }>, signatories: Array<{ __typename?: 'Country', code: string, name: string }>, related: Array<{ __typename?: 'ActionRelation', kind: ActionRelationKind, action: { __typename?: 'GovernmentAction', slug: string, title: string } }> } | null, counterLetter?: { __typename?: 'GovernmentAction', slug: string, title: string, occurredOn: string, note?: string | null, concerns: Array<{ __typename?: 'Country', code: string, name: string }>, signatories: Array<{ __typename?: 'Country', code: string, name: string }>, related: Array<{ __typename?: 'ActionRelation', kind: ActionRelationKind, action: { __typename?: 'GovernmentAction', slug: string, title: string } }> } | null, country?: { __typename?: 'Country', code: string, name: string, actionsSigned: { __typename?: 'GovernmentActionConnection', totalCount: number, nodes: Array<{ __typename?: 'GovernmentAction', slug: string, kind: ActionKind, title: string, occurredOn: string }> } } | null };

export type LetterSignatoriesFragment = { __typename?: 'GovernmentAction', slug: string, title: string, occurredOn: string, note?: string | null, concerns: Array<{ __typename?: 'Country', code: string, name: string }>, signatories: Array<{ __typename?: 'Country', code: string, name: string }>, related: Array<{ __typename?: 'ActionRelation', kind: ActionRelationKind, action: { __typename?: 'GovernmentAction', slug: string, title: string } }> };

export const LetterSignatoriesFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LetterSignatories"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GovernmentAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"concerns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signatories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"related"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<LetterSignatoriesFragment, unknown>;
export const ActionsPerMonthByKindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionsPerMonthByKind"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Granularity"}},"defaultValue":{"kind":"EnumValue","value":"MONTH"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActionFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"granularity"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"byKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActionsPerMonthByKindQuery, ActionsPerMonthByKindQueryVariables>;
export const AiSurveillanceFirmsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AiSurveillanceFirms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"technology"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"artificial-intelligence","block":false},{"kind":"StringValue","value":"surveillance","block":false}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"list"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"us-entity-list","block":false}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"technologies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"TARGET"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grounds"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AiSurveillanceFirmsQuery, AiSurveillanceFirmsQueryVariables>;
export const BisTargetsInYearDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BisTargetsInYear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"authority"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"us-bis","block":false}]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}},"defaultValue":{"kind":"StringValue","value":"2020-01-01","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}},"defaultValue":{"kind":"StringValue","value":"2020-12-31","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"authority"},"value":{"kind":"Variable","name":{"kind":"Name","value":"authority"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"targetedBetween"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"participations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"TARGET"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"authority"},"value":{"kind":"Variable","name":{"kind":"Name","value":"authority"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"occurredBetween"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grounds"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BisTargetsInYearQuery, BisTargetsInYearQueryVariables>;
export const CoordinatedSanctionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatedSanctions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"ofac-2021-03-22-glomag","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issuingCountry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"list"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"related"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"COORDINATED_WITH"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issuingCountry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"list"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grounds"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatedSanctionsQuery, CoordinatedSanctionsQueryVariables>;
export const EntityHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntityHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"cn-hikvision","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activeOn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}},"defaultValue":{"kind":"StringValue","value":"2020-01-01","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"grounds"}},{"kind":"Field","name":{"kind":"Name","value":"nameAsListed"}},{"kind":"Field","name":{"kind":"Name","value":"licensePolicy"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"list"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"related"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"listings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"list"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"removedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"onDate"},"name":{"kind":"Name","value":"listings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activeOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activeOn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"list"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"relations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"publisher"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]} as unknown as DocumentNode<EntityHistoryQuery, EntityHistoryQueryVariables>;
export const EntityListOnDateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntityListOnDate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activeOn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}},"defaultValue":{"kind":"StringValue","value":"2020-01-01","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"list"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"StringValue","value":"us-entity-list","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activeOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activeOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntityListOnDateQuery, EntityListOnDateQueryVariables>;
export const EntityPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntityPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"cn-hikvision","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"technologies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"listings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"grounds"}},{"kind":"Field","name":{"kind":"Name","value":"list"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"removedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"participations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"grounds"}},{"kind":"Field","name":{"kind":"Name","value":"nameAsListed"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"publisher"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]} as unknown as DocumentNode<EntityPageQuery, EntityPageQueryVariables>;
export const FacetStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FacetStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionFilter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityFilter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EntityFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"byKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"entityStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"byList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byTechnology"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<FacetStatsQuery, FacetStatsQueryVariables>;
export const ListingsInRangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListingsInRange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}},"defaultValue":{"kind":"StringValue","value":"2019-01-01","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}},"defaultValue":{"kind":"StringValue","value":"2020-12-31","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kind"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"LISTING"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"occurredBetween"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"OCCURRED_ON"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"abbreviation"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"list"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListingsInRangeQuery, ListingsInRangeQueryVariables>;
export const NetworkAroundEntityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NetworkAroundEntity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rootIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"depth"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"2"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxNodes"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"graph"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"rootIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rootIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"depth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"depth"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxNodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxNodes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","alias":{"kind":"Name","value":"entityKind"},"name":{"kind":"Name","value":"kind"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GovernmentAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","alias":{"kind":"Name","value":"actionKind"},"name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SanctionsList"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Authority"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechnologyCategory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]} as unknown as DocumentNode<NetworkAroundEntityQuery, NetworkAroundEntityQueryVariables>;
export const SearchAndScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchAndScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"hikvison","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"names"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MatchInput"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"SENSE TIME GROUP LIMITED","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"country"},"value":{"kind":"StringValue","value":"CN","block":false}}]},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"海康威视","block":false}}]},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"Acme Corporation","block":false}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"matched"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GovernmentAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"matchMany"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"names"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"matchedName"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SearchAndScreenQuery, SearchAndScreenQueryVariables>;
export const TechnologyCategoryFirmsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TechnologyCategoryFirms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"artificial-intelligence","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"technologyCategory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"technologies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"listings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"list"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"direct"},"name":{"kind":"Name","value":"entities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeDescendants"},"value":{"kind":"BooleanValue","value":false}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<TechnologyCategoryFirmsQuery, TechnologyCategoryFirmsQueryVariables>;
export const XinjiangLettersSignatoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"XinjiangLettersSignatories"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CountryCode"}},"defaultValue":{"kind":"StringValue","value":"GB","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"letter22"},"name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"StringValue","value":"unhrc-2019-07-08-joint-letter-22","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LetterSignatories"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"counterLetter"},"name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"StringValue","value":"unhrc-2019-07-12-joint-letter-37","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LetterSignatories"}}]}},{"kind":"Field","name":{"kind":"Name","value":"country"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"actionsSigned"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LetterSignatories"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GovernmentAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"concerns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signatories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"related"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<XinjiangLettersSignatoriesQuery, XinjiangLettersSignatoriesQueryVariables>;