import type { Knex } from 'knex';

/*
 * The action part of `search`, in one statement whose every branch reads its own index with a
 * LIMIT, so its cost does not grow with how many actions a common word is in (at 200,000
 * actions, "china" is in 72,000 actions' full text and 40,000 titles; matching all of them,
 * then ranking them, took seconds).
 *
 * An action is a candidate, as before, when
 *   - its citation or document number is the query (lower() indexes) or contains it (ILIKE
 *     '%…%', trigram indexes): the exact ones and the ACTION_CANDIDATES lowest ids of the others
 *     (their scores are 1 and 0.95, above any other). A query of one or two characters gives the trigram indexes nothing to
 *     look up, so it is first looked up in action_code_gram: when no citation or document
 *     number holds it (most such queries: "CN"), no action is read;
 *   - its title is like the query (pg_trgm's %>> when close, %> when loose): judged once per
 *     distinct title in action_title (migrations/Migration20261129023600.ts), at most
 *     TITLES_SCANNED titles read (in the index's order, which is roughly by the lowest id of the
 *     title's actions); of these the most similar (then by lowest id) until they hold
 *     ACTION_CANDIDATES actions, with any as similar as the last (at most TITLES_KEPT titles),
 *     and of their actions the ACTION_CANDIDATES best (most similar title, then lowest id)
 *     through the (md5(lower(title)), id) index;
 *   - its English full text matches the query's words: the first FULL_TEXT_CANDIDATES of them
 *     in table order (roughly by id), and none when the titles already give ACTION_CANDIDATES
 *     actions that score above what a full-text hit can (0.8: a title word similarity above
 *     0.8 / 0.9).
 * The candidates are then scored as before (the same CASE) and the best `limit` returned.
 * ACTION_CANDIDATES does not depend on `limit` up to 50, so the first 3 hits are the start of
 * the first 50. The index scans run in plpgsql functions that never scan a table sequentially
 * (see the migration), so a LIMIT without ORDER BY finds the same rows every time.
 * ts_rank_cd, which rebuilds each row's tsvector, is computed only where it can change the
 * score: not for citation or document-number hits, nor for titles with a word similarity of
 * 0.8 or more (their score is 0.9 × the similarity whatever the rank).
 */

/** Actions per branch, at least: more than a page, and the same for every `first` up to it, so a short page is the start of a longer one. */
export const ACTION_CANDIDATES = 50;
/** Distinct titles read from the trigram index, at most (in index order, not by similarity). */
export const TITLES_SCANNED = 100;
/** Of those, the most similar titles whose actions are candidates. */
export const TITLES_KEPT = 50;
/** Full-text hits ranked, at most. */
export const FULL_TEXT_CANDIDATES = 100;

/** The same tsvector expression as the index government_action_fts_idx, so the index is used. */
export const ACTION_DOCUMENT = (a: string) =>
  `to_tsvector('english', coalesce(${a}.title, '') || ' ' || coalesce(${a}.summary, '') || ' ' || coalesce(${a}.citation, '') || ' ' || coalesce(${a}.document_number, ''))`;

/** The query in the forms the action search needs. */
export interface ActionTerms {
  raw: string;
  normalized: string;
  like: string;
}

/**
 * The statement behind an action search (exported for measuring it with EXPLAIN). Rows are
 * government_action columns plus __title (word similarity of the title), __rank (ts_rank_cd,
 * 0 where it cannot change the score), best first.
 */
export function actionSearchQuery(knex: Knex, t: ActionTerms, limit: number, loose: boolean): Knex.Raw {
  const candidates = Math.max(ACTION_CANDIDATES, limit);
  // Named parameters ($raw…) are replaced by positional ones below, so each value is bound once per use.
  const sql = `
with cited as (
  select a.id from government_action a
   where a.deleted_at is null and (lower(a.citation) = lower($raw) or lower(a.document_number) = lower($raw))
   limit $candidates),
containing as (
  select c.id from action_code_match($raw, $pattern, $candidates) c(id)),
titles as (
  select t.title, t.similarity, t.first_id, t.actions from action_title_match($normalized, $loose, ${TITLES_SCANNED}) t),
counted as (
  select t.*, coalesce(sum(t.actions) over (order by t.similarity desc, t.first_id, t.title rows between unbounded preceding and 1 preceding), 0) as before
    from titles t),
kept as (
  select c.title, c.similarity from counted c
   where c.similarity >= (select min(x.similarity) from counted x where x.before < $candidates)
   order by c.similarity desc, c.first_id, c.title limit ${TITLES_KEPT}),
titled as (
  select x.id, t.similarity from kept t cross join lateral (
    select a.id from government_action a where md5(lower(a.title)) = md5(t.title) and a.deleted_at is null order by a.id limit $candidates) x
   order by t.similarity desc, x.id limit $candidates),
worded as (
  select w.id from action_fulltext_match($raw, ${FULL_TEXT_CANDIDATES}) w(id)
   where (select count(*) from titled where titled.similarity * 0.9 > 0.8) < $candidates),
found as (
  select a.*, word_similarity($normalized, lower(a.title)) as __title,
         coalesce(a.citation ilike $pattern, false) as __cited, coalesce(a.document_number ilike $pattern, false) as __numbered
    from (select id from cited union select id from containing union select id from titled union select id from worded) i
    join government_action a on a.id = i.id),
scored as (
  select f.*, case when f.__cited or f.__numbered or f.__title >= 0.8 then 0
                   else ts_rank_cd(${ACTION_DOCUMENT('f')}, plainto_tsquery('english', $raw)) end as __rank
    from found f)
select s.* from scored s
 order by case when s.__cited then (case when lower(s.citation) = lower($raw) then 1 else 0.95 end)
               when s.__numbered then (case when lower(s.document_number) = lower($raw) then 1 else 0.95 end)
               when s.__title >= least(1, s.__rank * 5) * 0.8 then s.__title * 0.9
               else 0.4 + 0.4 * least(1, s.__rank * 5) end desc, s.id
 limit $limit`;
  const values: Record<string, Knex.RawBinding> = { raw: t.raw, normalized: t.normalized, pattern: t.like, loose, candidates, limit };
  const casts: Record<string, string> = { raw: 'text', normalized: 'text', pattern: 'text', loose: 'boolean', candidates: 'int', limit: 'int' };
  const bindings: Knex.RawBinding[] = [];
  const text = sql.replace(/\$(raw|normalized|pattern|loose|candidates|limit)\b/g, (_, name: string) => {
    bindings.push(values[name]);
    return `?::${casts[name]}`;
  });
  return knex.raw(text, bindings);
}
