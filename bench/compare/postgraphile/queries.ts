/**
 * PostGraphile's nearest equivalent of each benchmarked policy-kb operation, against the schema
 * that bench/compare/postgraphile/server.ts builds (Amber + connection-filter + pg-aggregates,
 * plus the smart tags and the two small plugins described there). `null`: PostGraphile cannot
 * answer the operation at all. See README.md beside this file for what differs per operation.
 *
 * Every list excludes soft-deleted rows (`deletedAt: {isNull: true}`) where policy-kb does.
 */
import type { Fixtures, OperationName } from '../operations';

export interface PostGraphileRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** Live participations whose action is live too: policy-kb's filter for an entity's participations. */
const LIVE_PARTICIPATION = '{ deletedAt: { isNull: true }, governmentActionByActionId: { deletedAt: { isNull: true } } }';

/**
 * entityPage: entityBySlug -> participationsByEntityId (first 50), newest action first, ties by
 * participation id descending (ACTION_OCCURRED_ON_* comes from server.ts's addPgTableOrderBy).
 */
const ENTITY_PAGE = /* GraphQL */ `
  query EntityPage($slug: String!) {
    entityBySlug(slug: $slug) {
      slug
      name
      aliases
      kind
      countryByCountryCode { code name }
      participationsByEntityId(first: 50, filter: ${LIVE_PARTICIPATION}, orderBy: [ACTION_OCCURRED_ON_DESC, ROW_ID_DESC]) {
        totalCount
        nodes {
          role
          grounds
          governmentActionByActionId {
            slug
            kind
            title
            occurredOn
            authorityByAuthorityId { name }
          }
        }
      }
    }
  }
`;

/** entityList100: live companies of one country, by name then id, with the total. */
const ENTITY_LIST = /* GraphQL */ `
  query EntityList($country: String!, $first: Int!) {
    allEntities(
      first: $first
      filter: { countryCode: { in: [$country] }, kind: { in: ["COMPANY"] }, deletedAt: { isNull: true } }
      orderBy: [NAME_ASC, ROW_ID_ASC]
    ) {
      totalCount
      nodes { slug name kind countryByCountryCode { code } }
    }
  }
`;

/**
 * timelineMonth: LISTING actions per month. pg-aggregates returns only the months that have
 * actions (policy-kb also returns the empty months in between), with string keys
 * ("2021-03-01") in no guaranteed order; `distinctCount.rowId` is the count (ids are unique).
 */
const TIMELINE_MONTH = /* GraphQL */ `
  query TimelineMonth {
    allGovernmentActions(filter: { kind: { in: ["LISTING"] }, deletedAt: { isNull: true } }) {
      totalCount
      groupedAggregates(groupBy: [OCCURRED_ON_TRUNCATED_TO_MONTH]) {
        keys
        distinctCount { rowId }
      }
    }
  }
`;

/**
 * actionStats: total and counts by kind and by year (grouped aggregates over live actions), and
 * by authority with its name: authorities that issued a live action, each with its live-action
 * count (grouped aggregates cannot return the authority's name, only its id).
 */
const ACTION_STATS = /* GraphQL */ `
  query ActionStats {
    allGovernmentActions(filter: { deletedAt: { isNull: true } }) {
      totalCount
      byKind: groupedAggregates(groupBy: [KIND]) {
        keys
        distinctCount { rowId }
      }
      byYear: groupedAggregates(groupBy: [OCCURRED_ON_TRUNCATED_TO_YEAR]) {
        keys
        distinctCount { rowId }
      }
    }
    byAuthority: allAuthorities(filter: { governmentActionsByAuthorityId: { some: { deletedAt: { isNull: true } } } }) {
      nodes {
        slug
        name
        governmentActionsByAuthorityId(filter: { deletedAt: { isNull: true } }) { totalCount }
      }
    }
  }
`;

/**
 * graphDepth2: policy-kb walks breadth-first from the entity, 2 hops (participations, entity and
 * action relations, authorities, lists, technology categories), de-duplicates nodes, stops at
 * maxNodes and adds the edges among the outer ring. A GraphQL tree can only nest: here the
 * same two hops are nested selections, each list capped at `first: 100` (a comparable amount of
 * data to policy-kb's node cap), with nodes repeated wherever they recur and no outer-ring edges.
 *   hop 1: the entity's actions (via its participations), related entities, categories;
 *   hop 2: each action's participants (entity or country), authority, list and related actions;
 *          each related entity's actions; each category's entities.
 */
const GRAPH_DEPTH_2 = /* GraphQL */ `
  query GraphDepth2($id: Int!) {
    entityByRowId(rowId: $id) {
      rowId
      name
      kind
      participationsByEntityId(first: 100, filter: ${LIVE_PARTICIPATION}) {
        nodes {
          role
          governmentActionByActionId {
            rowId
            kind
            title
            authorityByAuthorityId { rowId name }
            sanctionsListByListId { rowId name }
            participationsByActionId(first: 100, filter: { deletedAt: { isNull: true }, not: { entityByEntityId: { deletedAt: { isNull: false } } } }) {
              nodes {
                role
                countryCode
                entityByEntityId { rowId name kind }
              }
            }
            actionRelationsByFromId(first: 100) { nodes { kind toId } }
            actionRelationsByToId(first: 100) { nodes { kind fromId } }
          }
        }
      }
      entityRelationsByFromId(first: 100, filter: { entityByToId: { deletedAt: { isNull: true } } }) {
        nodes {
          kind
          entityByToId {
            rowId
            name
            kind
            participationsByEntityId(first: 100, filter: ${LIVE_PARTICIPATION}) { nodes { role actionId } }
          }
        }
      }
      entityRelationsByToId(first: 100, filter: { entityByFromId: { deletedAt: { isNull: true } } }) {
        nodes {
          kind
          entityByFromId {
            rowId
            name
            kind
            participationsByEntityId(first: 100, filter: ${LIVE_PARTICIPATION}) { nodes { role actionId } }
          }
        }
      }
      entityTechnologiesByEntityId(first: 100) {
        nodes {
          technologyCategoryByTechnologyCategoryId {
            rowId
            name
            entityTechnologiesByTechnologyCategoryId(first: 100, filter: { entityByEntityId: { deletedAt: { isNull: true } } }) {
              nodes { entityId }
            }
          }
        }
      }
    }
  }
`;

/**
 * search: not fuzzy. Entities whose search_text (policy-kb's normalized names and aliases,
 * trigram-indexed, so ILIKE can use the index) contains either half of the normalized search
 * text. searchText is a name with one letter changed, so one half is always intact and the
 * intended entity is among the candidates, but the 10 returned are by name, not by relevance.
 * (By name rather than by id: with `order by id limit 10` PostgreSQL walks the primary key and
 * filters every row, 10x slower on 100k entities than the trigram bitmap scan it picks here.)
 */
const SEARCH = /* GraphQL */ `
  query Search($fragments: [EntityFilter!]!) {
    allEntities(first: 10, filter: { deletedAt: { isNull: true }, or: $fragments }, orderBy: [NAME_ASC, ROW_ID_ASC]) {
      nodes { slug name kind countryByCountryCode { code } }
    }
  }
`;

/** Lower case, punctuation to spaces: the form search_text holds (policy-kb's normalizeText, minus transliteration). */
export function searchFragments(text: string): string[] {
  const normalized = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  if (normalized.length < 8) return [normalized];
  const middle = Math.floor(normalized.length / 2);
  const halves = [normalized.slice(0, middle).trim(), normalized.slice(middle).trim()].filter((h) => h.length >= 3);
  return halves.length ? halves : [normalized];
}

export const postgraphileQueries: Record<OperationName, ((f: Fixtures) => PostGraphileRequest) | null> = {
  entityPage: (f) => ({ query: ENTITY_PAGE, variables: { slug: f.entitySlug } }),
  entityList100: (f) => ({ query: ENTITY_LIST, variables: { country: f.country, first: f.listPageSize } }),
  timelineMonth: () => ({ query: TIMELINE_MONTH, variables: {} }),
  actionStats: () => ({ query: ACTION_STATS, variables: {} }),
  graphDepth2: (f) => ({ query: GRAPH_DEPTH_2, variables: { id: f.entityId } }),
  search: (f) => ({
    query: SEARCH,
    variables: { fragments: searchFragments(f.searchText).map((fragment) => ({ searchText: { includesInsensitive: fragment } })) },
  }),
  // Screening (scored, explained, typo- and transliteration-tolerant name matching) has no
  // PostGraphile counterpart; see README.md.
  match: null,
};
