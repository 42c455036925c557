import { Migration } from '@mikro-orm/migrations';

export class Migration20261128211707 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "entity" add column "search_text" text null;`);
    this.addSql(`create index "entity_search_text_fts_idx" on "entity" using gin (to_tsvector('simple', coalesce("search_text", '')));`);
    this.addSql(`create index "entity_search_text_trgm_idx" on "entity" using gin ("search_text" gin_trgm_ops);`);

    this.addSql(`create index "government_action_fts_idx" on "government_action" using gin (to_tsvector('english', coalesce("title", '') || ' ' || coalesce("summary", '') || ' ' || coalesce("citation", '') || ' ' || coalesce("document_number", '')));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "entity_search_text_fts_idx";`);
    this.addSql(`drop index "entity_search_text_trgm_idx";`);
    this.addSql(`alter table "entity" drop column "search_text";`);

    this.addSql(`drop index "government_action_fts_idx";`);
  }

}
