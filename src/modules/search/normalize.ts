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
]);

/** Legal-form words long enough that a one-letter slip in them is still recognisable ("Tecnology", "Limted"). */
const LONG_LEGAL_FORM_WORDS = [...LEGAL_FORM_WORDS].filter((w) => w.length >= 6);

/** Shortest word that may differ by one edit and still count as the same word. */
export const FUZZY_WORD_MIN_LENGTH = 5;

/**
 * At most one insertion, deletion, substitution or swap of adjacent letters apart
 * (optimal string alignment distance <= 1): "hikvisoin"/"hikvision", "megvi"/"megvii".
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // one swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // one insertion or deletion
}

/**
 * The same word, allowing one slip that keeps the sound: alphabetic words of
 * FUZZY_WORD_MIN_LENGTH letters or more, one edit apart, with a Double Metaphone code in common.
 * "hikvisoin" is "hikvision" and "dahau" is "dahua", but "intek" is not "intel" and numbers never fuzz.
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < FUZZY_WORD_MIN_LENGTH || !/^[a-z]+$/.test(a) || !/^[a-z]+$/.test(b)) return false;
  if (!withinOneEdit(a, b)) return false;
  const codes = wordCodes(b);
  return wordCodes(a).some((c) => codes.includes(c));
}

/** A legal-form word, or a slip in a long one ("tecnology", "limted"). */
function isLegalFormWord(word: string): boolean {
  return LEGAL_FORM_WORDS.has(word) || (word.length >= 6 && LONG_LEGAL_FORM_WORDS.some((w) => sameWord(w, word)));
}

const MEMO_SIZE = 20_000;
const MEMO_MAX_LENGTH = 200;

/**
 * Recent texts' normal forms (and compact keys, below). Search and screening normalize every
 * name of every candidate they score, the same names request after request, and transliteration
 * is the costly part (a third of a search's own CPU at 10k entities). Bounded: emptied when
 * full; only short texts (names, not summaries) are kept.
 */
class RecentTexts {
  private readonly values = new Map<string, string>();

  constructor(private readonly compute: (text: string) => string) {}

  get(text: string): string {
    let value = this.values.get(text);
    if (value === undefined) {
      value = this.compute(text);
      if (text.length <= MEMO_MAX_LENGTH) {
        if (this.values.size >= MEMO_SIZE) this.values.clear();
        this.values.set(text, value);
      }
    }
    return value;
  }
}
const normalForms = new RecentTexts((text) =>
  transliterate(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim(),
);

/** ASCII, lower case, punctuation to spaces, one space between words: "Face++" -> "face". */
export function normalizeText(text: string): string {
  return normalForms.get(text);
}

/** The distinctive words of a name, legal-form words dropped (all kept if nothing else is left). */
export function nameTokens(name: string): string[] {
  const words = normalizeText(name).split(' ').filter(Boolean);
  const distinctive = words.filter((w) => !isLegalFormWord(w));
  return distinctive.length ? distinctive : words;
}

/** Order-insensitive key: "Group SenseTime Ltd" and "SenseTime" both give "sensetime". */
export function nameKey(name: string): string {
  return [...nameTokens(name)].sort().join(' ');
}

const compactKeys = new RecentTexts((name) => nameTokens(name).join(''));

/** The key without spaces, so "Hik Vision" meets "Hikvision" and "Sense Time" meets "SenseTime". */
export function compactKey(name: string): string {
  return compactKeys.get(name);
}

/** Double Metaphone codes (primary and alternate) of one word; none for words without letters. */
export function wordCodes(token: string): string[] {
  if (!/[a-z]/.test(token)) return [];
  const [primary, alternate] = doubleMetaphone(token);
  return [...new Set([primary, alternate].filter(Boolean))];
}

/** Double Metaphone codes of the distinctive words, for "sounds like" matching. */
export function phoneticCodes(name: string): string[] {
  return [...new Set(nameTokens(name).flatMap(wordCodes))];
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
