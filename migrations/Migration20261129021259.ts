import { Migration } from '@mikro-orm/migrations';

/*
 * Count rollups: how many live actions there are per (month, kind, authority, list), and how
 * many live entities per (country, kind). Timelines, action stats and the totalCount of
 * country/kind entity lists read these few thousand rows instead of counting hundreds of
 * thousands of actions or entities on every request.
 *
 * Statement-level triggers with transition tables keep them exact inside the writing
 * transaction (one grouped upsert per statement, so a bulk import of 10,000 rows costs one
 * upsert, not 10,000). Keys use '' (no country) and 0 (no list) instead of null so that plain
 * unique constraints serve ON CONFLICT. Rows that reach 0 are deleted, so "which months have
 * actions" is "which rows exist". refresh_count_rollups() rebuilds both from scratch; the data
 * generator calls it after loading with triggers off.
 */
export class Migration20261129021259 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "action_count" (
      "month" date not null,
      "kind" text not null,
      "authority_id" int not null,
      "list_id" int not null,
      "n" bigint not null,
      constraint "action_count_pkey" primary key ("month", "kind", "authority_id", "list_id")
    );`);
    this.addSql(`create table "entity_count" (
      "country_code" text not null,
      "kind" text not null,
      "n" bigint not null,
      constraint "entity_count_pkey" primary key ("country_code", "kind")
    );`);

    this.addSql(`create function action_count_apply() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into action_count as c (month, kind, authority_id, list_id, n)
      select date_trunc('month', occurred_on)::date, kind, authority_id, coalesce(list_id, 0), -count(*)
      from old_rows where deleted_at is null group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (month, kind, authority_id, list_id) do update set n = c.n + excluded.n;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into action_count as c (month, kind, authority_id, list_id, n)
      select date_trunc('month', occurred_on)::date, kind, authority_id, coalesce(list_id, 0), count(*)
      from new_rows where deleted_at is null group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (month, kind, authority_id, list_id) do update set n = c.n + excluded.n;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    delete from action_count c using (select distinct date_trunc('month', occurred_on)::date as month, kind, authority_id, coalesce(list_id, 0) as list_id from old_rows) o
    where c.n = 0 and c.month = o.month and c.kind = o.kind and c.authority_id = o.authority_id and c.list_id = o.list_id;
  end if;
  return null;
end $$;`);
    this.addSql(`create function entity_count_apply() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into entity_count as c (country_code, kind, n)
      select coalesce(country_code, ''), kind, -count(*) from old_rows where deleted_at is null group by 1, 2 order by 1, 2
    on conflict (country_code, kind) do update set n = c.n + excluded.n;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into entity_count as c (country_code, kind, n)
      select coalesce(country_code, ''), kind, count(*) from new_rows where deleted_at is null group by 1, 2 order by 1, 2
    on conflict (country_code, kind) do update set n = c.n + excluded.n;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    delete from entity_count c using (select distinct coalesce(country_code, '') as country_code, kind from old_rows) o
    where c.n = 0 and c.country_code = o.country_code and c.kind = o.kind;
  end if;
  return null;
end $$;`);
    // Transition tables allow one event per trigger, hence three triggers per table.
    for (const [table, fn] of [
      ['government_action', 'action_count_apply'],
      ['entity', 'entity_count_apply'],
    ]) {
      this.addSql(`create trigger ${table}_count_insert after insert on "${table}" referencing new table as new_rows for each statement execute function ${fn}();`);
      this.addSql(`create trigger ${table}_count_update after update on "${table}" referencing old table as old_rows new table as new_rows for each statement execute function ${fn}();`);
      this.addSql(`create trigger ${table}_count_delete after delete on "${table}" referencing old table as old_rows for each statement execute function ${fn}();`);
    }

    this.addSql(`create function refresh_count_rollups() returns void language sql as $$
  delete from action_count;
  insert into action_count (month, kind, authority_id, list_id, n)
    select date_trunc('month', occurred_on)::date, kind, authority_id, coalesce(list_id, 0), count(*)
    from government_action where deleted_at is null group by 1, 2, 3, 4;
  delete from entity_count;
  insert into entity_count (country_code, kind, n)
    select coalesce(country_code, ''), kind, count(*) from entity where deleted_at is null group by 1, 2;
$$;`);
    this.addSql(`select refresh_count_rollups();`);
  }

  override async down(): Promise<void> {
    for (const table of ['government_action', 'entity']) {
      for (const event of ['insert', 'update', 'delete']) this.addSql(`drop trigger ${table}_count_${event} on "${table}";`);
    }
    this.addSql(`drop function refresh_count_rollups();`);
    this.addSql(`drop function action_count_apply();`);
    this.addSql(`drop function entity_count_apply();`);
    this.addSql(`drop table "action_count";`);
    this.addSql(`drop table "entity_count";`);
  }
}
