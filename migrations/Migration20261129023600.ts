import { Migration } from '@mikro-orm/migrations';

/*
 * What search needs to find actions cheaply at 200,000 of them (src/modules/search/action-search.ts).
 *
 * 1. Action titles, judged once per distinct title. 200,000 actions have ~23,000
 * distinct titles ("Additions to the Entity List; Revision of Existing Entries" is 9,000 of
 * them), so pg_trgm's %>> / %> rechecks on action_title cost a ninth of what they cost on
 * government_action; search then reaches a title's actions, lowest ids first, through the
 * (md5(lower(title)), id) index.
 *
 * action_title holds each lower-cased title of a live action with the number of live actions
 * that have it (0 once none has: those rows are skipped, not deleted) and the lowest id among
 * them (first_id: ties in search go to the lowest id). It is kept by
 * statement-level triggers on government_action (transition tables: a bulk import costs one
 * upsert per statement). Titles are keyed by md5, so a long title fits a btree. Loads that skip
 * triggers call action_search_rebuild() afterwards (the data generator does).
 *
 * 2. The one- and two-character pieces of citations and document numbers (action_code_gram,
 *    with the number of live actions holding each). A query of one or two characters gives the
 *    trigram indexes nothing to look up (ILIKE '%CN%' read all 200,000 rows): search first
 *    asks here whether any citation or document number contains it at all.
 *
 * 3. lower(citation) and lower(document_number) indexes, for the exact citation or document
 *    number that search ranks first.
 */
export class Migration20261129023600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "action_title" ("title" text not null, "actions" int not null default 0, "first_id" int);`);
    this.addSql(`create unique index "action_title_key" on "action_title" (md5("title"));`);
    // A title's live actions in id order (keyed by md5, as action_title is).
    this.addSql(`create index "government_action_title_id_idx" on "government_action" (md5(lower("title")), "id") where "deleted_at" is null;`);

    this.addSql(`create table "action_code_gram" ("gram" text collate "C" not null primary key, "actions" int not null default 0);`);
    this.addSql(`create index "government_action_lower_citation_idx" on "government_action" (lower("citation")) where "deleted_at" is null;`);
    this.addSql(`create index "government_action_lower_document_number_idx" on "government_action" (lower("document_number")) where "deleted_at" is null;`);

    // The distinct one- and two-character pieces of an action's citation and document number, lower-cased.
    this.addSql(`create function action_code_grams(citation text, document_number text) returns text[] language sql immutable parallel safe as $$
      select coalesce(array_agg(distinct s.gram), '{}') from (
        select substr(lower(v), i, n) as gram
          from unnest(array[citation, document_number]) v, generate_series(1, 2) n, generate_series(1, length(v) - n + 1) i
         where v is not null) s
    $$;`);
    this.addSql(`create function action_code_gram_apply(removed text[], added text[]) returns void language sql as $$
      insert into action_code_gram as g (gram, actions)
      select s.gram, sum(s.d) from (
        select r as gram, -1 as d from unnest(removed) r
        union all
        select a, 1 from unnest(added) a
      ) s
      group by s.gram
      having sum(s.d) > 0 or (sum(s.d) < 0 and exists (select 1 from action_code_gram x where x.gram = s.gram))
      order by s.gram
      on conflict (gram) do update set actions = greatest(0, g.actions + excluded.actions)
    $$;`);

    this.addSql(`create function action_title_apply(removed text[], added text[]) returns void language sql as $$
      insert into action_title as t (title, actions)
      select s.title, sum(s.d) from (
        select lower(r) as title, -1 as d from unnest(removed) r
        union all
        select lower(a), 1 from unnest(added) a
      ) s
      group by s.title
      having sum(s.d) > 0 or (sum(s.d) < 0 and exists (select 1 from action_title x where md5(x.title) = md5(s.title)))
      order by md5(s.title)
      on conflict (md5(title)) do update set actions = greatest(0, t.actions + excluded.actions);
      -- The lowest live id of every title touched (one index probe each).
      update action_title t
         set first_id = (select min(a.id) from government_action a where md5(lower(a.title)) = md5(t.title) and a.deleted_at is null)
       where md5(t.title) in (select md5(lower(x)) from unnest(removed || added) x);
    $$;`);

    this.addSql(`create function action_search_trigger() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform action_title_apply('{}', array(select title from new_rows where deleted_at is null));
          perform action_code_gram_apply('{}', array(select unnest(action_code_grams(citation, document_number)) from new_rows where deleted_at is null));
        elsif tg_op = 'DELETE' then
          perform action_title_apply(array(select title from old_rows where deleted_at is null), '{}');
          perform action_code_gram_apply(array(select unnest(action_code_grams(citation, document_number)) from old_rows where deleted_at is null), '{}');
        elsif tg_op = 'UPDATE' then
          -- Only rows whose title (case aside) or liveness changed.
          perform action_title_apply(
            array(select o.title from old_rows o join new_rows n on n.id = o.id
                  where o.deleted_at is null and (lower(o.title) is distinct from lower(n.title) or n.deleted_at is not null)),
            array(select n.title from old_rows o join new_rows n on n.id = o.id
                  where n.deleted_at is null and (lower(o.title) is distinct from lower(n.title) or o.deleted_at is not null)));
          -- Only rows whose citation or document number (case aside) or liveness changed.
          perform action_code_gram_apply(
            array(select unnest(action_code_grams(o.citation, o.document_number)) from old_rows o join new_rows n on n.id = o.id
                  where o.deleted_at is null and (lower(o.citation) is distinct from lower(n.citation) or lower(o.document_number) is distinct from lower(n.document_number) or n.deleted_at is not null)),
            array(select unnest(action_code_grams(n.citation, n.document_number)) from old_rows o join new_rows n on n.id = o.id
                  where n.deleted_at is null and (lower(o.citation) is distinct from lower(n.citation) or lower(o.document_number) is distinct from lower(n.document_number) or o.deleted_at is not null)));
        elsif tg_op = 'TRUNCATE' then
          delete from action_title;
          delete from action_code_gram;
        end if;
        return null;
      end
    $$;`);
    this.addSql(`create trigger "government_action_search_insert" after insert on "government_action" referencing new table as new_rows for each statement execute function action_search_trigger();`);
    this.addSql(`create trigger "government_action_search_update" after update on "government_action" referencing old table as old_rows new table as new_rows for each statement execute function action_search_trigger();`);
    this.addSql(`create trigger "government_action_search_delete" after delete on "government_action" referencing old table as old_rows for each statement execute function action_search_trigger();`);
    this.addSql(`create trigger "government_action_search_truncate" after truncate on "government_action" for each statement execute function action_search_trigger();`);

    this.addSql(`create function action_search_rebuild() returns bigint language plpgsql as $$
      declare
        titles bigint;
      begin
        -- The trigram index is built after the rows are in (a GIN build is far faster than as many
        -- inserts), with no pending list (fastupdate off): new titles are rare after a load, and
        -- every search would otherwise scan the pending list.
        drop index if exists action_title_trgm_idx;
        truncate action_title;
        -- In order of first id: search reads titles in the order the index finds them, which is
        -- then roughly lowest id first.
        insert into action_title (title, actions, first_id)
        select lower(title), count(*), min(id) from government_action where deleted_at is null group by lower(title) order by min(id);
        get diagnostics titles = row_count;
        create index action_title_trgm_idx on action_title using gin (title gin_trgm_ops) with (fastupdate = off);
        truncate action_code_gram;
        insert into action_code_gram (gram, actions)
        select g, count(*) from government_action a, unnest(action_code_grams(a.citation, a.document_number)) g
         where a.deleted_at is null group by g;
        analyze action_title;
        analyze action_code_gram;
        return titles;
      end
    $$;`);
    this.addSql(`select action_search_rebuild();`);

    // Up to n live titles like the query (pg_trgm's %>> when close, %> when loose, at the session's
    // thresholds) in the order the index finds them (roughly by first id), with their word
    // similarity and number of actions (search keeps only the titles it needs).
    // This function and the two below read through an index always (enable_seqscan off): the
    // planner prices pg_trgm's recheck as cheap and would scan every title (0.4 s at 23,000
    // titles), and a sequential scan of a large table starts wherever a concurrent one is
    // (synchronize_seqscans), so a LIMIT without ORDER BY would not find the same rows twice.
    // They plan their statement for each call's values (force_custom_plan): a generic plan
    // cannot see that '%CN%' gives the trigram index nothing to look up, or that a word is rare.
    this.addSql(`create function action_title_match(query text, loose boolean, n int) returns table (title text, similarity real, first_id int, actions int)
      language plpgsql stable rows 100 set enable_seqscan = off set plan_cache_mode = force_custom_plan as $$
      #variable_conflict use_column
      begin
        if loose then
          return query select t.title, word_similarity(query, t.title), t.first_id, t.actions from action_title t where t.title %> query and t.actions > 0 limit n;
        else
          return query select t.title, word_similarity(query, t.title), t.first_id, t.actions from action_title t where t.title %>> query and t.actions > 0 limit n;
        end if;
      end
    $$;`);
    // The n lowest ids of live actions whose citation or document number contains the query
    // (pattern is '%query%', LIKE characters escaped). A query of one or
    // two characters gives the trigram indexes nothing to look up: it is read only if
    // action_code_gram says some citation or document number holds it.
    this.addSql(`create function action_code_match(raw text, pattern text, n int) returns setof int
      language plpgsql stable rows 100 set enable_seqscan = off set plan_cache_mode = force_custom_plan as $$
      begin
        if length(raw) < 3 and not exists (select from action_code_gram g where g.gram = lower(raw) and g.actions > 0) then
          return;
        end if;
        return query select a.id from government_action a
          where a.deleted_at is null and (a.citation ilike pattern or a.document_number ilike pattern) order by a.id limit n;
      end
    $$;`);
    // Up to n live actions whose English full text (the expression of government_action_fts_idx)
    // matches the query's words, in the order the index finds them (table order: the only plan
    // without sequential scans that the planner would pick is a bitmap scan of that index).
    this.addSql(`create function action_fulltext_match(query text, n int) returns setof int
      language plpgsql stable rows 100 set enable_seqscan = off set plan_cache_mode = force_custom_plan as $$
      begin
        return query select a.id from government_action a
          where to_tsvector('english', coalesce(a.title, '') || ' ' || coalesce(a.summary, '') || ' ' || coalesce(a.citation, '') || ' ' || coalesce(a.document_number, ''))
                @@ plainto_tsquery('english', query)
            and a.deleted_at is null limit n;
      end
    $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "government_action_search_insert" on "government_action";`);
    this.addSql(`drop trigger if exists "government_action_search_update" on "government_action";`);
    this.addSql(`drop trigger if exists "government_action_search_delete" on "government_action";`);
    this.addSql(`drop trigger if exists "government_action_search_truncate" on "government_action";`);
    this.addSql(`drop function if exists action_title_match(text, boolean, int);`);
    this.addSql(`drop function if exists action_code_match(text, text, int);`);
    this.addSql(`drop function if exists action_fulltext_match(text, int);`);
    this.addSql(`drop function if exists action_search_trigger();`);
    this.addSql(`drop function if exists action_search_rebuild();`);
    this.addSql(`drop function if exists action_title_apply(text[], text[]);`);
    this.addSql(`drop function if exists action_code_gram_apply(text[], text[]);`);
    this.addSql(`drop function if exists action_code_grams(text, text);`);
    this.addSql(`drop index if exists "government_action_title_id_idx";`);
    this.addSql(`drop index if exists "government_action_lower_citation_idx";`);
    this.addSql(`drop index if exists "government_action_lower_document_number_idx";`);
    this.addSql(`drop table if exists "action_title";`);
    this.addSql(`drop table if exists "action_code_gram";`);
  }

}
