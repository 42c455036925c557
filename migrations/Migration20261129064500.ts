import { Migration } from '@mikro-orm/migrations';

/*
 * Country participations (signatories, concerned countries) for the graph walk (graph-sql.ts),
 * both ways: an action's countries, and a country's actions in action order (cut at
 * 2 * maxNodes rows). Without them, the edges among 440 actions and 61 countries at 1M read
 * every participation of those actions through (action_id, role, country_code) and filtered
 * the country (45 ms), and a country's actions were sorted from all its participations.
 * Partial: only live country rows (a few percent of the table).
 */
export class Migration20261129064500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "participation_action_country_live_index" on "participation" ("action_id", "country_code") where "country_code" is not null and "deleted_at" is null;`);
    this.addSql(`create index "participation_country_action_live_index" on "participation" ("country_code", "action_id") where "country_code" is not null and "deleted_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "participation_action_country_live_index";`);
    this.addSql(`drop index "participation_country_action_live_index";`);
  }
}
