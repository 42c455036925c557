import { Migration } from '@mikro-orm/migrations';

export class Migration20261128214136 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "import_run" ("id" serial primary key, "file" text not null, "format" varchar(32) not null, "status" varchar(16) not null default 'running', "started_at" timestamptz not null default now(), "finished_at" timestamptz null, "rows_read" int not null default 0, "rows_imported" int not null default 0, "rows_rejected" int not null default 0, "rows_skipped" int not null default 0, "created" int not null default 0, "updated" int not null default 0, "unchanged" int not null default 0, "rejects_file" text null, "error" text null);`);
    this.addSql(`create index "import_run_started_at_index" on "import_run" ("started_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_run" cascade;`);
  }

}
