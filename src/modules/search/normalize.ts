import { transliterate } from 'transliteration';
import doubleMetaphone from 'talisman/phonetics/double-metaphone';

/**
 * Words that say what kind of organisation a name belongs to, not which one: screening must
 * see "SENSE TIME GROUP LIMITED" and "SenseTime" as the same name. Kept small and generic so
 * distinctive words are never dropped.
 */
const LEGAL_FORM_WORDS = new Set([
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'bv', 'nv',
  'group', 'holdings', 'holding', 'technology', 'technologies', 'tech', 'science', 'and', 'the', 'of',
  'information', 'intelligent', 'network', 'networks', 'digital', 'systems', 'system', 'development', 'industry', 'industries',
]);

/** ASCII, lower case, punctuation to spaces, one space between words: "Face++" -> "face". */
export function normalizeText(text: string): string {
  return transliterate(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The distinctive words of a name, legal-form words dropped (all kept if nothing else is left). */
export function nameTokens(name: string): string[] {
  const words = normalizeText(name).split(' ').filter(Boolean);
  const distinctive = words.filter((w) => !LEGAL_FORM_WORDS.has(w));
  return distinctive.length ? distinctive : words;
}

/** Order-insensitive key: "Group SenseTime Ltd" and "SenseTime" both give "sensetime". */
export function nameKey(name: string): string {
  return [...nameTokens(name)].sort().join(' ');
}

/** The key without spaces, so "Hik Vision" meets "Hikvision" and "Sense Time" meets "SenseTime". */
export function compactKey(name: string): string {
  return nameTokens(name).join('');
}

/** Double Metaphone codes of the distinctive words, for "sounds like" matching. */
export function phoneticCodes(name: string): string[] {
  const codes = new Set<string>();
  for (const token of nameTokens(name)) {
    if (!/[a-z]/.test(token)) continue;
    const [primary, alternate] = doubleMetaphone(token);
    if (primary) codes.add(primary);
    if (alternate) codes.add(alternate);
  }
  return [...codes];
}

/**
 * The text search indexes for an entity: every name in normalized, compact and transliterated
 * forms, so trigram and full-text search reach names written in other scripts.
 */
export function entitySearchText(name: string, aliases: readonly string[]): string {
  const forms = new Set<string>();
  for (const n of [name, ...aliases]) {
    const normalized = normalizeText(n);
    if (!normalized) continue;
    forms.add(normalized);
    forms.add(compactKey(n));
  }
  return [...forms].join(' | ');
}
