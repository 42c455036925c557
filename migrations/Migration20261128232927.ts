import { Migration } from '@mikro-orm/migrations';

export class Migration20261128232927 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "entity_country_code_kind_index" on "entity" ("country_code", "kind") include ("deleted_at");`);
    this.addSql(`create index "entity_country_code_name_id_index" on "entity" ("country_code", "name", "id");`);
    this.addSql(`create index "entity_name_id_index" on "entity" ("name", "id");`);

    // Written by hand: the same periods as before, computed in one pass. The old definition
    // used a CTE twice, which PostgreSQL materialises whole, so even one entity's periods
    // read every listing event (1.4 s at a million entities); here a filter on entity_id or
    // list_id reaches the tables, and the closing DELISTING is found by a window over the
    // entity's events on that list instead of a lookup per period.
    this.addSql(`create or replace view "listing_period" as
select o.entity_id, o.list_id, o.on_date as since, o.action_id as added_by_id, o.grounds,
       date '2000-01-01' + o.next_delisting[1] as until, o.next_delisting[2] as removed_by_id
from (
  select p.entity_id, a.list_id, a.kind, coalesce(a.effective_on, a.occurred_on) as on_date, a.id as action_id, p.grounds,
         lag(a.kind) over w as previous_kind,
         -- the first DELISTING after this event, as [days since 2000-01-01, action id]
         min(array[coalesce(a.effective_on, a.occurred_on) - date '2000-01-01', a.id]) filter (where a.kind = 'DELISTING')
           over (w rows between 1 following and unbounded following) as next_delisting
  from participation p
  join government_action a on a.id = p.action_id
  where p.role = 'TARGET' and p.entity_id is not null and p.deleted_at is null
    and a.deleted_at is null and a.list_id is not null and a.kind in ('LISTING', 'DELISTING')
  window w as (partition by p.entity_id, a.list_id order by coalesce(a.effective_on, a.occurred_on), a.id)
) o
where o.kind = 'LISTING' and (o.previous_kind is null or o.previous_kind = 'DELISTING');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "entity_country_code_kind_index";`);
    this.addSql(`drop index "entity_country_code_name_id_index";`);
    this.addSql(`drop index "entity_name_id_index";`);

    this.addSql(`create or replace view "listing_period" as
with events as (
  select p.entity_id, a.list_id, a.kind, coalesce(a.effective_on, a.occurred_on) as on_date,
         a.id as action_id, p.grounds
  from participation p
  join government_action a on a.id = p.action_id
  where p.role = 'TARGET' and p.entity_id is not null and p.deleted_at is null
    and a.deleted_at is null and a.list_id is not null and a.kind in ('LISTING', 'DELISTING')
),
ordered as (
  select e.*, lag(e.kind) over (partition by e.entity_id, e.list_id order by e.on_date, e.action_id) as previous_kind
  from events e
)
select o.entity_id, o.list_id, o.on_date as since, o.action_id as added_by_id, o.grounds,
       d.on_date as until, d.action_id as removed_by_id
from ordered o
left join lateral (
  select x.on_date, x.action_id from events x
  where x.entity_id = o.entity_id and x.list_id = o.list_id and x.kind = 'DELISTING'
    and (x.on_date, x.action_id) > (o.on_date, o.action_id)
  order by x.on_date, x.action_id
  limit 1
) d on true
where o.kind = 'LISTING' and (o.previous_kind is null or o.previous_kind = 'DELISTING');`);
  }

}
