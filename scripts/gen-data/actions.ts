import type { CopyWriter } from './copy';
import { arrayLiteral } from './copy';
import { CRITIC_SIGNATORIES, FOCUS_COUNTRIES, GROUP_COUNT, OTHER_GROUP, SUPPORTER_SIGNATORIES } from './countries';
import { Random, WeightedPicker } from './random';
import { actionSummary, actionTitle, citationFor, countryLabel, ENTITY_LIST_LICENSE, listingGrounds, NEWS_PUBLISHERS, NGO_PUBLISHERS, pickTopic, primarySource } from './texts';
import { groupWeights, poolOf, World } from './world';

/*
 * Government actions over twenty years and everything they name. Actions are generated in date
 * order; each draws its targets from the entity pools by preferential attachment (a new entity,
 * or one picked in proportion to how often it was already named), which gives the power law of
 * real data: most entities in one to three actions, a few in hundreds. List state is tracked per
 * list, so a DELISTING only ever removes an entity listed earlier on the same list, and some
 * removed entities are listed again later.
 */

export const SYNTHETIC_NOTE = 'synthetic (npm run gen:data)';

export interface AuthorityRef {
  id: number;
  slug: string;
  name: string;
  country: string | null;
}
export interface ListRef {
  id: number;
  slug: string;
  name: string;
  authority: string;
}

export interface ActionWriters {
  action: CopyWriter;
  participation: CopyWriter;
  source: CopyWriter;
  actionSource: CopyWriter;
}

export interface ActionInput {
  world: World;
  entityIdBase: number;
  actionIdBase: number;
  participationIdBase: number;
  sourceIdBase: number;
  authorities: Map<string, AuthorityRef>;
  lists: ListRef[];
  /** Country codes present in the country table. */
  knownCountries: Set<string>;
  random: Random;
}

export interface ActionOutcome {
  actions: number;
  participations: number;
  sources: number;
  /** Source id each action cites first (entities it names may cite it too). */
  primarySource: Int32Array;
  /** Day number of each action. */
  day: Int32Array;
  /** Per entity: index of the first and last action naming it (-1 for none), and how many do. */
  firstAction: Int32Array;
  lastAction: Int32Array;
  degree: Int32Array;
}

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

const KINDS = ['LISTING', 'DELISTING', 'LISTING_AMENDMENT', 'VISA_RESTRICTION', 'TRADE_RESTRICTION', 'JOINT_LETTER', 'RESOLUTION', 'STATEMENT', 'LEGISLATION', 'EXECUTIVE_ORDER', 'REPORT', 'OTHER'] as const;
type Kind = (typeof KINDS)[number];
const K = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<Kind, number>;
const KIND_WEIGHTS: Record<Kind, number> = {
  LISTING: 38, DELISTING: 6, LISTING_AMENDMENT: 7, VISA_RESTRICTION: 7, TRADE_RESTRICTION: 7, JOINT_LETTER: 3,
  RESOLUTION: 4, STATEMENT: 11, LEGISLATION: 3, EXECUTIVE_ORDER: 3, REPORT: 8, OTHER: 3,
};
const LIST_KINDS = new Set<number>([K.LISTING, K.DELISTING, K.LISTING_AMENDMENT]);

interface ListShape {
  weight: number;
  /** First day (YYYY-MM-DD) the list can be acted on. */
  start: string;
  mu: number;
  sigma: number;
  max: number;
  /** Share of people among the targets. */
  people: number;
  /** Forced focus country (CMIC and the Canadian China regulations are about China). */
  focus?: string;
}
const LIST_SHAPES: Record<string, ListShape> = {
  'us-entity-list': { weight: 40, start: '2006-01-01', mu: 2.3, sigma: 1.0, max: 300, people: 0.03 },
  'us-sdn-list': { weight: 32, start: '2006-01-01', mu: 1.8, sigma: 1.1, max: 200, people: 0.4 },
  'us-ns-cmic-list': { weight: 5, start: '2020-11-12', mu: 1.5, sigma: 0.9, max: 60, people: 0, focus: 'CN' },
  'us-fcc-covered-list': { weight: 3, start: '2021-03-12', mu: 0.7, sigma: 0.6, max: 8, people: 0, focus: 'CN' },
  'eu-global-human-rights-sanctions': { weight: 8, start: '2020-12-07', mu: 1.5, sigma: 0.8, max: 40, people: 0.75 },
  'uk-global-human-rights-sanctions': { weight: 7, start: '2020-07-06', mu: 1.5, sigma: 0.8, max: 40, people: 0.75 },
  'ca-sema-china': { weight: 5, start: '2021-03-22', mu: 1.2, sigma: 0.7, max: 20, people: 0.7, focus: 'CN' },
};
const DEFAULT_LIST_SHAPE: ListShape = { weight: 3, start: '2006-01-01', mu: 1.5, sigma: 0.9, max: 60, people: 0.3 };

/** Entity draws of the other kinds: [chance of none, mu, sigma, max, share of people]. */
const OTHER_SHAPES: Partial<Record<Kind, [number, number, number, number, number]>> = {
  VISA_RESTRICTION: [0.3, 1.2, 0.8, 40, 1],
  TRADE_RESTRICTION: [0.2, 1.5, 1.0, 80, 0],
  RESOLUTION: [0.5, 1.0, 0.7, 15, 0.3],
  STATEMENT: [0.4, 1.0, 0.8, 20, 0.3],
  LEGISLATION: [0.4, 2.0, 1.0, 60, 0.05],
  EXECUTIVE_ORDER: [0.3, 2.8, 1.0, 300, 0.2],
  REPORT: [0.3, 2.5, 1.0, 300, 0.2],
  OTHER: [0.5, 1.0, 0.8, 20, 0.2],
};
/**
 * Actions other than listings mostly name entities already named (the usual suspects): they
 * take a new entity this many times less often than a listing does. This is what gives the
 * degree distribution its long tail, since a listing cannot name an entity already on its list.
 */
const OTHER_NEW_RATE = 0.1;
/** Fitness ~ Pareto(alpha), capped: most entities 1, a few dozens. */
const FITNESS_ALPHA = 1.5;
const FITNESS_MAX = 100;

/** Issuing authorities of the kinds not tied to a list. */
const AUTHORITY_WEIGHTS: Partial<Record<Kind, Record<string, number>>> = {
  VISA_RESTRICTION: { 'us-state': 70, 'uk-fcdo': 10, 'ca-gac': 10, 'eu-council': 10 },
  TRADE_RESTRICTION: { 'us-bis': 35, 'us-doc': 20, 'us-treasury': 10, 'us-congress': 5, 'eu-council': 15, 'uk-fcdo': 8, 'ca-gac': 7 },
  JOINT_LETTER: { 'un-hrc': 85, 'eu-council': 5, 'us-state': 10 },
  RESOLUTION: { 'un-hrc': 45, 'us-congress': 35, 'eu-council': 20 },
  STATEMENT: { 'us-state': 35, 'us-doc': 8, 'us-treasury': 7, 'uk-fcdo': 15, 'ca-gac': 10, 'eu-council': 15, 'un-hrc': 10 },
  LEGISLATION: { 'us-congress': 80, 'eu-council': 10, 'uk-fcdo': 5, 'ca-gac': 5 },
  EXECUTIVE_ORDER: { 'us-treasury': 40, 'us-doc': 30, 'us-state': 30 },
  REPORT: { 'us-state': 40, 'us-congress': 20, 'us-doc': 10, 'un-hrc': 20, 'uk-fcdo': 10 },
};

/**
 * Participations per entity aimed at (country ones included); a little over 3 because some
 * planned draws find nobody suitable (saturated lists), so about 3 come out.
 */
const PARTICIPATIONS_PER_ENTITY = 3.2;
/** Share of each pool never named by any action (known only through relations and sources). */
const UNNAMED_SHARE = 0.05;
/** Share of a draw that goes to the action's focus country; the rest goes anywhere. */
const FOCUS_SHARE = 0.85;

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const FIRST_DAY = dayOf('2006-01-01');
export const LAST_DAY = dayOf('2026-06-30');

const dateCache = new Map<number, string>();
/** Day number (days since 1970-01-01) -> "YYYY-MM-DD", cached: there are only a few thousand. */
export function isoDay(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) dateCache.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return s;
}

/** A growable list of int32. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Int32Array(Math.max(4, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** Removes position i by moving the last element there. */
  swapRemove(i: number): void {
    this.data[i] = this.data[--this.length];
  }
}

// ---------------------------------------------------------------------------------------------
// Plan: kinds, lists, authorities, focus and sizes, before any row is written
// ---------------------------------------------------------------------------------------------

interface Plan {
  count: number;
  day: Int32Array;
  kind: Uint8Array;
  /** Index into lists, -1 for none. */
  list: Int8Array;
  authority: string[];
  focus: Uint8Array;
  size: Int32Array;
  people: Float32Array;
  signatories: Uint8Array;
  critical: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
}

function planActions(input: ActionInput, count: number, r: Random): { plan: Plan; listingDemand: Float64Array; otherDemand: Float64Array } {
  const { world, lists } = input;
  const day = new Int32Array(count);
  // Actions grow over time (about six times as many in 2025 as in 2006): inverse CDF of exp(g t).
  const span = LAST_DAY - FIRST_DAY;
  const g = Math.log(6) / span;
  const total = Math.exp(g * span) - 1;
  for (let i = 0; i < count; i++) day[i] = FIRST_DAY + Math.min(span, Math.floor(Math.log(1 + r.next() * total) / g));
  day.sort();

  const kinds = new WeightedPicker(
    KINDS.map((_, i) => i),
    KINDS.map((k) => KIND_WEIGHTS[k]),
  );
  const shapes = lists.map((l) => LIST_SHAPES[l.slug] ?? DEFAULT_LIST_SHAPE);
  const listStart = shapes.map((s) => dayOf(s.start));
  const groupPicker = new WeightedPicker(
    Array.from({ length: GROUP_COUNT }, (_, i) => i),
    groupWeights(world),
  );
  const letterGroups = new WeightedPicker([0, 1, 2, 4, 5, 6, 7, 8], [40, 15, 12, 8, 10, 5, 5, 5]);
  const authorityPickers = new Map<Kind, WeightedPicker<string>>();
  for (const [kind, weights] of Object.entries(AUTHORITY_WEIGHTS) as [Kind, Record<string, number>][]) {
    const present = Object.entries(weights).filter(([slug]) => input.authorities.has(slug));
    if (present.length) authorityPickers.set(kind, WeightedPicker.of(present));
  }
  const anyAuthority = [...input.authorities.keys()];

  const plan: Plan = {
    count,
    day,
    kind: new Uint8Array(count),
    list: new Int8Array(count).fill(-1),
    authority: new Array<string>(count),
    focus: new Uint8Array(count),
    size: new Int32Array(count),
    people: new Float32Array(count),
    signatories: new Uint8Array(count),
    critical: new Uint8Array(count),
    issuer: new Uint8Array(count),
    subject: new Uint8Array(count),
  };
  let countryParticipations = 0;
  let listingDraws = 0;
  let otherDraws = 0;
  const activeLists: number[] = [];
  const activeWeights: number[] = [];
  for (let i = 0; i < count; i++) {
    let kind = kinds.pick(r);
    let list = -1;
    if (LIST_KINDS.has(kind)) {
      activeLists.length = 0;
      activeWeights.length = 0;
      shapes.forEach((s, li) => {
        if (listStart[li] <= day[i]) {
          activeLists.push(li);
          activeWeights.push(s.weight);
        }
      });
      if (activeLists.length) list = activeLists[new WeightedPicker(activeLists, activeWeights).index(r)];
      else kind = K.STATEMENT;
    }
    const kindName = KINDS[kind];
    plan.kind[i] = kind;
    plan.list[i] = list;
    const authority = list >= 0 ? lists[list].authority : (authorityPickers.get(kindName)?.pick(r) ?? r.pick(anyAuthority));
    plan.authority[i] = authority;
    const forced = list >= 0 ? shapes[list].focus : undefined;
    const focus = forced ? (FOCUS_COUNTRIES as readonly string[]).indexOf(forced) : kind === K.JOINT_LETTER ? letterGroups.pick(r) : groupPicker.pick(r);
    plan.focus[i] = focus;

    let size = 0;
    let people = 0;
    if (list >= 0) {
      const s = shapes[list];
      people = s.people;
      if (kind === K.LISTING) size = r.logNormalInt(s.mu, s.sigma, 1, s.max);
      else if (kind === K.DELISTING) size = r.logNormalInt(0.8, 0.8, 1, 40);
      else size = r.logNormalInt(1.2, 0.9, 1, 60);
    } else {
      const shape = OTHER_SHAPES[kindName];
      if (shape && !r.chance(shape[0])) size = r.logNormalInt(shape[1], shape[2], 1, shape[3]);
      people = shape?.[4] ?? 0;
    }
    plan.size[i] = size;
    plan.people[i] = people;
    if (kind === K.LISTING) listingDraws += size;
    else otherDraws += size;

    const country = input.authorities.get(authority)?.country ?? null;
    plan.issuer[i] = country && kind !== K.JOINT_LETTER && r.chance(0.9) ? 1 : 0;
    plan.subject[i] = kind === K.JOINT_LETTER || kind === K.RESOLUTION || r.chance(0.85) ? 1 : 0;
    if (kind === K.JOINT_LETTER) {
      plan.critical[i] = r.chance(0.75) ? 1 : 0;
      plan.signatories[i] = r.int(20, 60);
    } else if (kind === K.RESOLUTION && authority === 'un-hrc' && r.chance(0.5)) {
      plan.critical[i] = 1;
      plan.signatories[i] = r.int(3, 25);
    }
    countryParticipations += plan.issuer[i] + plan.subject[i] + plan.signatories[i];
  }

  // Scale LISTING sizes so that participations come to about 3 per entity.
  const wanted = PARTICIPATIONS_PER_ENTITY * world.n - countryParticipations - otherDraws;
  const factor = listingDraws > 0 ? Math.max(0.2, Math.min(8, wanted / listingDraws)) : 1;
  const listingDemand = new Float64Array(world.poolCount);
  const otherDemand = new Float64Array(world.poolCount);
  const groupShare = groupWeights(world);
  const groupTotal = groupShare.reduce((a, b) => a + b, 0);
  for (let i = 0; i < count; i++) {
    if (plan.kind[i] === K.LISTING) {
      const max = shapes[plan.list[i]].max * 2;
      const scaled = plan.size[i] * factor;
      plan.size[i] = Math.max(1, Math.min(max, Math.floor(scaled) + (r.chance(scaled % 1) ? 1 : 0)));
    }
    if (plan.kind[i] === K.DELISTING || plan.kind[i] === K.LISTING_AMENDMENT) continue; // drawn from the lists, not the pools
    const size = plan.size[i];
    if (!size) continue;
    const demand = plan.kind[i] === K.LISTING ? listingDemand : otherDemand;
    for (let gIdx = 0; gIdx < GROUP_COUNT; gIdx++) {
      const share = (gIdx === plan.focus[i] ? FOCUS_SHARE : 0) + (1 - FOCUS_SHARE) * (groupShare[gIdx] / groupTotal);
      demand[poolOf(gIdx, true)] += size * share * plan.people[i];
      demand[poolOf(gIdx, false)] += size * share * (1 - plan.people[i]);
    }
  }
  return { plan, listingDemand, otherDemand };
}

// ---------------------------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------------------------

export async function generateActions(input: ActionInput, writers: ActionWriters): Promise<ActionOutcome> {
  const { world, lists, random: r } = input;
  const n = world.n;
  const count = Math.max(1, Math.round(n / 5));
  const { plan, listingDemand, otherDemand } = planActions(input, count, r);
  const codes = world.countries.codes;
  const countryNames = new Map(codes.map((c, i) => [c, world.countries.names[i]]));
  const groupPicker = new WeightedPicker(
    Array.from({ length: GROUP_COUNT }, (_, i) => i),
    groupWeights(world),
  );
  const critics = [...new Set(CRITIC_SIGNATORIES)].filter((c) => input.knownCountries.has(c));
  const supporters = [...new Set(SUPPORTER_SIGNATORIES)].filter((c) => input.knownCountries.has(c));
  const everyone = [...input.knownCountries].sort();
  const scratch = new Int32Array(Math.max(everyone.length, critics.length, supporters.length));
  // Subjects of actions about "the rest of the world": its countries, by their share of entities.
  const otherCountries: number[] = [];
  codes.forEach((_, c) => {
    if (world.countries.groupOf[c] === OTHER_GROUP) otherCountries.push(c);
  });
  const otherSubject = otherCountries.length
    ? new WeightedPicker(
        otherCountries,
        otherCountries.map((c) => world.countries.weights[c]),
      )
    : null;
  // Draws that found nobody (a saturated list, a small pool) are made up on later listings.
  let deficit = 0;

  // Entity state.
  const degree = new Int32Array(n);
  const firstAction = new Int32Array(n).fill(-1);
  const lastAction = new Int32Array(n).fill(-1);
  const mark = new Int32Array(n).fill(-1);
  const cap = Math.max(20, Math.min(600, Math.round(count / 10)));
  // Pools: who has been named (one slot per naming: preferential attachment) and who is next.
  const slots = world.poolMembers.map((m) => new IntList(Math.max(16, m.length)));
  const nextNew = new Int32Array(world.poolCount);
  const reserve = world.poolMembers.map((m) => Math.floor(m.length * UNNAMED_SHARE));
  const listingLeft = Float64Array.from(listingDemand);
  const otherLeft = Float64Array.from(otherDemand);
  // Lists: who is on each, since when (day + 1; 0 = not listed), and who was removed.
  const listedSince = lists.map(() => new Int32Array(n));
  const listed = lists.map(() => new IntList(1024));
  const delisted = lists.map(() => new IntList(256));

  let participationId = input.participationIdBase;
  let sourceId = input.sourceIdBase;
  const primarySourceOf = new Int32Array(count);
  const targets: number[] = [];

  // Fitness: how prominent an entity is (Pareto-distributed), fixed when first named. Each
  // naming adds `fitness` slots, so it is picked again in proportion to degree x fitness.
  const fitness = new Uint8Array(n);
  const accept = (e: number, a: number) => {
    mark[e] = a;
    degree[e]++;
    if (firstAction[e] < 0) {
      firstAction[e] = a;
      fitness[e] = Math.min(FITNESS_MAX, Math.floor(Math.pow(1 - r.next(), -1 / FITNESS_ALPHA)));
    }
    const s = slots[world.pool[e]];
    for (let k = fitness[e]; k > 0; k--) s.push(e);
    lastAction[e] = a;
    targets.push(e);
  };

  /**
   * One target from a pool: a new entity, or one already named, picked in proportion to how
   * often it was named (preferential attachment). The chance of a new one adapts so that each
   * pool is used up (but for its reserve) by the end: remaining / expected draws left.
   */
  const drawFromPool = (pool: number, a: number, list: number): number => {
    const listing = list >= 0;
    if (listing) listingLeft[pool]--;
    else otherLeft[pool]--;
    const members = world.poolMembers[pool];
    const s = slots[pool];
    const remaining = members.length - reserve[pool] - nextNew[pool];
    const listingRate = remaining / Math.max(1, listingLeft[pool] + OTHER_NEW_RATE * otherLeft[pool] + 1);
    const pNew = listing ? listingRate : OTHER_NEW_RATE * listingRate;
    for (let attempt = 0; attempt < 8; attempt++) {
      if (remaining > 0 && (s.length === 0 || r.next() < pNew)) return members[nextNew[pool]++];
      if (s.length === 0) break;
      const e = s.data[Math.floor(r.next() * s.length)];
      if (mark[e] === a || degree[e] >= cap) continue;
      if (listing && listedSince[list][e] !== 0) continue; // already on this list: not an addition
      return e;
    }
    // Nobody suitable among the named: a new entity if any is left (never the reserve: entities
    // known only through relations and sources exist too).
    return remaining > 0 ? members[nextNew[pool]++] : -1;
  };

  const drawTarget = (a: number, focus: number, people: number, list: number): number => {
    const group = r.next() < FOCUS_SHARE ? focus : groupPicker.pick(r);
    const person = r.next() < people;
    let e = drawFromPool(poolOf(group, person), a, list);
    if (e < 0) e = drawFromPool(poolOf(group, !person), a, list);
    if (e < 0 && group !== OTHER_GROUP) e = drawFromPool(poolOf(OTHER_GROUP, person), a, list);
    return e;
  };

  for (let a = 0; a < count; a++) {
    const day = plan.day[a];
    const kind = KINDS[plan.kind[a]];
    const list = plan.list[a];
    const listRef = list >= 0 ? lists[list] : null;
    const authority = input.authorities.get(plan.authority[a]);
    if (!authority) throw new Error(`authority ${plan.authority[a]} is missing`);
    const focus = plan.focus[a];
    const actionId = input.actionIdBase + 1 + a;
    targets.length = 0;

    // Targets.
    let size = plan.size[a];
    if (kind === 'LISTING' && deficit > 0) {
      const extra = Math.min(deficit, size);
      size += extra;
    }
    if (kind === 'LISTING') {
      for (let k = 0; k < size; k++) {
        const pool = delisted[list];
        if (pool.length && r.next() < 0.04) {
          const idx = Math.floor(r.next() * pool.length);
          const e = pool.data[idx];
          if (listedSince[list][e] === 0 && mark[e] !== a) {
            pool.swapRemove(idx);
            accept(e, a);
            listedSince[list][e] = day + 1;
            listed[list].push(e);
            continue;
          }
        }
        const e = drawTarget(a, focus, plan.people[a], list);
        if (e < 0) continue;
        accept(e, a);
        listedSince[list][e] = day + 1;
        listed[list].push(e);
      }
    } else if (kind === 'DELISTING' || kind === 'LISTING_AMENDMENT') {
      const on = listed[list];
      for (let k = 0; k < size && on.length; k++) {
        for (let attempt = 0; attempt < 6; attempt++) {
          const idx = Math.floor(r.next() * on.length);
          const e = on.data[idx];
          if (mark[e] === a || listedSince[list][e] - 1 >= day) continue; // listed today: removable tomorrow
          accept(e, a);
          if (kind === 'DELISTING') {
            on.swapRemove(idx);
            listedSince[list][e] = 0;
            delisted[list].push(e);
          }
          break;
        }
      }
    } else {
      for (let k = 0; k < size; k++) {
        const e = drawTarget(a, focus, plan.people[a], -1);
        if (e >= 0) accept(e, a);
      }
    }
    deficit += plan.size[a] - targets.length;
    if (deficit < 0) deficit = 0;

    // The country the action is about.
    let subject: string | null = null;
    if (focus !== OTHER_GROUP && !(kind === 'DELISTING' || kind === 'LISTING_AMENDMENT')) subject = FOCUS_COUNTRIES[focus];
    else if (targets.length) {
      const c = world.country[targets[0]];
      subject = c < codes.length ? codes[c] : null;
    } else if (focus !== OTHER_GROUP) subject = FOCUS_COUNTRIES[focus];
    if (!subject && focus === OTHER_GROUP && otherSubject) subject = codes[otherSubject.pick(r)];
    if (subject && !input.knownCountries.has(subject)) subject = null;
    const countryName = countryLabel(subject, countryNames);

    // Texts and dates.
    const topic = pickTopic(r, focus);
    const date = isoDay(day);
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    let occurred = day;
    let effective: number | null = null;
    if (listRef && authority.slug === 'us-bis' && r.chance(0.6)) {
      effective = day;
      occurred = day + r.int(1, 6);
    } else if (listRef && r.chance(0.4)) effective = day;
    else if (kind === 'LEGISLATION' && r.chance(0.5)) effective = day + r.int(0, 180);
    const occurredOn = isoDay(occurred);
    const announced = r.chance(0.15) ? isoDay(occurred - r.int(1, 14)) : null;
    const ended = (kind === 'VISA_RESTRICTION' || kind === 'TRADE_RESTRICTION') && r.chance(0.1) ? day + r.int(365, 1800) : null;
    const eoNumber = 13394 + Math.round(((day - FIRST_DAY) / (LAST_DAY - FIRST_DAY)) * 900);
    const title = actionTitle(r, {
      kind,
      list: listRef?.slug ?? null,
      authority: authority.slug,
      targets: targets.length,
      country: countryName,
      topic,
      year,
      eoNumber,
      critical: plan.critical[a] === 1,
    });
    const { citation, documentNumber } = citationFor(r, authority.slug, kind, year, month, a);
    const tags = [...topic.tags];
    if (listRef) tags.push(listRef.slug.replace(/^(us|eu|uk|ca)-/, ''));
    if (kind === 'JOINT_LETTER' || kind === 'RESOLUTION') tags.push(authority.slug);
    const grounds = kind === 'LISTING' && listRef ? listingGrounds(listRef.slug, topic) : null;

    let p = writers.action.write([
      actionId,
      `gen-${authority.slug}-${kind.toLowerCase().replace(/_/g, '-')}-${date}-${a + 1}`,
      kind,
      title,
      actionSummary(kind, authority.name, listRef?.name ?? null, targets.length, countryName, topic),
      authority.id,
      listRef?.id ?? null,
      occurredOn,
      announced,
      listRef || kind === 'EXECUTIVE_ORDER' ? occurredOn : null,
      effective === null ? null : isoDay(effective),
      ended !== null && ended <= LAST_DAY ? isoDay(ended) : null,
      citation,
      documentNumber,
      grounds,
      arrayLiteral(tags),
      false,
      SYNTHETIC_NOTE,
    ]);
    if (p) await p;

    // Participations: entities...
    const role = kind === 'STATEMENT' || kind === 'REPORT' || kind === 'RESOLUTION' ? 'SUBJECT' : 'TARGET';
    const entityListing = kind === 'LISTING' && listRef?.slug === 'us-entity-list';
    for (const e of targets) {
      p = writers.participation.write([
        ++participationId,
        actionId,
        role,
        input.entityIdBase + 1 + e,
        null,
        grounds && r.chance(0.9) ? grounds : null,
        entityListing ? r.pick(ENTITY_LIST_LICENSE.requirements) : null,
        entityListing ? r.pick(ENTITY_LIST_LICENSE.policies) : null,
      ]);
      if (p) await p;
    }
    // ...and countries: the issuer, the subject, the signatories.
    const countryRow = (role: string, code: string) => writers.participation.write([++participationId, actionId, role, null, code, null, null, null]);
    if (plan.issuer[a] && authority.country) {
      p = countryRow('ISSUER', authority.country);
      if (p) await p;
    }
    if (subject && plan.subject[a]) {
      p = countryRow('SUBJECT', subject);
      if (p) await p;
    }
    if (plan.signatories[a]) {
      const wanted = plan.signatories[a];
      const camp = plan.critical[a] ? critics : supporters;
      const chosen = new Set<string>();
      const add = (code: string) => {
        if (code !== subject && chosen.size < wanted) chosen.add(code);
      };
      const core = kind === 'JOINT_LETTER' ? Math.max(20, wanted - r.int(0, 15)) : wanted;
      for (const i of r.sampleIndexes(camp.length, core, scratch)) add(camp[i]);
      if (kind === 'JOINT_LETTER') {
        for (const i of r.sampleIndexes(everyone.length, everyone.length, scratch)) {
          if (chosen.size >= wanted) break;
          add(everyone[i]);
        }
      }
      for (const code of chosen) {
        p = countryRow('SIGNATORY', code);
        if (p) await p;
      }
    }

    // Sources: the primary document, sometimes press coverage.
    const meta = primarySource(authority.slug, authority.name, kind);
    const mm = date.slice(5, 7);
    primarySourceOf[a] = ++sourceId;
    p = writers.source.write([sourceId, meta.kind, `https://example.org/synthetic/${meta.path}/${year}/${mm}/a${a + 1}`, title, meta.publisher, occurredOn]);
    if (p) await p;
    p = writers.actionSource.write([actionId, sourceId]);
    if (p) await p;
    if (r.chance(0.3)) {
      const ngo = r.chance(0.2);
      p = writers.source.write([
        ++sourceId,
        ngo ? 'NGO_REPORT' : 'NEWS',
        `https://example.org/synthetic/${ngo ? 'ngo' : 'news'}/${year}/${mm}/a${a + 1}`,
        ngo ? `Analysis: ${topic.label} (${countryName})` : `${title}: what it means`,
        r.pick(ngo ? NGO_PUBLISHERS : NEWS_PUBLISHERS),
        isoDay(occurred + r.int(0, 10)),
      ]);
      if (p) await p;
      p = writers.actionSource.write([actionId, sourceId]);
      if (p) await p;
    }
  }
  return {
    actions: count,
    participations: participationId - input.participationIdBase,
    sources: sourceId - input.sourceIdBase,
    primarySource: primarySourceOf,
    day: plan.day,
    firstAction,
    lastAction,
    degree,
  };
}
