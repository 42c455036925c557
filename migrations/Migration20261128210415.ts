import { Migration } from '@mikro-orm/migrations';

export class Migration20261128210415 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "entity_technology_technology_category_id_index" on "entity_technology" ("technology_category_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "entity_technology_technology_category_id_index";`);
  }

}
