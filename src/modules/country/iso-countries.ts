import type { Country as WorldCountry } from 'world-countries';

// The package's ES entry imports its JSON without an import attribute, which Node refuses
// under vitest; requiring the JSON file itself works everywhere.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const countries = require('world-countries/countries.json') as WorldCountry[];

/** One ISO 3166-1 country, as the database keeps it. */
export interface IsoCountry {
  code: string;
  name: string;
  officialName: string;
  alpha3: string;
  region: string | null;
  subregion: string | null;
}

/**
 * The ISO 3166-1 list from the maintained `world-countries` package (not a hand-typed list),
 * so a new or renamed country arrives with a package update.
 */
export const ISO_COUNTRIES: readonly IsoCountry[] = countries
  .map((c) => ({
    code: c.cca2,
    name: c.name.common,
    officialName: c.name.official,
    alpha3: c.cca3,
    region: c.region || null,
    subregion: c.subregion || null,
  }))
  .sort((a, b) => a.code.localeCompare(b.code));

const CODES = new Set(ISO_COUNTRIES.map((c) => c.code));

export function isKnownCountryCode(code: string): boolean {
  return CODES.has(code);
}
