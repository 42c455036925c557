/**
 * Trigrams as pg_trgm makes them: each word (a run of letters and digits), lower-cased and
 * padded with two spaces before and one after, gives its consecutive three-character pieces.
 * Scores computed here for explanations agree with the database's ranking, and
 * word-similarity.ts builds pg_trgm's word_similarity on the same pieces.
 */
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Calls `visit` with the trigrams of every word of `text`, in order, repeats included. */
function eachTrigram(text: string, visit: (trigram: string) => void): void {
  for (const word of text.toLowerCase().split(NOT_WORD)) {
    if (!word) continue;
    const padded = `  ${word} `;
    if (SURROGATE.test(padded)) {
      // Characters outside the BMP take two UTF-16 units: cut by code points then (rare).
      const chars = Array.from(padded);
      for (let i = 0; i + 3 <= chars.length; i++) visit(chars[i] + chars[i + 1] + chars[i + 2]);
    } else {
      for (let i = 0; i + 3 <= padded.length; i++) visit(padded.slice(i, i + 3));
    }
  }
}

/** The trigrams of every word of `text`, in order, repeats kept (pg_trgm's generate_trgm_only). */
export function trigramSequence(text: string): string[] {
  const sequence: string[] = [];
  eachTrigram(text, (trigram) => sequence.push(trigram));
  return sequence;
}

/** The distinct trigrams of `text` (pg_trgm's show_trgm). */
export function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  eachTrigram(text, (trigram) => set.add(trigram));
  return set;
}

/** Trigram similarity: shared trigrams over all trigrams (pg_trgm's similarity). */
export function trigramSimilarity(a: string, b: string): number {
  return trigramSetSimilarity(trigrams(a), trigrams(b));
}

/** trigramSimilarity of two texts whose trigram sets are already known. */
export function trigramSetSimilarity(ta: ReadonlySet<string>, tb: ReadonlySet<string>): number {
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}
