import { Migration } from '@mikro-orm/migrations';

export class Migration20261128204717 extends Migration {

  override async up(): Promise<void> {
    // Written by hand: trigram similarity and accent folding serve text filters and search.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create extension if not exists unaccent;`);

    this.addSql(`create table "country" ("code" char(2) not null, "name" varchar(255) not null, "official_name" varchar(255) null, "alpha3" char(3) null, "region" varchar(255) null, "subregion" varchar(255) null, constraint "country_pkey" primary key ("code"));`);

    this.addSql(`create table "authority" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "deleted_at" timestamptz null, "slug" varchar(255) not null, "name" varchar(255) not null, "abbreviation" varchar(255) null, "kind" text check ("kind" in ('GOVERNMENT_AGENCY', 'LEGISLATURE', 'HEAD_OF_STATE_OR_GOVERNMENT', 'INTERGOVERNMENTAL_BODY', 'SUPRANATIONAL_BODY', 'COURT', 'OTHER')) not null, "country_code" char(2) null, "parent_id" int null);`);
    this.addSql(`alter table "authority" add constraint "authority_slug_unique" unique ("slug");`);
    this.addSql(`create index "authority_country_code_index" on "authority" ("country_code");`);
    this.addSql(`create index "authority_parent_id_index" on "authority" ("parent_id");`);

    this.addSql(`create table "entity" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "deleted_at" timestamptz null, "slug" varchar(255) not null, "kind" text check ("kind" in ('COMPANY', 'GOVERNMENT_AGENCY', 'PERSON', 'EDUCATIONAL_INSTITUTION', 'RESEARCH_INSTITUTE', 'MILITARY', 'NGO', 'OTHER')) not null, "name" text not null, "aliases" text[] not null default '{}', "country_code" char(2) null, "addresses" jsonb not null default '[]', "identifiers" jsonb not null default '[]', "description" text null, "website" text null, "verified" boolean not null default true, "note" text null);`);
    this.addSql(`alter table "entity" add constraint "entity_slug_unique" unique ("slug");`);
    this.addSql(`create index "entity_kind_index" on "entity" ("kind");`);
    this.addSql(`create index "entity_country_code_index" on "entity" ("country_code");`);
    this.addSql(`create index "entity_name_trgm_idx" on "entity" using gin (lower("name") gin_trgm_ops);`);

    this.addSql(`create table "entity_relation" ("id" serial primary key, "from_id" int not null, "to_id" int not null, "kind" text check ("kind" in ('SUBSIDIARY_OF', 'PARENT_OF', 'SUBORDINATE_OF', 'SUPERIOR_OF', 'AFFILIATE_OF', 'SUPPLIER_OF', 'CUSTOMER_OF', 'SUCCESSOR_OF', 'PREDECESSOR_OF')) not null, "since" date null, "until" date null, "created_at" timestamptz not null default now(), constraint entity_relation_not_self check (from_id <> to_id));`);
    this.addSql(`create index "entity_relation_from_id_index" on "entity_relation" ("from_id");`);
    this.addSql(`create index "entity_relation_to_id_index" on "entity_relation" ("to_id");`);
    this.addSql(`alter table "entity_relation" add constraint "entity_relation_from_id_to_id_kind_unique" unique ("from_id", "to_id", "kind");`);

    this.addSql(`create table "revision" ("id" serial primary key, "at" timestamptz not null default now(), "actor" varchar(255) not null, "operation" varchar(255) not null, "subject_type" varchar(255) not null, "subject_id" int not null, "changes" jsonb not null default '{}');`);
    this.addSql(`create index "revision_subject_type_subject_id_id_index" on "revision" ("subject_type", "subject_id", "id");`);

    this.addSql(`create table "sanctions_list" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "deleted_at" timestamptz null, "slug" varchar(255) not null, "name" varchar(255) not null, "authority_id" int not null, "description" text null, "url" varchar(255) null);`);
    this.addSql(`alter table "sanctions_list" add constraint "sanctions_list_slug_unique" unique ("slug");`);
    this.addSql(`create index "sanctions_list_authority_id_index" on "sanctions_list" ("authority_id");`);

    this.addSql(`create table "government_action" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "deleted_at" timestamptz null, "slug" varchar(255) not null, "kind" text check ("kind" in ('LISTING', 'DELISTING', 'LISTING_AMENDMENT', 'VISA_RESTRICTION', 'TRADE_RESTRICTION', 'JOINT_LETTER', 'RESOLUTION', 'STATEMENT', 'LEGISLATION', 'EXECUTIVE_ORDER', 'REPORT', 'OTHER')) not null, "title" text not null, "summary" text null, "authority_id" int not null, "list_id" int null, "occurred_on" date not null, "announced_on" date null, "published_on" date null, "effective_on" date null, "ended_on" date null, "citation" varchar(255) null, "document_number" varchar(255) null, "grounds" text null, "tags" text[] not null default '{}', "verified" boolean not null default true, "note" text null);`);
    this.addSql(`alter table "government_action" add constraint "government_action_slug_unique" unique ("slug");`);
    this.addSql(`create index "government_action_kind_index" on "government_action" ("kind");`);
    this.addSql(`create index "government_action_authority_id_index" on "government_action" ("authority_id");`);
    this.addSql(`create index "government_action_list_id_index" on "government_action" ("list_id");`);
    this.addSql(`create index "government_action_citation_index" on "government_action" ("citation");`);
    this.addSql(`create index "government_action_document_number_index" on "government_action" ("document_number");`);
    this.addSql(`create index "government_action_title_trgm_idx" on "government_action" using gin (lower("title") gin_trgm_ops);`);
    this.addSql(`create index "government_action_tags_idx" on "government_action" using gin ("tags");`);
    this.addSql(`create index "government_action_occurred_on_id_index" on "government_action" ("occurred_on", "id");`);

    this.addSql(`create table "participation" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "deleted_at" timestamptz null, "action_id" int not null, "role" text check ("role" in ('TARGET', 'SIGNATORY', 'ISSUER', 'SUBJECT', 'SUPPORTER', 'OPPONENT')) not null, "entity_id" int null, "country_code" char(2) null, "grounds" text null, "name_as_listed" text null, "address_as_listed" text null, "license_requirement" text null, "license_policy" text null, "note" text null, constraint participation_one_participant check (num_nonnulls(entity_id, country_code) = 1));`);
    this.addSql(`create index "participation_action_id_role_index" on "participation" ("action_id", "role");`);
    this.addSql(`create index "participation_country_code_role_index" on "participation" ("country_code", "role");`);
    this.addSql(`create index "participation_entity_id_role_index" on "participation" ("entity_id", "role");`);
    this.addSql(`alter table "participation" add constraint "participation_action_id_role_country_code_unique" unique ("action_id", "role", "country_code");`);
    this.addSql(`alter table "participation" add constraint "participation_action_id_role_entity_id_unique" unique ("action_id", "role", "entity_id");`);

    this.addSql(`create table "action_relation" ("id" serial primary key, "from_id" int not null, "to_id" int not null, "kind" text check ("kind" in ('AMENDS', 'AMENDED_BY', 'REVOKES', 'REVOKED_BY', 'RESPONDS_TO', 'RESPONDED_TO_BY', 'IMPLEMENTS', 'IMPLEMENTED_BY', 'COORDINATED_WITH', 'FOLLOWS', 'FOLLOWED_BY')) not null, "created_at" timestamptz not null default now(), constraint action_relation_not_self check (from_id <> to_id));`);
    this.addSql(`create index "action_relation_from_id_index" on "action_relation" ("from_id");`);
    this.addSql(`create index "action_relation_to_id_index" on "action_relation" ("to_id");`);
    this.addSql(`alter table "action_relation" add constraint "action_relation_from_id_to_id_kind_unique" unique ("from_id", "to_id", "kind");`);

    this.addSql(`create table "source" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "deleted_at" timestamptz null, "kind" text check ("kind" in ('FEDERAL_REGISTER', 'OFFICIAL_PRESS_RELEASE', 'OFFICIAL_DOCUMENT', 'LAW', 'UN_DOCUMENT', 'NEWS', 'NGO_REPORT', 'OTHER')) not null, "url" text not null, "title" text not null, "publisher" varchar(255) null, "published_on" date null, "retrieved_on" date null, "archive_url" text null);`);
    this.addSql(`alter table "source" add constraint "source_url_unique" unique ("url");`);

    this.addSql(`create table "entity_source" ("entity_id" int not null, "source_id" int not null, constraint "entity_source_pkey" primary key ("entity_id", "source_id"));`);

    this.addSql(`create table "entity_relation_source" ("entity_relation_id" int not null, "source_id" int not null, constraint "entity_relation_source_pkey" primary key ("entity_relation_id", "source_id"));`);

    this.addSql(`create table "action_source" ("action_id" int not null, "source_id" int not null, constraint "action_source_pkey" primary key ("action_id", "source_id"));`);

    this.addSql(`create table "technology_category" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "deleted_at" timestamptz null, "slug" varchar(255) not null, "name" varchar(255) not null, "description" text null, "parent_id" int null);`);
    this.addSql(`alter table "technology_category" add constraint "technology_category_slug_unique" unique ("slug");`);
    this.addSql(`create index "technology_category_parent_id_index" on "technology_category" ("parent_id");`);

    this.addSql(`create table "entity_technology" ("entity_id" int not null, "technology_category_id" int not null, constraint "entity_technology_pkey" primary key ("entity_id", "technology_category_id"));`);

    this.addSql(`alter table "authority" add constraint "authority_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "authority" add constraint "authority_parent_id_foreign" foreign key ("parent_id") references "authority" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "entity" add constraint "entity_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "entity_relation" add constraint "entity_relation_from_id_foreign" foreign key ("from_id") references "entity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "entity_relation" add constraint "entity_relation_to_id_foreign" foreign key ("to_id") references "entity" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sanctions_list" add constraint "sanctions_list_authority_id_foreign" foreign key ("authority_id") references "authority" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "government_action" add constraint "government_action_authority_id_foreign" foreign key ("authority_id") references "authority" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "government_action" add constraint "government_action_list_id_foreign" foreign key ("list_id") references "sanctions_list" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "participation" add constraint "participation_action_id_foreign" foreign key ("action_id") references "government_action" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "participation" add constraint "participation_entity_id_foreign" foreign key ("entity_id") references "entity" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "participation" add constraint "participation_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "action_relation" add constraint "action_relation_from_id_foreign" foreign key ("from_id") references "government_action" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "action_relation" add constraint "action_relation_to_id_foreign" foreign key ("to_id") references "government_action" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "entity_source" add constraint "entity_source_entity_id_foreign" foreign key ("entity_id") references "entity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "entity_source" add constraint "entity_source_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "entity_relation_source" add constraint "entity_relation_source_entity_relation_id_foreign" foreign key ("entity_relation_id") references "entity_relation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "entity_relation_source" add constraint "entity_relation_source_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "action_source" add constraint "action_source_action_id_foreign" foreign key ("action_id") references "government_action" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "action_source" add constraint "action_source_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "technology_category" add constraint "technology_category_parent_id_foreign" foreign key ("parent_id") references "technology_category" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "entity_technology" add constraint "entity_technology_entity_id_foreign" foreign key ("entity_id") references "entity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "entity_technology" add constraint "entity_technology_technology_category_id_foreign" foreign key ("technology_category_id") references "technology_category" ("id") on update cascade on delete cascade;`);

    // Written by hand: list membership over time, derived from LISTING / DELISTING history.
    // A LISTING opens a period unless the entity is already on the list; the next DELISTING
    // of the same entity from the same list closes it.
    this.addSql(`create view "listing_period" as
with events as (
  select p.entity_id, a.list_id, a.kind, coalesce(a.effective_on, a.occurred_on) as on_date,
         a.id as action_id, p.grounds
  from participation p
  join government_action a on a.id = p.action_id
  where p.role = 'TARGET' and p.entity_id is not null and p.deleted_at is null
    and a.deleted_at is null and a.list_id is not null and a.kind in ('LISTING', 'DELISTING')
),
ordered as (
  select e.*, lag(e.kind) over (partition by e.entity_id, e.list_id order by e.on_date, e.action_id) as previous_kind
  from events e
)
select o.entity_id, o.list_id, o.on_date as since, o.action_id as added_by_id, o.grounds,
       d.on_date as until, d.action_id as removed_by_id
from ordered o
left join lateral (
  select x.on_date, x.action_id from events x
  where x.entity_id = o.entity_id and x.list_id = o.list_id and x.kind = 'DELISTING'
    and (x.on_date, x.action_id) > (o.on_date, o.action_id)
  order by x.on_date, x.action_id
  limit 1
) d on true
where o.kind = 'LISTING' and (o.previous_kind is null or o.previous_kind = 'DELISTING');`);
  }

}
