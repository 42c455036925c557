import { Migration } from '@mikro-orm/migrations';

/*
 * A yearly copy of the action_count rollup (action_year_count): actionStats groups every live
 * action by kind, authority and year, and at a million entities the monthly rollup is 13k rows
 * (~5 ms of PostgreSQL per request), the yearly one 1.2k. The same trigger function keeps both,
 * in the same statement; refresh_count_rollups() rebuilds both.
 */
export class Migration20261129040200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "action_year_count" (
      "year" date not null,
      "kind" text not null,
      "authority_id" int not null,
      "list_id" int not null,
      "n" bigint not null,
      constraint "action_year_count_pkey" primary key ("year", "kind", "authority_id", "list_id")
    );`);
    this.addSql(actionCountApply(true));
    this.addSql(refreshCountRollups(true));
    this.addSql(`select refresh_count_rollups();`);
  }

  override async down(): Promise<void> {
    this.addSql(actionCountApply(false));
    this.addSql(refreshCountRollups(false));
    this.addSql(`drop table "action_year_count";`);
  }
}

/** The upsert of one rollup table from a transition table, grouped by `period` ('month' or 'year'), with `sign` 1 or -1. */
function upsert(table: string, period: string, rows: string, sign: '' | '-'): string {
  return `insert into ${table} as c (${period}, kind, authority_id, list_id, n)
      select date_trunc('${period}', occurred_on)::date, kind, authority_id, coalesce(list_id, 0), ${sign}count(*)
      from ${rows} where deleted_at is null group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (${period}, kind, authority_id, list_id) do update set n = c.n + excluded.n;`;
}

/** Rows of one rollup table that reached 0 among the keys a statement touched. */
function dropZeros(table: string, period: string): string {
  return `delete from ${table} c using (select distinct date_trunc('${period}', occurred_on)::date as p, kind, authority_id, coalesce(list_id, 0) as list_id from old_rows) o
    where c.n = 0 and c.${period} = o.p and c.kind = o.kind and c.authority_id = o.authority_id and c.list_id = o.list_id;`;
}

/** action_count_apply() keeping the monthly rollup, and the yearly one too when `yearly`. */
function actionCountApply(yearly: boolean): string {
  const tables: [string, string][] = [['action_count', 'month'], ...(yearly ? ([['action_year_count', 'year']] as [string, string][]) : [])];
  return `create or replace function action_count_apply() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    ${tables.map(([t, p]) => upsert(t, p, 'old_rows', '-')).join('\n    ')}
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    ${tables.map(([t, p]) => upsert(t, p, 'new_rows', '')).join('\n    ')}
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    ${tables.map(([t, p]) => dropZeros(t, p)).join('\n    ')}
  end if;
  return null;
end $$;`;
}

/** refresh_count_rollups() rebuilding the monthly and entity rollups, and the yearly one when `yearly`. */
function refreshCountRollups(yearly: boolean): string {
  const year = yearly
    ? `
  delete from action_year_count;
  insert into action_year_count (year, kind, authority_id, list_id, n)
    select date_trunc('year', month)::date, kind, authority_id, list_id, sum(n) from action_count group by 1, 2, 3, 4;`
    : '';
  return `create or replace function refresh_count_rollups() returns void language sql as $$
  delete from action_count;
  insert into action_count (month, kind, authority_id, list_id, n)
    select date_trunc('month', occurred_on)::date, kind, authority_id, coalesce(list_id, 0), count(*)
    from government_action where deleted_at is null group by 1, 2, 3, 4;${year}
  delete from entity_count;
  insert into entity_count (country_code, kind, n)
    select coalesce(country_code, ''), kind, count(*) from entity where deleted_at is null group by 1, 2;
$$;`;
}
