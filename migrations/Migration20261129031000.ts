import { Migration } from '@mikro-orm/migrations';

/*
 * Composite indexes for the graph walk's neighbour reads (graph-sql.ts): a category's entities,
 * an authority's and a list's actions are read in key order and cut at 2 * maxNodes rows, which
 * the single-column indexes can only do by sorting every match (tens of thousands at 1M).
 */
export class Migration20261129031000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "entity_technology_category_entity_index" on "entity_technology" ("technology_category_id", "entity_id");`);
    this.addSql(`create index "government_action_authority_id_id_index" on "government_action" ("authority_id", "id");`);
    this.addSql(`create index "government_action_list_id_id_index" on "government_action" ("list_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "entity_technology_category_entity_index";`);
    this.addSql(`drop index "government_action_authority_id_id_index";`);
    this.addSql(`drop index "government_action_list_id_id_index";`);
  }
}
