import { ISO_COUNTRIES } from '../../src/modules/country/iso-countries';

/*
 * Where synthetic entities are based, and who signs joint letters. Shares follow real sanctions
 * data: China and Russia dominate, then Iran, Hong Kong, North Korea, Syria, Belarus...
 */

/** Share (percent) of entities per country; the rest of the world shares OTHER_WEIGHT. */
const ENTITY_COUNTRY_WEIGHTS: Record<string, number> = {
  CN: 33, RU: 14, IR: 8, HK: 4.5, KP: 3, SY: 3, AE: 3, BY: 2.5, VE: 2, MM: 2, TR: 1.5, PK: 1.5, CU: 1, LB: 1, IQ: 1.2,
  YE: 0.5, AF: 0.5, NI: 0.4, SG: 1.2, MY: 0.8, TH: 0.5, IN: 0.8, US: 1, GB: 0.8, DE: 0.6, KZ: 0.5, KG: 0.3, TW: 0.4, MO: 0.2,
  SD: 0.3, LY: 0.3, ZW: 0.2, ER: 0.1, UZ: 0.2, AM: 0.2, GE: 0.2, RS: 0.2, NL: 0.2, CH: 0.2, IT: 0.2, FR: 0.2, JP: 0.2, KR: 0.2,
};
/** Spread evenly over every other ISO country. */
const OTHER_WEIGHT = 4;
/** Entities with no country at all. */
export const NO_COUNTRY_WEIGHT = 1.5;

/** Countries with their own pool of targets (actions focus on one of them); the rest is one pool. */
export const FOCUS_COUNTRIES = ['CN', 'RU', 'IR', 'HK', 'KP', 'SY', 'BY', 'VE', 'MM', 'AE', 'TR', 'PK'] as const;
export const OTHER_GROUP = FOCUS_COUNTRIES.length;
export const GROUP_COUNT = FOCUS_COUNTRIES.length + 1;

export interface CountryTable {
  /** Every ISO code, index = country index used in typed arrays; NO_COUNTRY (= length) for none. */
  codes: string[];
  names: string[];
  weights: number[];
  /** Country index -> group (focus country index, or OTHER_GROUP). */
  groupOf: Uint8Array;
}

/** The ISO countries (only those in `known`, when given: the database's country table). */
export function countryTable(known?: ReadonlySet<string>): CountryTable {
  const codes = ISO_COUNTRIES.map((c) => c.code)
    .filter((c) => !known || known.has(c))
    .sort();
  const byCode = new Map(ISO_COUNTRIES.map((c) => [c.code, c.name]));
  const rest = codes.filter((c) => !(c in ENTITY_COUNTRY_WEIGHTS));
  const weights = codes.map((c) => ENTITY_COUNTRY_WEIGHTS[c] ?? OTHER_WEIGHT / Math.max(1, rest.length));
  if (!codes.length) throw new Error('countries: the country table is empty (were the seeds loaded?)');
  const groupOf = new Uint8Array(codes.length + 1);
  codes.forEach((code, i) => {
    const focus = (FOCUS_COUNTRIES as readonly string[]).indexOf(code);
    groupOf[i] = focus >= 0 ? focus : OTHER_GROUP;
  });
  groupOf[codes.length] = OTHER_GROUP;
  return { codes, names: codes.map((c) => byCode.get(c) ?? c), weights, groupOf };
}

/** Who signs letters criticising a country's human-rights record. */
export const CRITIC_SIGNATORIES =
  'AU|AT|BE|CA|DK|EE|FI|FR|DE|IS|IE|JP|LV|LT|LU|NL|NZ|NO|ES|SE|CH|GB|US|CZ|SK|SI|HR|PL|PT|IT|MT|CY|GR|BG|RO|LI|MC|AL|MK|ME|MD|UA|GE|IL|MH|PW|GT|HT|SZ|TR|KR|AD|SM|BA|RS'.split('|');
/** Who signs the counter-letters in support. */
export const SUPPORTER_SIGNATORIES =
  'DZ|AO|BH|BD|BY|BO|BF|BI|KH|CM|CF|KM|CG|CU|KP|CD|DJ|EG|ER|GA|GN|GW|IR|IQ|KW|LA|LB|LY|MG|ML|MR|MZ|MM|NP|NI|NG|OM|PK|PS|PH|QA|RU|SA|SO|SS|LK|SD|SY|TJ|TG|AE|UG|VE|ZM|ZW|VN|LK|YE|TZ|SR|NE|SL|TD|GQ|ET'.split('|');
