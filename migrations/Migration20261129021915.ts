import { Migration } from '@mikro-orm/migrations';

/*
 * The search vocabulary: every distinct word of entity.search_text (the lexemes of its `simple`
 * full-text index) with the number of live entities that contain it. Search and screening look
 * query words up here (exact, or one typo apart through the deletion keys below), then reach
 * entities through the full-text index, rarest words first, so their cost no longer grows with
 * how common a query's words are. See src/modules/search/candidates.ts.
 *
 * Kept current by statement-level triggers on entity (transition tables, so a bulk insert costs
 * one statement, not one per row). Loads that skip triggers (gen:data sets
 * session_replication_role = replica) call search_word_rebuild() afterwards.
 */
export class Migration20261129021915 extends Migration {

  override async up(): Promise<void> {
    // "C" collation: byte order, so a prefix is a plain range scan of the primary key.
    this.addSql(`create table "search_word" ("word" text collate "C" not null primary key, "entities" int not null default 0);`);

    // One-letter deletions of a word of 5 to 16 letters (symmetric-delete spelling correction):
    // two words one insertion, deletion, substitution or adjacent swap apart share a key, or one
    // of them is a key of the other. Shorter words only match exactly; longer ones are joined
    // forms ("hikvision" of "Hik Vision" is 9 letters) whose parts are words of their own.
    this.addSql(`create function search_word_deletes(word text) returns text[] language sql immutable strict parallel safe as $$
      select case when length(word) between 5 and 16
        then array(select distinct substr(word, 1, i - 1) || substr(word, i + 1) from generate_series(1, length(word)) i)
        else '{}'::text[] end
    $$;`);
    // The keys a query word is looked up by: itself and its deletions.
    this.addSql(`create function search_word_probe(word text) returns text[] language sql immutable strict parallel safe as $$
      select array(select word union select unnest(search_word_deletes(word)))
    $$;`);

    // Applies the words of texts that left the live set and of texts that joined it, netted per
    // word in one upsert (a rename touches only the words that changed), locking words in a fixed
    // order so concurrent writers do not deadlock. A word never goes below 0.
    this.addSql(`create function search_word_apply(removed text[], added text[]) returns void language sql as $$
      insert into search_word as w (word, entities)
      select s.word, sum(s.d) from (
        select l.lexeme as word, -1 as d from unnest(removed) t, unnest(to_tsvector('simple', coalesce(t, ''))) l
        union all
        select l.lexeme, 1 from unnest(added) t, unnest(to_tsvector('simple', coalesce(t, ''))) l
      ) s
      group by s.word
      having sum(s.d) > 0 or (sum(s.d) < 0 and exists (select 1 from search_word x where x.word = s.word))
      order by s.word
      on conflict (word) do update set entities = greatest(0, w.entities + excluded.entities)
    $$;`);

    this.addSql(`create function search_word_entity_trigger() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform search_word_apply('{}', array(select search_text from new_rows where deleted_at is null and search_text is not null));
        elsif tg_op = 'DELETE' then
          perform search_word_apply(array(select search_text from old_rows where deleted_at is null and search_text is not null), '{}');
        elsif tg_op = 'UPDATE' then
          -- Only rows whose text or liveness changed: a rename, a soft delete, a restore, a merge.
          perform search_word_apply(
            array(select o.search_text from old_rows o join new_rows n on n.id = o.id
                  where o.deleted_at is null and o.search_text is not null
                    and (o.search_text is distinct from n.search_text or n.deleted_at is not null)),
            array(select n.search_text from old_rows o join new_rows n on n.id = o.id
                  where n.deleted_at is null and n.search_text is not null
                    and (o.search_text is distinct from n.search_text or o.deleted_at is not null)));
        elsif tg_op = 'TRUNCATE' then
          delete from search_word;
        end if;
        return null;
      end
    $$;`);
    this.addSql(`create trigger "entity_search_word_insert" after insert on "entity" referencing new table as new_rows for each statement execute function search_word_entity_trigger();`);
    this.addSql(`create trigger "entity_search_word_update" after update on "entity" referencing old table as old_rows new table as new_rows for each statement execute function search_word_entity_trigger();`);
    this.addSql(`create trigger "entity_search_word_delete" after delete on "entity" referencing old table as old_rows for each statement execute function search_word_entity_trigger();`);
    this.addSql(`create trigger "entity_search_word_truncate" after truncate on "entity" for each statement execute function search_word_entity_trigger();`);

    // Recounts everything from entity: for loads that bypass the triggers, and for existing data
    // now. The deletion-key index is built after the rows are in (a GIN build is far faster than
    // as many inserts). It has no pending list (fastupdate off): new words are rare after a load,
    // and every lookup would otherwise scan the pending list.
    this.addSql(`create function search_word_rebuild() returns bigint language plpgsql as $$
      declare
        words bigint;
      begin
        drop index if exists search_word_deletes_idx;
        truncate search_word;
        insert into search_word (word, entities)
        select l.lexeme, count(*) from entity e, unnest(to_tsvector('simple', coalesce(e.search_text, ''))) l
        where e.deleted_at is null group by l.lexeme;
        get diagnostics words = row_count;
        create index search_word_deletes_idx on search_word using gin (search_word_deletes(word)) with (fastupdate = off)
          where length(word) between 5 and 16;
        analyze search_word;
        return words;
      end
    $$;`);
    this.addSql(`select search_word_rebuild();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "entity_search_word_insert" on "entity";`);
    this.addSql(`drop trigger if exists "entity_search_word_update" on "entity";`);
    this.addSql(`drop trigger if exists "entity_search_word_delete" on "entity";`);
    this.addSql(`drop trigger if exists "entity_search_word_truncate" on "entity";`);
    this.addSql(`drop function if exists search_word_entity_trigger();`);
    this.addSql(`drop function if exists search_word_rebuild();`);
    this.addSql(`drop function if exists search_word_apply(text[], text[]);`);
    this.addSql(`drop table if exists "search_word";`);
    this.addSql(`drop function if exists search_word_probe(text);`);
    this.addSql(`drop function if exists search_word_deletes(text);`);
  }

}
