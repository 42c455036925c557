// talisman ships no type declarations for its phonetic algorithms.
declare module 'talisman/phonetics/double-metaphone' {
  /** Primary and alternate Double Metaphone codes of one word. */
  export default function doubleMetaphone(word: string): [string, string];
}
