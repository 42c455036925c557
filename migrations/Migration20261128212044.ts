import { Migration } from '@mikro-orm/migrations';

export class Migration20261128212044 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_key" ("id" serial primary key, "name" varchar(255) not null, "role" text check ("role" in ('READER', 'EDITOR', 'ADMIN')) not null, "prefix" varchar(16) not null, "hash" text not null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null, "last_used_at" timestamptz null);`);
    this.addSql(`alter table "api_key" add constraint "api_key_name_unique" unique ("name");`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`create table "entity_redirect" ("from_id" int not null, "from_slug" varchar(255) not null, "to_id" int not null, "created_at" timestamptz not null default now(), constraint "entity_redirect_pkey" primary key ("from_id"));`);
    this.addSql(`alter table "entity_redirect" add constraint "entity_redirect_from_slug_unique" unique ("from_slug");`);
    this.addSql(`create index "entity_redirect_to_id_index" on "entity_redirect" ("to_id");`);

    this.addSql(`alter table "entity_redirect" add constraint "entity_redirect_to_id_foreign" foreign key ("to_id") references "entity" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "entity_redirect" cascade;`);
  }

}
