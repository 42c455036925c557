import { Migration } from '@mikro-orm/migrations';

export class Migration20261128220336 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "entity" add column "name_key" text null;`);
    this.addSql(`create index "entity_name_key_country_code_index" on "entity" ("name_key", "country_code");`);
    this.addSql(`create index "entity_identifiers_gin_idx" on "entity" using gin ("identifiers" jsonb_path_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "entity_name_key_country_code_index";`);
    this.addSql(`drop index "entity_identifiers_gin_idx";`);
    this.addSql(`alter table "entity" drop column "name_key";`);
  }

}
