/**
 * Trigram similarity as pg_trgm computes it (each word padded with two spaces before and one
 * after; shared trigrams over all trigrams), so scores computed here for explanations agree
 * with the database's ranking.
 */
export function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

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
