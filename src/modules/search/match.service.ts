import type { Knex } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { LegalEntity } from '../entity/legal-entity.entity';
import { candidateQuery, candidatesFrom } from './candidates';
import { compactKey, nameKey, nameTokens, normalizeText, sameWord, wordCodes } from './normalize';
import { EntityMatch, MatchInput } from './search.types';
import { trigrams, trigramSetSimilarity } from './trigram';

/** How much each name feature weighs; they add up to 1 so scores stay in [0, 1]. */
export const WEIGHTS = { trigram: 0.55, words: 0.3, phonetic: 0.15 } as const;
/** Hints move the score by these amounts. */
export const HINTS = { countryMatch: 0.05, countryMismatch: -0.2, kindMatch: 0.03, kindMismatch: -0.1, address: 0.03 } as const;
/** Candidates fetched per name before scoring. */
const CANDIDATES = 25;
/** Vocabulary candidates per name whose word similarity SQL computes, to keep the best CANDIDATES. */
const PRESELECTED = 50;

type Row = Record<string, unknown>;

interface NameScore {
  score: number;
  matchedName: string;
  queryName: string;
  explanation: string[];
}

const pct = (n: number) => n.toFixed(2);

/** What compareNames reads of a name, computed once per name (transliteration is the costly part). */
interface NameFeatures {
  key: string;
  compact: string;
  keyTrigrams: Set<string>;
  compactTrigrams: Set<string>;
  /** Distinct distinctive words. */
  words: string[];
  /** Double Metaphone codes of those words that have any. */
  sounds: string[][];
}

/** Features of names seen recently: screening batches and candidates repeat names a lot. */
const features = new Map<string, NameFeatures>();
const FEATURES_KEPT = 50_000;

function featuresOf(name: string): NameFeatures {
  let f = features.get(name);
  if (!f) {
    const key = nameKey(name);
    const compact = compactKey(name);
    const words = [...new Set(nameTokens(name))];
    f = { key, compact, keyTrigrams: trigrams(key), compactTrigrams: trigrams(compact), words, sounds: words.map(wordCodes).filter((c) => c.length) };
    if (features.size >= FEATURES_KEPT) features.clear();
    features.set(name, f);
  }
  return f;
}

/** How alike two names are, feature by feature. */
export function compareNames(query: string, candidate: string): NameScore {
  const q = featuresOf(query);
  const c = featuresOf(candidate);
  if (q.key === c.key || q.compact === c.compact) {
    return {
      score: 1,
      matchedName: candidate,
      queryName: query,
      explanation: [`"${query}" and "${candidate}" are the same name once case, accents, punctuation, word order and legal-form words (misspelt ones too) are set aside (1.00)`],
    };
  }
  const trigram = Math.max(trigramSetSimilarity(q.keyTrigrams, c.keyTrigrams), trigramSetSimilarity(q.compactTrigrams, c.compactTrigrams));
  const qt = q.words;
  const ct = c.words;
  // Words: the same word, a one-letter slip allowed in longer words ("hikvisoin" is "hikvision").
  const sharedWords = pairUp(qt, ct, sameWord);
  const words = sharedWords / (qt.length + ct.length - sharedWords);
  // Sound: words whose Double Metaphone codes meet, counted both ways like words, so the score is symmetric.
  const qs = q.sounds;
  const cs = c.sounds;
  const sharedSounds = pairUp(qs, cs, (a, b) => a.some((code) => b.includes(code)));
  const phonetic = qs.length && cs.length ? sharedSounds / (qs.length + cs.length - sharedSounds) : 0;
  const score = WEIGHTS.trigram * trigram + WEIGHTS.words * words + WEIGHTS.phonetic * phonetic;
  return {
    score,
    matchedName: candidate,
    queryName: query,
    explanation: [
      `spelling: trigram similarity of "${q.key}" and "${c.key}" ${pct(trigram)} × ${WEIGHTS.trigram}`,
      `words: ${sharedWords} of ${qt.length + ct.length - sharedWords} distinctive words shared (${pct(words)}) × ${WEIGHTS.words}`,
      `sound: ${sharedSounds} of ${qs.length + cs.length - sharedSounds} words sound alike by Double Metaphone (${pct(phonetic)}) × ${WEIGHTS.phonetic}`,
    ],
  };
}

/** How many one-to-one pairs of alike items the two lists have: exact-first greedy pairing. */
function pairUp<T>(left: readonly T[], right: readonly T[], alike: (a: T, b: T) => boolean): number {
  const free = right.map(() => true);
  let pairs = 0;
  const unpaired: T[] = [];
  for (const a of left) {
    const i = right.findIndex((b, j) => free[j] && b === a);
    if (i >= 0) {
      free[i] = false;
      pairs++;
    } else unpaired.push(a);
  }
  for (const a of unpaired) {
    const i = right.findIndex((b, j) => free[j] && alike(a, b));
    if (i >= 0) {
      free[i] = false;
      pairs++;
    }
  }
  return pairs;
}

/** Scores one candidate entity against one screened input: best name, then the hints. */
export function scoreCandidate(input: MatchInput, entity: LegalEntity): EntityMatch {
  const queries = [input.name, ...(input.aliases ?? [])].filter((n) => featuresOf(n).words.length > 0);
  let best: NameScore | undefined;
  for (const q of queries) {
    for (const candidate of [entity.name, ...entity.aliases]) {
      const s = compareNames(q, candidate);
      if (!best || s.score > best.score) best = s;
    }
  }
  const result = best ?? { score: 0, matchedName: entity.name, queryName: input.name, explanation: ['no name to compare'] };
  let score = result.score;
  const explanation = [...result.explanation];
  const country = entity.country?.code;
  if (input.country && country) {
    const delta = input.country === country ? HINTS.countryMatch : HINTS.countryMismatch;
    score += delta;
    explanation.push(`country ${input.country} ${input.country === country ? 'matches' : `differs from ${country}`} (${delta > 0 ? '+' : ''}${delta})`);
  }
  if (input.kind) {
    const delta = input.kind === entity.kind ? HINTS.kindMatch : HINTS.kindMismatch;
    score += delta;
    explanation.push(`kind ${input.kind} ${input.kind === entity.kind ? 'matches' : `differs from ${entity.kind}`} (${delta > 0 ? '+' : ''}${delta})`);
  }
  if (input.address) {
    const words = new Set(normalizeText(input.address).split(' ').filter((w) => w.length > 2));
    const listed = entity.addresses.flatMap((a) => normalizeText(a.full).split(' '));
    const common = listed.filter((w) => words.has(w));
    if (common.length) {
      score += HINTS.address;
      explanation.push(`address shares "${[...new Set(common)].join(' ')}" (+${HINTS.address})`);
    }
  }
  return Object.assign(new EntityMatch(), {
    entity,
    score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000,
    matchedName: result.matchedName,
    explanation,
  });
}

/**
 * The closest entities to each name through the search vocabulary (candidates.ts): per name, the
 * PRESELECTED best by the rarity of the words they share, then the CANDIDATES best of those by
 * pg_trgm word similarity of the key or compact key, at least the session threshold (0.3).
 */
export function fuzzyCandidates(knex: Knex, names: readonly { input: number; name: string; key: string; compact: string }[]) {
  const preselected = candidatesFrom(
    knex,
    names.map((n, idx) => ({ idx, query: candidateQuery(n.name, { allWords: false, prefix: false }) })),
    PRESELECTED,
  );
  const scored = knex
    .select(
      'e.*',
      'q.input as __input',
      knex.raw(`greatest(word_similarity(q.key, e.search_text), word_similarity(q.compact, e.search_text)) as __similarity`),
    )
    .from(knex.raw('? as c', [preselected]))
    .join(knex.raw('unnest(?::int[], ?::int[], ?::text[], ?::text[]) as q(idx, input, key, compact)', [names.map((_, i) => i), names.map((n) => n.input), names.map((n) => n.key), names.map((n) => n.compact)]), 'q.idx', 'c.idx')
    .join('entity as e', 'e.id', 'c.id')
    .whereNull('e.deleted_at');
  // The threshold is applied to the computed similarity rather than with %>, which would let the
  // planner go back to the trigram index and recheck every entity sharing trigrams with the name.
  const passing = knex
    .select('s.*', knex.raw('row_number() over (partition by s.__input order by s.__similarity desc, s.id) as __rank'))
    .from(scored.as('s'))
    .whereRaw(`s.__similarity >= current_setting('pg_trgm.word_similarity_threshold')::real`);
  return knex.select('*').from(passing.as('r')).where('r.__rank', '<=', CANDIDATES);
}

/**
 * Screens many inputs with at most two statements, whatever their number: one looks up exact
 * names for every input at once, the other fetches the closest entities through the search
 * vocabulary, in a single lateral join, for the inputs without an exact name; scoring runs here.
 */
export async function matchMany(ctx: Context, inputs: readonly MatchInput[], threshold: number, first: number): Promise<EntityMatch[][]> {
  const { knex } = ctx;
  const inputIndex: number[] = [];
  const names: string[] = [];
  const normalized: string[] = [];
  const compact: string[] = [];
  inputs.forEach((input, i) => {
    for (const name of [input.name, ...(input.aliases ?? [])]) {
      const n = normalizeText(name);
      if (!n) continue;
      inputIndex.push(i);
      names.push(name);
      normalized.push(nameKey(name));
      compact.push(compactKey(name));
    }
  });
  const candidates = new Map<number, Map<number, LegalEntity>>();
  const add = (rows: Row[]) => {
    for (const row of rows) {
      const i = Number(row.__input);
      const entity = ctx.loaders.map(LegalEntity, row);
      const forInput = candidates.get(i) ?? new Map<number, LegalEntity>();
      forInput.set(entity.id, entity);
      candidates.set(i, forInput);
    }
  };
  if (inputIndex.length) {
    // Exact names first, through the name_key index: an input whose name is an entity's name
    // (case, accents, word order and legal forms aside) is answered by those entities, and
    // skips the fuzzy search.
    add(
      (await knex
        .select('e.*', 'q.idx as __input')
        .from(knex.raw('unnest(?::int[], ?::text[]) as q(idx, key)', [inputIndex, normalized]))
        .join('entity as e', 'e.name_key', 'q.key')
        .whereNull('e.deleted_at')) as Row[],
    );
  }
  const fuzzy = inputIndex.map((input, n) => ({ input, n })).filter(({ input }) => !candidates.has(input));
  if (fuzzy.length) add((await fuzzyCandidates(knex, fuzzy.map((f) => ({ input: f.input, name: names[f.n], key: normalized[f.n], compact: compact[f.n] })))) as Row[]);
  return inputs.map((input, i) =>
    [...(candidates.get(i)?.values() ?? [])]
      .map((entity) => scoreCandidate(input, entity))
      .filter((m) => m.score >= threshold)
      .sort((a, b) => b.score - a.score || a.entity.id - b.entity.id)
      .slice(0, first),
  );
}
