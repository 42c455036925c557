/**
 * The fixed set of operations `npm run bench` measures, the policy-kb query of each, the
 * variables the raw-SQL server takes for it, and the fixtures (values picked from the database
 * at the start of each size's run) those come from.
 *
 * Shared with bench/compare/postgraphile/queries.ts, which maps each OperationName to the
 * PostGraphile equivalent (or null when PostGraphile cannot answer it).
 */
import type { Pool } from 'pg';

export const OPERATION_NAMES = ['entityPage', 'entityList100', 'timelineMonth', 'actionStats', 'graphDepth2', 'search', 'match'] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

/** Values picked from the database at the start of each size's run. */
export interface Fixtures {
  /** Slug of an entity with many participations (the gen- entity at the 99th percentile of participation count, not the max). */
  entitySlug: string;
  /** Its integer primary key (entity.id). */
  entityId: number;
  /** Its policy-kb global id (from `entity(slug){id}`). */
  entityGlobalId: string;
  /** Its participation count. */
  entityParticipations: number;
  /** A generated entity's name with one letter changed (a typo for full-text / trigram search). */
  searchText: string;
  /** The name searchText was derived from. */
  searchSource: string;
  /** A generated company's name, re-cased and with its legal form dropped, for `match`. */
  matchName: string;
  /** ISO alpha-2 code of that entity's country, for `match`. */
  matchCountry: string;
  /** Slug of the entity matchName was derived from (the expected best match). */
  matchSlug: string;
  /** Country filter of entityList100 ('CN'). */
  country: string;
  /**
   * Page size of entityList100: 100 in the load runs; the SQL-counting pass also runs it with 10
   * to show the statement count does not depend on page size. Use it as the page size
   * (`first: $first`), not a literal 100.
   */
  listPageSize: number;
}

/** A GraphQL request body. */
export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

export interface OperationSpec {
  name: OperationName;
  /** One line for tables and docs. */
  description: string;
  /** The policy-kb request. */
  policyKb: (f: Fixtures) => GraphQLRequest;
  /** Body of `POST /op/<name>` on the raw-SQL server. */
  raw: (f: Fixtures) => Record<string, unknown>;
}

const gql = (strings: TemplateStringsArray) => strings.join('').replace(/\s+/g, ' ').trim();

export const OPERATIONS: Record<OperationName, OperationSpec> = {
  entityPage: {
    name: 'entityPage',
    description: 'one entity by slug with its country and its 50 newest participations (action + authority)',
    policyKb: (f) => ({
      operationName: 'entityPage',
      query: gql`
        query entityPage($slug: String!) {
          entity(slug: $slug) {
            slug name aliases kind country { code name }
            participations(first: 50) {
              totalCount
              nodes { role grounds action { slug kind title occurredOn authority { name } } }
            }
          }
        }`,
      variables: { slug: f.entitySlug },
    }),
    raw: (f) => ({ slug: f.entitySlug }),
  },
  entityList100: {
    name: 'entityList100',
    description: 'Chinese companies by name, first 100, with totalCount',
    policyKb: (f) => ({
      operationName: 'entityList100',
      query: gql`
        query entityList100($country: CountryCode!, $first: Int!) {
          entities(first: $first, filter: { country: [$country], kind: [COMPANY] }, orderBy: [{ field: NAME, direction: ASC }]) {
            totalCount
            nodes { slug name kind country { code } }
          }
        }`,
      variables: { country: f.country, first: f.listPageSize },
    }),
    raw: (f) => ({ country: f.country, kind: 'COMPANY', first: f.listPageSize }),
  },
  timelineMonth: {
    name: 'timelineMonth',
    description: 'LISTING actions per month, empty months included',
    policyKb: () => ({
      operationName: 'timelineMonth',
      query: gql`
        query timelineMonth {
          timeline(granularity: MONTH, filter: { kind: [LISTING] }) { total buckets { start count } }
        }`,
      variables: {},
    }),
    raw: () => ({ kind: 'LISTING' }),
  },
  actionStats: {
    name: 'actionStats',
    description: 'facet counts of all actions: total, by kind, by authority, by year',
    policyKb: () => ({
      operationName: 'actionStats',
      query: gql`
        query actionStats {
          actionStats { total byKind { key count } byAuthority { key label count } byYear { key count } }
        }`,
      variables: {},
    }),
    raw: () => ({}),
  },
  graphDepth2: {
    name: 'graphDepth2',
    description: 'network 2 hops around the entity, at most 500 nodes',
    policyKb: (f) => ({
      operationName: 'graphDepth2',
      query: gql`
        query graphDepth2($id: ID!) {
          graph(rootIds: [$id], depth: 2, maxNodes: 500) {
            truncated
            nodes { id type label }
            edges { source target kind }
          }
        }`,
      variables: { id: f.entityGlobalId },
    }),
    raw: (f) => ({ entityId: f.entityId, depth: 2, maxNodes: 500 }),
  },
  search: {
    name: 'search',
    description: 'ranked search over every type for a misspelt entity name, first 10',
    policyKb: (f) => ({
      operationName: 'search',
      query: gql`
        query search($q: String!) {
          search(query: $q, first: 10) {
            score matched
            node { __typename ... on Entity { slug name } ... on GovernmentAction { slug title } }
          }
        }`,
      variables: { q: f.searchText },
    }),
    raw: (f) => ({ q: f.searchText, first: 10 }),
  },
  match: {
    name: 'match',
    description: 'screening one re-cased name without its legal form, with a country hint, first 5',
    policyKb: (f) => ({
      operationName: 'match',
      query: gql`
        query match($name: String!, $country: CountryCode) {
          match(input: { name: $name, country: $country }, first: 5) { score entity { slug name } }
        }`,
      variables: { name: f.matchName, country: f.matchCountry },
    }),
    raw: (f) => ({ name: f.matchName, country: f.matchCountry, first: 5, threshold: 0.5 }),
  },
};

/** Base64url("Type:key"), as src/graphql/global-id.ts encodes it. */
export function entityGlobalId(id: number): string {
  return Buffer.from(`Entity:${id}`, 'utf8').toString('base64url');
}

/** policy-kb's legal-form words (src/modules/search/normalize.ts): what a name's kind is, not which one. */
export const LEGAL_FORM_WORDS = [
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'bv', 'nv',
  'group', 'holdings', 'holding', 'technology', 'technologies', 'tech', 'science', 'and', 'the', 'of',
];

/**
 * One letter of the longest distinctive word (not a legal-form word) changed: the middle one, to
 * the next letter of the alphabet.
 */
export function misspell(name: string): string {
  const all = [...name.matchAll(/[A-Za-z]+/g)];
  const distinctive = all.filter((w) => !LEGAL_FORM_WORDS.includes(w[0].toLowerCase()));
  const words = distinctive.length ? distinctive : all;
  if (!words.length) return `${name}x`;
  const longest = words.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const at = (longest.index ?? 0) + Math.floor(longest[0].length / 2);
  const c = name[at];
  const lower = c.toLowerCase();
  const next = lower === 'z' ? 'a' : String.fromCharCode(lower.charCodeAt(0) + 1);
  return name.slice(0, at) + (c === lower ? next : next.toUpperCase()) + name.slice(at + 1);
}

/** Legal-form words dropped from the match fixture (trailing punctuation included). */
const LEGAL_FORM = /^(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|ag|sa|bv|nv|group|holdings?)[.,]*$/i;

/** "Shenzhen Foo Bar Technology Co., Ltd." -> "SHENZHEN FOO BAR TECHNOLOGY" (all upper case, legal form dropped). */
export function screeningForm(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !LEGAL_FORM.test(w));
  return (kept.length ? kept : words).join(' ').replace(/[,]+$/, '').toUpperCase();
}

/**
 * Picks the fixtures from a database: synthetic (`gen-`) rows when there are any, the curated
 * seed rows otherwise (a dev database). `entityGlobalId` is computed here; the harness checks it
 * against policy-kb's `entity(slug){id}`.
 */
export async function pickFixtures(pool: Pool): Promise<Fixtures> {
  const { rows: genRows } = await pool.query<{ any: boolean }>(`select exists (select 1 from entity where slug like 'gen-%') as any`);
  const slugPattern = genRows[0].any ? 'gen-%' : '%';
  // The entity at the 99th percentile of participation count (not the maximum: a heavy but typical page).
  const { rows: heavy } = await pool.query<{ id: number; slug: string; n: number }>(
    `with counts as (
       select p.entity_id, count(*)::int as n
       from participation p
       join entity e on e.id = p.entity_id
       join government_action a on a.id = p.action_id
       where e.deleted_at is null and p.deleted_at is null and a.deleted_at is null and e.slug like $1
       group by p.entity_id
     ), cut as (select percentile_disc(0.99) within group (order by n) as n from counts)
     select e.id, e.slug, c.n from counts c join entity e on e.id = c.entity_id, cut where c.n = cut.n order by e.id limit 1`,
    [slugPattern],
  );
  if (!heavy.length) throw new Error('no entity with participations in this database: is it empty?');
  // Two other entities, a third and two thirds into the id range (deterministic, not special),
  // with a name in Latin script (a typo in it is a typo a user makes) and a country.
  const pick = async (fraction: number, kind: string | null) => {
    const { rows } = await pool.query<{ slug: string; name: string; country_code: string | null }>(
      `select slug, name, country_code from entity
       where deleted_at is null and slug like $1 and country_code is not null and length(name) >= 8
         and name ~ '^[ -~]+$' and ($3::text is null or kind = $3)
         and id >= (select min(id) + ((max(id) - min(id)) * $2::float8)::int from entity)
       order by id limit 1`,
      [slugPattern, fraction, kind],
    );
    if (!rows.length) throw new Error(`no entity with a country and a Latin-script name of 8+ characters beyond ${fraction} of the id range`);
    return rows[0];
  };
  const searched = await pick(1 / 3, null);
  const matched = await pick(2 / 3, 'COMPANY');
  return {
    entitySlug: heavy[0].slug,
    entityId: heavy[0].id,
    entityGlobalId: entityGlobalId(heavy[0].id),
    entityParticipations: heavy[0].n,
    searchText: misspell(searched.name),
    searchSource: searched.name,
    matchName: screeningForm(matched.name),
    matchCountry: (matched.country_code ?? '').trim(),
    matchSlug: matched.slug,
    country: 'CN',
    listPageSize: 100,
  };
}
