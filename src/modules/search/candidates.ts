import type { Knex } from 'knex';
import { compactKey, nameTokens, normalizeText } from './normalize';

/*
 * Candidate entities for a name, found through the search vocabulary (table search_word, kept
 * current by triggers on entity: see migrations/Migration20261129021915.ts) rather than by
 * rechecking pg_trgm word similarity on every entity that shares trigrams with the name, which
 * at a million entities means thousands of rechecks for a name made of common words.
 *
 * 1. Each query word is looked up in the vocabulary: the word itself, words one typo apart
 *    (symmetric deletion keys, for words of 5 to 16 letters) and, for the last word of a
 *    search, a few words it starts ("hikv" reaches "hikvision").
 * 2. A query word and its look-alikes form a term; a term's document frequency is the sum of
 *    its words' entity counts. Terms are read rarest first, from the `simple` full-text index,
 *    while their frequencies add up to at most POSTINGS_BUDGET (the rarest one always, capped).
 * 3. The entities holding every distinctive term at once (the index intersects the lists) are
 *    added, so a name made only of common words ("James Brown") still finds its entity.
 * 4. Candidates are ranked by the inverse document frequency of the terms they hold; only the
 *    best few are scored by the caller with word similarity, which is the costly part.
 */

/** Entities read per query, at most, from the posting lists of its terms (and per term). */
export const POSTINGS_BUDGET = 500;
/** Entities that hold every distinctive term, at most. */
const ALL_TERMS_LIMIT = 200;
/**
 * Terms held by more entities are left out of that intersection: reading lists of a quarter of
 * a million entries ("gong", "si" of a transliterated Chinese name) costs more than they narrow.
 */
const ALL_TERMS_MAX_ENTITIES = 50_000;
/** Vocabulary words per query word (the word, typos of it, words it starts). */
const NEAR_WORDS = 20;
/** Query words looked up, at most: distinctive words first, then the compact key, then the rest. */
const MAX_WORDS = 16;
/** Words a search's last word may be the start of: scanned in order, the most common kept. */
const PREFIX_SCAN = 100;
const PREFIX_WORDS = 5;
/** Shortest last word that is also looked up as a prefix. */
const PREFIX_MIN_LENGTH = 3;

/** What the vocabulary is asked for one name. */
export interface CandidateQuery {
  /** Words to look up. */
  words: string[];
  /** The distinctive ones: every one of them is required by the all-terms pass. */
  required: string[];
  /** A word that may be the start of a longer one (the last word of a search), or ''. */
  prefix: string;
}

const distinct = (words: readonly string[]) => [...new Set(words.filter(Boolean))];

/**
 * The words of a name to look up: its distinctive words, its compact key ("hikvision" of
 * "Hik Vision", which a one-word name in the vocabulary may equal) and, when `allWords`, its
 * legal-form words too (search text holds them, so a search for "Huawei Technologies" counts
 * "technologies"; they are common, so the budget usually leaves them out).
 */
export function candidateQuery(name: string, options: { allWords: boolean; prefix: boolean }): CandidateQuery {
  const normalized = normalizeText(name).split(' ').filter(Boolean);
  const required = distinct(nameTokens(name));
  const words = distinct([...required, compactKey(name), ...(options.allWords ? normalized : [])]).slice(0, MAX_WORDS);
  const last = normalized[normalized.length - 1] ?? '';
  return { words, required: required.filter((w) => words.includes(w)), prefix: options.prefix && last.length >= PREFIX_MIN_LENGTH ? last : '' };
}

/**
 * One statement's worth of candidates for many names: rows (idx, id, weight), at most
 * `perName` per name, best weight first. `idx` is the caller's number for the name.
 */
export function candidatesFrom(knex: Knex, names: readonly { idx: number; query: CandidateQuery }[], perName: number): Knex.Raw {
  return knex.raw(
    `(select q.idx, c.id, c.weight
       from unnest(?::int[], ?::text[], ?::text[], ?::text[]) as q(idx, words, required, prefix)
       cross join lateral (
         with w as (
           select t.word, t.term, t.word = any(string_to_array(q.required, ' ')) as required
             from unnest(string_to_array(q.words, ' ')) with ordinality as t(word, term)
         ),
         near as (
           select w.term, w.required, v.word, v.entities
             from w cross join lateral (
               select v.word, v.entities from search_word v
                where v.entities > 0
                  and (v.word = any(search_word_probe(w.word))
                       or (length(v.word) between 5 and 16 and search_word_deletes(v.word) && search_word_probe(w.word)))
                limit ${NEAR_WORDS}
             ) v
           union all
           (select 0, false, p.word, p.entities
              from (select v.word, v.entities from search_word v
                     where q.prefix <> '' and v.word > q.prefix and v.word < q.prefix || '~' and v.entities > 0
                     order by v.word limit ${PREFIX_SCAN}) p
             order by p.entities desc limit ${PREFIX_WORDS})
         ),
         terms as (
           select n.term, bool_or(n.required) as required, sum(n.entities) as df,
                  ln(1e7 / (1 + sum(n.entities))) as weight,
                  string_agg(quote_literal(n.word), ' | ')::tsquery as words
             from near n group by n.term
            limit ${MAX_WORDS + 1}
         ),
         chosen as (
           select * from (select t.*, sum(t.df) over (order by t.df, t.term) as running, row_number() over (order by t.df, t.term) as rank from terms t) t
            where t.rank = 1 or t.running <= ${POSTINGS_BUDGET}
            limit ${MAX_WORDS + 1}
         ),
         hits as (
           select c.term, c.weight, e.id
             from chosen c cross join lateral (
               select e.id from entity e
                where to_tsvector('simple', coalesce(e.search_text, '')) @@ c.words and e.deleted_at is null
                limit ${POSTINGS_BUDGET}
             ) e
           union
           select t.term, t.weight, e.id
             from (select e.id from entity e
                    where to_tsvector('simple', coalesce(e.search_text, '')) @@ (select string_agg('(' || t.words::text || ')', ' & ')::tsquery from terms t where t.required and t.df <= ${ALL_TERMS_MAX_ENTITIES})
                      and e.deleted_at is null
                      -- Only when a required term was left out: otherwise the lists read above hold these entities already.
                      and exists (select 1 from terms t where t.required and t.term not in (select c.term from chosen c))
                    limit ${ALL_TERMS_LIMIT}) e
             cross join terms t where t.required
         )
         select h.id, sum(h.weight) as weight from hits h group by h.id order by weight desc, h.id limit ?
       ) c)`,
    [names.map((n) => n.idx), names.map((n) => n.query.words.join(' ')), names.map((n) => n.query.required.join(' ')), names.map((n) => n.query.prefix), perName],
  );
}
