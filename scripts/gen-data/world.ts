import { CountryTable, GROUP_COUNT, NO_COUNTRY_WEIGHT } from './countries';
import type { KindCode } from './names';
import { Random, WeightedPicker } from './random';

/*
 * The population of synthetic entities, decided before any row is written: each entity's kind
 * and country, in typed arrays (a few bytes per entity). Entities are grouped into pools (focus
 * country x person/organisation) from which actions draw their targets, in id order, so the
 * oldest ids are the first named and, by preferential attachment, the most named.
 */

export const KINDS: readonly KindCode[] = ['COMPANY', 'GOVERNMENT_AGENCY', 'PERSON', 'EDUCATIONAL_INSTITUTION', 'RESEARCH_INSTITUTE', 'MILITARY', 'NGO', 'OTHER'];
export const PERSON = KINDS.indexOf('PERSON');

/** Organisation kinds (everything but PERSON), by share. */
const ORG_KIND_WEIGHTS: readonly (readonly [KindCode, number])[] = [
  ['COMPANY', 74],
  ['GOVERNMENT_AGENCY', 9],
  ['RESEARCH_INSTITUTE', 5],
  ['EDUCATIONAL_INSTITUTION', 3.5],
  ['MILITARY', 3],
  ['NGO', 1.5],
  ['OTHER', 4],
];

/** Share of people among a focus group's entities (FOCUS_COUNTRIES order, then the rest). */
const PERSON_SHARE = [0.1, 0.22, 0.22, 0.06, 0.2, 0.35, 0.3, 0.35, 0.3, 0.1, 0.12, 0.12, 0.18];

export interface World {
  n: number;
  countries: CountryTable;
  /** Index into KINDS. */
  kind: Uint8Array;
  /** Index into countries.codes; countries.codes.length for "no country". */
  country: Uint16Array;
  /** Pool of each entity: group * 2 + (person ? 1 : 0). */
  pool: Uint8Array;
  /** Entity indexes of each pool, ascending. */
  poolMembers: Int32Array[];
  /** Position of each entity within its pool. */
  poolPosition: Int32Array;
  poolCount: number;
}

export const poolOf = (group: number, person: boolean) => group * 2 + (person ? 1 : 0);
export const poolGroup = (pool: number) => pool >> 1;
export const poolIsPerson = (pool: number) => (pool & 1) === 1;

export function planWorld(n: number, countries: CountryTable, random: Random): World {
  const countryPicker = new WeightedPicker(
    countries.codes.map((_, i) => i).concat(countries.codes.length),
    countries.weights.concat(NO_COUNTRY_WEIGHT),
  );
  const orgKinds = WeightedPicker.of(ORG_KIND_WEIGHTS.map(([k, w]) => [KINDS.indexOf(k), w] as const));
  const kind = new Uint8Array(n);
  const country = new Uint16Array(n);
  const pool = new Uint8Array(n);
  const poolCount = GROUP_COUNT * 2;
  const sizes = new Int32Array(poolCount);
  for (let i = 0; i < n; i++) {
    const c = countryPicker.pick(random);
    const group = countries.groupOf[c];
    const person = random.chance(PERSON_SHARE[group]);
    country[i] = c;
    kind[i] = person ? PERSON : orgKinds.pick(random);
    pool[i] = poolOf(group, person);
    sizes[pool[i]]++;
  }
  const poolMembers = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(poolCount);
  const poolPosition = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = pool[i];
    poolPosition[i] = filled[p];
    poolMembers[p][filled[p]++] = i;
  }
  return { n, countries, kind, country, pool, poolMembers, poolPosition, poolCount };
}

/** Entities per group, as weights for choosing an action's focus. */
export function groupWeights(world: World): number[] {
  const weights = new Array<number>(GROUP_COUNT).fill(0);
  world.poolMembers.forEach((members, p) => (weights[poolGroup(p)] += members.length));
  return weights.map((w) => Math.max(w, 0.5));
}
