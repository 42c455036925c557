import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';
import { trigramSequence } from '../src/modules/search/trigram';
import { distinctTrigrams, prepareHaystack, prepareNeedle, preparedWordSimilarity, wordSimilarity, wordSimilarityBound } from '../src/modules/search/word-similarity';

// The reference tables are searched with this port of pg_trgm's word_similarity: it must give
// the database's own numbers, or a search's ranking would depend on where it was computed.
let t: TestServer;
let db: Client;
beforeAll(async () => {
  t = await startTestServer();
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await t?.stop();
});

/** Deterministic pseudo-random picks, so a failure reproduces. */
function picker(seed: number) {
  let state = seed;
  return <T>(items: readonly T[]): T => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return items[state % items.length];
  };
}

describe('wordSimilarity', () => {
  it('pads words as pg_trgm does and keeps repeats in order', () => {
    expect(trigramSequence('Ab, ab')).toEqual(['  a', ' ab', 'ab ', '  a', ' ab', 'ab ']);
    expect(trigramSequence('')).toEqual([]);
  });

  it('equals word_similarity() of the database for queries against every seeded name and description', async () => {
    const texts = (
      await db.query<{ text: string }>(`
        select lower(name) as text from country
        union all select lower(coalesce(description, name)) from technology_category
        union all select lower(name) from authority
        union all select lower(coalesce(description, name)) from sanctions_list
        union all select lower(name) from entity`)
    ).rows.map((r) => r.text);
    const words = texts.flatMap((text) => text.split(/[^a-z0-9]+/)).filter((w) => w.length > 1);
    const pick = picker(7);
    const pairs: [string, string][] = [];
    for (let i = 0; i < 600; i++) {
      // Queries of one to four words, half of them taken from the text they are compared with,
      // some with a typo, some with a word found in no text.
      const haystack = pick(texts);
      const own = haystack.split(/[^a-z0-9]+/).filter(Boolean);
      let query = Array.from({ length: 1 + (i % 4) }, () => pick(i % 2 && own.length ? own : words)).join(' ');
      if (i % 3 === 0) query = query.replace(/[aeiou]/, 'x');
      if (i % 11 === 0) query = `${query} zzqx`;
      pairs.push([query, haystack]);
    }
    pairs.push(['entity list', 'us entity list'], ['bureau', 'bureau of industry and security'], ['x', 'x'], ['', 'china'], ['china', '']);
    const { rows } = await db.query<{ s: number }>(
      `select word_similarity(q, h) as s from unnest($1::text[], $2::text[]) with ordinality as p(q, h, n) order by n`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    const mismatches = pairs.filter(([q, h], i) => Math.abs(wordSimilarity(q, h) - Number(rows[i].s)) > 1e-6);
    expect(mismatches).toEqual([]);
    // Not all zero: the comparison covers partial matches.
    expect(rows.filter((r) => Number(r.s) > 0.3 && Number(r.s) < 1).length).toBeGreaterThan(100);
    // The bound search uses to skip reference texts is never below the similarity, and is it
    // when the whole haystack is the best extent (so it is not merely large).
    const ids = new Map<string, number>();
    const bounds = pairs.map(([q, h]) => {
      const hay = prepareHaystack(h, ids);
      const needle = prepareNeedle(q, ids);
      return { q, h, similarity: preparedWordSimilarity(needle, hay), bound: wordSimilarityBound(needle, distinctTrigrams(hay)) };
    });
    expect(bounds.filter((b) => b.bound < b.similarity)).toEqual([]);
    expect(bounds.filter((b) => b.bound === b.similarity && b.similarity > 0 && b.similarity < 1).length).toBeGreaterThan(20);
  });
});
