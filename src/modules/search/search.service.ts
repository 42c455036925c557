import type { Knex } from 'knex';
import type { Context } from '../../graphql/context';
import { STRICT_WORD_SIMILARITY_THRESHOLD, WORD_SIMILARITY_THRESHOLD } from '../../db/mikro-orm.config';
import { likePattern } from '../../db/sql';
import { referenceRows } from '../../graphql/reference-data';
import { GovernmentAction } from '../action/government-action.entity';
import { Authority } from '../authority/authority.entity';
import { Country } from '../country/country.entity';
import { LegalEntity } from '../entity/legal-entity.entity';
import { SanctionsList } from '../listing/sanctions-list.entity';
import { TechnologyCategory } from '../technology/technology.entity';
import { actionSearchQuery } from './action-search';
import { candidateQuery, candidatesFrom } from './candidates';
import { compactKey, normalizeText } from './normalize';
import { SearchHit, SearchType } from './search.types';
import { trigrams, trigramSetSimilarity } from './trigram';
import { distinctTrigrams, Needle, preparedWordSimilarity, prepareHaystack, prepareNeedle, wordSimilarityBound } from './word-similarity';

type Row = Record<string, unknown>;

/** The query in the forms the indexes hold. */
export interface Terms {
  raw: string;
  normalized: string;
  compact: string;
  like: string;
}

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;

/** The query's two forms as trigram sets, made once per search for every name bestName compares. */
export interface QueryTrigrams {
  normalized: ReadonlySet<string>;
  compact: ReadonlySet<string>;
}

export const queryTrigrams = (terms: Pick<Terms, 'normalized' | 'compact'>): QueryTrigrams => ({ normalized: trigrams(terms.normalized), compact: trigrams(terms.compact) });

/** The entity name or alias closest to the query (names in other scripts compared transliterated). */
export function bestName(
  names: readonly string[],
  terms: Pick<Terms, 'normalized' | 'compact'>,
  query: QueryTrigrams = queryTrigrams(terms),
): { name: string; similarity: number } {
  let best = { name: names[0] ?? '', similarity: -1 };
  for (const name of names) {
    const normalized = normalizeText(name);
    const compact = compactKey(name);
    const exact = normalized === terms.normalized || compact === terms.compact;
    const similarity = exact ? 1 : Math.max(trigramSetSimilarity(trigrams(normalized), query.normalized), trigramSetSimilarity(trigrams(compact), query.compact));
    if (similarity > best.similarity) best = { name, similarity };
  }
  return best;
}

/**
 * How strictly names must resemble the query. Search runs 'close' first: names that match
 * closely (pg_trgm strict word similarity >= 0.5, `%>>`). Only when no type has a close hit does
 * it run 'loose' (word similarity >= 0.3, `%>`). So when something matches closely, the answer
 * leaves the loose matches out. Entities are found once per search through the vocabulary
 * (candidates.ts) and judged for both passes from the same similarities.
 */
type Closeness = 'close' | 'loose';
/** The least score a small reference table's row needs, by closeness. */
const NAMED_MIN_SCORE: Record<Closeness, number> = { close: 0.5, loose: 0.3 };

/** Entities scored by SQL per candidate: more than a page, so each pass can filter its own. */
const ENTITY_CANDIDATES = 50;

/**
 * The candidate entities of one search with both passes' verdicts, fetched once per search:
 * the loose pass, run when no type has a close hit, reuses them instead of a second statement.
 */
const entityRows = new WeakMap<Terms, Promise<Row[]>>();

/** The statement behind an entity search (exported for measuring it with EXPLAIN). */
export function entitySearchQuery(knex: Knex, t: Terms, limit: number): Knex.QueryBuilder {
  const candidates = candidatesFrom(knex, [{ idx: 0, query: candidateQuery(t.raw, { allWords: true, prefix: true }) }], Math.max(ENTITY_CANDIDATES, limit));
  // Each similarity once per candidate: the passes' operators (%>> and %>) are these against
  // the session thresholds, so the verdicts are computed here from the values instead.
  return knex
    .select(
      'e.*',
      knex.raw(`greatest(word_similarity(?, e.search_text), word_similarity(?, e.search_text)) as __similarity`, [t.normalized, t.compact]),
      knex.raw(`greatest(strict_word_similarity(?, e.search_text), strict_word_similarity(?, e.search_text)) as __strict`, [t.normalized, t.compact]),
      'f.words as __words',
    )
    .from(knex.raw('? as c', [candidates]))
    .join('entity as e', 'e.id', 'c.id')
    .joinRaw(`cross join lateral (select to_tsvector('simple', coalesce(e.search_text, '')) @@ plainto_tsquery('simple', ?) as words) f`, [t.normalized])
    .whereNull('e.deleted_at')
    .orderBy([{ column: '__similarity', order: 'desc' }, 'e.id']);
}

/** The database's score of a candidate: its word similarity, or 0.75 for a full-text hit if higher. */
const databaseScore = (row: Row) => Math.max(Number(row.__similarity), row.__words === true ? 0.75 : 0);

/** Whether a candidate passes: strict word similarity (close) or word similarity (loose), or a full-text hit. */
const PASSES: Record<Closeness, (row: Row) => boolean> = {
  close: (row) => row.__words === true || Number(row.__strict) >= STRICT_WORD_SIMILARITY_THRESHOLD,
  loose: (row) => row.__words === true || Number(row.__similarity) >= WORD_SIMILARITY_THRESHOLD,
};

async function searchEntities(ctx: Context, t: Terms, limit: number, closeness: Closeness): Promise<SearchHit[]> {
  let fetched = entityRows.get(t);
  if (!fetched) {
    fetched = entitySearchQuery(ctx.knex, t, limit).then((rows: Row[]) => rows);
    entityRows.set(t, fetched);
  }
  const rows = (await fetched)
    .filter(PASSES[closeness])
    .sort((a, b) => databaseScore(b) - databaseScore(a) || Number(a.id) - Number(b.id))
    .slice(0, limit);
  const query = queryTrigrams(t);
  return rows.map((row) => {
    const entity = ctx.loaders.map(LegalEntity, row);
    const best = bestName([entity.name, ...entity.aliases], t, query);
    // An exact name is certain; otherwise the database's word similarity, confirmed by the best single name.
    const score = best.similarity === 1 ? 1 : Math.max(databaseScore(row) * 0.9, best.similarity * 0.95);
    return Object.assign(new SearchHit(), { score: round(score), matched: best.name, node: entity });
  });
}

/**
 * Actions by citation, document number, title words, and titles like the query: one statement,
 * each branch through its own index with a limit (see action-search.ts), ranked in SQL so only
 * the best `limit` rows leave the database.
 */
async function searchActions(ctx: Context, t: Terms, limit: number, closeness: Closeness): Promise<SearchHit[]> {
  const result = (await actionSearchQuery(ctx.knex, t, limit, closeness === 'loose')) as { rows: Row[] };
  const rows = result.rows;
  const needle = t.raw.toLowerCase();
  const hits = rows.map((row) => {
    const action = ctx.loaders.map(GovernmentAction, row);
    let score: number;
    let matched: string;
    if (action.citation?.toLowerCase().includes(needle)) {
      [score, matched] = [action.citation.toLowerCase() === needle ? 1 : 0.95, `citation: ${action.citation}`];
    } else if (action.documentNumber?.toLowerCase().includes(needle)) {
      [score, matched] = [action.documentNumber.toLowerCase() === needle ? 1 : 0.95, `documentNumber: ${action.documentNumber}`];
    } else {
      const title = Number(row.__title);
      const rank = Math.min(1, Number(row.__rank) * 5);
      [score, matched] = title >= rank * 0.8 ? [title * 0.9, `title: ${action.title}`] : [0.4 + 0.4 * rank, `summary or title words: ${action.title}`];
    }
    return Object.assign(new SearchHit(), { score: round(score), matched, node: action });
  });
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** How a small reference table is searched: its codes or slugs (exact hits) and its texts. */
interface NamedTable {
  cls: new () => object;
  table: string;
  key: 'id' | 'code';
  exactColumns: string[];
  textColumns: string[];
}

const NAMED_TABLES: Partial<Record<SearchType, NamedTable>> = {
  [SearchType.COUNTRY]: { cls: Country, table: 'country', key: 'code', exactColumns: ['code', 'alpha3'], textColumns: ['name', 'official_name'] },
  [SearchType.TECHNOLOGY]: { cls: TechnologyCategory, table: 'technology_category', key: 'id', exactColumns: ['slug'], textColumns: ['name', 'description'] },
  [SearchType.AUTHORITY]: { cls: Authority, table: 'authority', key: 'id', exactColumns: ['slug', 'abbreviation'], textColumns: ['name'] },
  [SearchType.LIST]: { cls: SanctionsList, table: 'sanctions_list', key: 'id', exactColumns: ['slug'], textColumns: ['name', 'description'] },
};
const isNamed = (type: SearchType): boolean => NAMED_TABLES[type] !== undefined;

/** A cached reference row's texts, lower-cased and as trigrams: computed once per row, not per search. */
interface PreparedText {
  lower: string;
  trigrams: Int32Array;
  /** Its distinct trigrams: how many of the query's it holds bounds its word similarity. */
  distinct: Int32Array;
}
const preparedTexts = new WeakMap<Row, PreparedText[]>();

/** A column's value as text ('' for null). */
const textOf = (row: Row, column: string): string => (row[column] == null ? '' : String(row[column]));

function textsOf(row: Row, columns: readonly string[]): PreparedText[] {
  let texts = preparedTexts.get(row);
  if (!texts) {
    texts = columns.map((c) => {
      const lower = textOf(row, c).toLowerCase();
      const sequence = prepareHaystack(lower);
      return { lower, trigrams: sequence, distinct: distinctTrigrams(sequence) };
    });
    preparedTexts.set(row, texts);
  }
  return texts;
}

/**
 * A reference row's score: 1 for an exact code or slug, else its best text's word similarity,
 * or 0.7 when a text contains the query; below `least` it is dropped, so a text whose bound
 * (wordSimilarityBound) is under both `least` and the score so far is not measured.
 */
function namedScore(row: Row, table: NamedTable, raw: string, needle: Needle, least: number): { score: number; exact?: string } {
  const exact = table.exactColumns.map((c) => textOf(row, c)).find((v) => v.toLowerCase() === raw);
  if (exact !== undefined) return { score: 1, exact };
  let score = 0;
  for (const text of textsOf(row, table.textColumns)) {
    score = Math.max(score, text.lower.includes(raw) ? 0.7 : 0);
    if (wordSimilarityBound(needle, text.distinct) >= Math.max(least, score)) score = Math.max(score, preparedWordSimilarity(needle, text.trigrams));
  }
  return { score };
}

/**
 * The small reference tables (countries, categories, authorities, lists), scored in the process
 * on the rows the reference-table cache holds (reference-data.ts: at most 10 s old), with no
 * statement: a row's score is 1 for an exact code or slug, else the greater of pg_trgm's word
 * similarity of the query to each text (word-similarity.ts) and 0.7 when a text contains it.
 */
async function searchNamed(ctx: Context, t: Terms, limit: number, closeness: Closeness, types: readonly SearchType[]): Promise<Map<SearchType, SearchHit[]>> {
  const raw = t.raw.toLowerCase();
  const hits = new Map<SearchType, SearchHit[]>();
  await Promise.all(
    types.map(async (type) => {
      const named = NAMED_TABLES[type] as NamedTable;
      const rows = await referenceRows(ctx.knex, named.table, named.key);
      // Texts are prepared first: the needle only keeps trigrams some prepared text holds.
      for (const row of rows.values()) textsOf(row, named.textColumns);
      const needle = prepareNeedle(t.normalized);
      const scored: { row: Row; key: string; score: number; exact?: string }[] = [];
      for (const [rowKey, row] of rows) {
        if (row.deleted_at != null) continue;
        const { score, exact } = namedScore(row, named, raw, needle, NAMED_MIN_SCORE[closeness]);
        if (score >= NAMED_MIN_SCORE[closeness]) scored.push({ row, key: rowKey, score, exact });
      }
      scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      hits.set(
        type,
        scored.slice(0, limit).map(({ row, score, exact }) => {
          const node = ctx.loaders.map(named.cls, row);
          return Object.assign(new SearchHit(), { score: round(score), matched: exact ?? String(row.name), node });
        }),
      );
    }),
  );
  return hits;
}

const SEARCHERS: Partial<Record<SearchType, (ctx: Context, t: Terms, limit: number, closeness: Closeness) => Promise<SearchHit[]>>> = {
  [SearchType.ENTITY]: searchEntities,
  [SearchType.ACTION]: searchActions,
};

/** One ranked list across the requested types: best score first, ties by type order. */
/** The query in the forms the indexes hold. */
export function searchTerms(query: string): Terms {
  const raw = query.trim();
  return { raw, normalized: normalizeText(raw), compact: compactKey(raw), like: likePattern(raw) };
}

export async function search(ctx: Context, query: string, types: readonly SearchType[], first: number): Promise<SearchHit[]> {
  const terms = searchTerms(query);
  const { raw } = terms;
  if (!terms.normalized && !/\S/.test(raw)) return [];
  const run = async (closeness: Closeness) => {
    const named = searchNamed(ctx, terms, first, closeness, types.filter(isNamed));
    const others = types.map((type) => (isNamed(type) ? null : (SEARCHERS[type] as NonNullable<(typeof SEARCHERS)[SearchType]>)(ctx, terms, first, closeness)));
    const namedHits = await named;
    return Promise.all(types.map((type, i) => (isNamed(type) ? (namedHits.get(type) ?? []) : (others[i] as Promise<SearchHit[]>))));
  };
  let perType = await run('close');
  if (perType.every((hits) => hits.length === 0)) perType = await run('loose');
  return perType
    .flatMap((hits, typeIndex) => hits.map((hit) => ({ hit, typeIndex })))
    .sort((a, b) => b.hit.score - a.hit.score || a.typeIndex - b.typeIndex)
    .slice(0, first)
    .map((x) => x.hit);
}
