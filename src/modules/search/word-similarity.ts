/*
 * pg_trgm's word_similarity(needle, haystack), computed in the process: the greatest trigram
 * similarity between the needle and any run of consecutive trigrams of the haystack. It lets
 * the search score the small reference tables from the rows the reference cache already holds
 * instead of sending a statement that recomputes the trigrams of every row (most of a search's
 * database time at 10k entities). A test compares it with the database's function.
 *
 * Follows calc_word_similarity / iterate_word_similarity of contrib/pg_trgm/trgm_op.c, on the
 * trigrams of trigram.ts; similarities are single-precision, as pg_trgm's float4.
 */

import { trigramSequence, trigrams } from './trigram';

/** Shared over all trigrams, as pg_trgm's CALCSML in single precision. */
const similarity = (shared: number, needleTrigrams: number, extentTrigrams: number) =>
  Math.fround(shared / (needleTrigrams + extentTrigrams - shared));

/**
 * Every trigram of a prepared haystack, numbered. Only haystacks add to it (the reference
 * tables' texts: a few thousand trigrams), never queries, so it cannot grow without bound.
 */
type TrigramIds = Map<string, number>;
const referenceTrigramIds: TrigramIds = new Map();

/**
 * A query, prepared once per search: which numbered trigrams it holds (1 at their number: an
 * array lookup per haystack trigram, not a hash lookup), and how many distinct trigrams it has
 * in all. Prepare the haystacks first: trigrams numbered later count as not held.
 */
export interface Needle {
  holds: Uint8Array;
  unique: number;
}

export function prepareNeedle(text: string, ids: TrigramIds = referenceTrigramIds): Needle {
  const distinct = trigrams(text);
  const holds = new Uint8Array(ids.size);
  for (const trigram of distinct) {
    const id = ids.get(trigram);
    if (id !== undefined) holds[id] = 1;
  }
  return { holds, unique: distinct.size };
}

/** A text, prepared once per cached row: its trigram sequence as numbers. */
export function prepareHaystack(text: string, ids: TrigramIds = referenceTrigramIds): Int32Array {
  return Int32Array.from(trigramSequence(text), (trigram) => {
    let id = ids.get(trigram);
    if (id === undefined) ids.set(trigram, (id = ids.size));
    return id;
  });
}

/** word_similarity of a prepared needle against a prepared haystack (iterate_word_similarity, plain). */
export function preparedWordSimilarity(needle: Needle, hay: Int32Array): number {
  const { holds } = needle;
  const found = (id: number) => holds[id] === 1;
  if (!needle.unique || !hay.some(found)) return 0;
  const lastPosition = new Map<number, number>();
  const last = (id: number) => lastPosition.get(id) ?? -1;
  let extentUnique = 0;
  let shared = 0;
  let lower = -1;
  let best = 0;
  for (let i = 0; i < hay.length; i++) {
    const t = hay[i];
    if (lower >= 0 || found(t)) {
      if (last(t) < 0) {
        extentUnique++;
        if (found(t)) shared++;
      }
      lastPosition.set(t, i);
    }
    if (!found(t)) continue;
    const upper = i;
    if (lower === -1) {
      lower = i;
      extentUnique = 1;
    }
    let current = similarity(shared, needle.unique, extentUnique);
    // Try later starts of the extent for a greater similarity.
    let tryShared = shared;
    let tryUnique = extentUnique;
    const previousLower = lower;
    for (let tryLower = lower; tryLower <= upper; tryLower++) {
      const candidate = similarity(tryShared, needle.unique, tryUnique);
      if (candidate > current) {
        current = candidate;
        extentUnique = tryUnique;
        lower = tryLower;
        shared = tryShared;
      }
      const dropped = hay[tryLower];
      if (last(dropped) === tryLower) {
        tryUnique--;
        if (found(dropped)) tryShared--;
      }
    }
    best = Math.max(best, current);
    for (let dropLower = previousLower; dropLower < lower; dropLower++) {
      const dropped = hay[dropLower];
      if (last(dropped) === dropLower) lastPosition.set(dropped, -1);
    }
  }
  return best;
}

/**
 * The most preparedWordSimilarity(needle, haystack) can be, from the haystack's distinct
 * trigrams: the share of the needle's trigrams it holds, since an extent of the haystack holds
 * no more of them and has at least as many trigrams as it shares. In single precision, as the
 * similarity (rounding to it keeps the order), so `bound < x` means `similarity < x`.
 */
export function wordSimilarityBound(needle: Needle, distinctHay: Int32Array): number {
  if (!needle.unique) return 0;
  let held = 0;
  for (const id of distinctHay) held += needle.holds[id] ?? 0;
  return Math.fround(held / needle.unique);
}

/** A prepared haystack's distinct trigrams, for wordSimilarityBound. */
export const distinctTrigrams = (hay: Int32Array): Int32Array => Int32Array.from(new Set(hay));

/** pg_trgm's word_similarity(needle, haystack), for one pair (its own numbering: the reference tables' stays theirs). */
export function wordSimilarity(needle: string, haystack: string): number {
  const ids: TrigramIds = new Map();
  const hay = prepareHaystack(haystack, ids);
  return preparedWordSimilarity(prepareNeedle(needle, ids), hay);
}
