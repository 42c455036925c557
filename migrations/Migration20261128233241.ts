import { Migration } from '@mikro-orm/migrations';

export class Migration20261128233241 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "government_action_document_number_trgm_idx" on "government_action" using gin ("document_number" gin_trgm_ops);`);
    this.addSql(`create index "government_action_citation_trgm_idx" on "government_action" using gin ("citation" gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "government_action_document_number_trgm_idx";`);
    this.addSql(`drop index "government_action_citation_trgm_idx";`);
  }

}
