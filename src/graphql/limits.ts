import 'reflect-metadata'; // page-args (imported below) declares type-graphql classes
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isCompositeType,
  isListType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimator, ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity/cjs';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-args';

/**
 * Query depth and cost limits, checked once the operation is known and before anything
 * runs, with the request's variables (page sizes often come from them).
 *
 * Depth: the number of nested selection sets on the longest path, fragments expanded, so
 * `{ entities { nodes { name } } }` has depth 3.
 *
 * Cost (GitHub-style): a connection field (type name ending in "Connection") costs its page
 * size (`first` or `last`, else 20) and everything selected below it counts that many times;
 * a list field with a `first` argument is treated the same way. The fields of connections
 * and edges themselves (nodes, edges, node, pageInfo) add nothing: the page size pays for
 * them. Other list fields cost 1 per parent row (a batched lookup); single objects, scalars and
 * enums cost nothing of their own, as in GitHub's node count. Some Query fields have a fixed
 * size instead (see QUERY_FIELD_SIZES), which multiplies their selection the same way.
 *
 * Introspection (`__schema`, `__type`, `__typename`) is exempt from both limits: it reads
 * the in-memory schema, and GraphiQL's introspection query is deeper than any data query.
 */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** Most aliased fields per operation, fragments expanded (unset: no limit). */
  maxAliases?: number;
}

/** What the plugin learned about an operation that passed the limits (for rate limiting and logs). */
export interface OperationCost<TContext> {
  cost: number;
  depth: number;
  aliases: number;
  operationName: string | null;
  contextValue: TContext;
  /** The response's HTTP head: headers set here reach the client, also when the hook throws. */
  http: { headers: Map<string, string>; status?: number } | undefined;
}

export interface QueryLimitsHooks<TContext> {
  /** Called once per operation, after the limits passed, with its cost; may throw (RATE_LIMITED). */
  onCost?(info: OperationCost<TContext>): Promise<void> | void;
}

export const COST_EXPLANATION = 'each connection costs its page size, multiplied by the page sizes above it';

/** More selections than this after expanding fragments is refused outright. */
const MAX_QUERY_NODES = 10_000;

/** Query fields whose size is not a page size: how many "rows" one call stands for. */
const QUERY_FIELD_SIZES: Record<string, (args: Record<string, unknown>) => number> = {
  timeline: () => 20,
  actionStats: () => 20,
  entityStats: () => 20,
  graph: (args) => Math.ceil((typeof args.maxNodes === 'number' ? args.maxNodes : 500) / 5),
  search: () => 10,
  match: () => 10,
  matchMany: (args) => 10 * Math.max(1, listLength(args)),
};

/** How many items the list-valued arguments hold together (the inputs of a batch field). */
function listLength(args: Record<string, unknown>): number {
  return Object.values(args).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
}

const CONNECTION_PARTS = /(Connection|Edge)$/;

function pageSize(args: Record<string, unknown>): number {
  const raw = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
  // Out-of-range sizes are refused by the resolver; count them as the largest allowed page.
  return Math.min(Math.max(raw, 0), MAX_PAGE_SIZE);
}

function isPagedList({ field }: ComplexityEstimatorArgs): boolean {
  return isListType(getNullableType(field.type)) && field.args.some((a) => a.name === 'first');
}

/** The cost of one field, given the cost of its selection (`childComplexity`). */
export const costEstimator: ComplexityEstimator = (options) => {
  const { field, type, args, childComplexity } = options;
  if (field.name.startsWith('__')) return 0;
  const sized = type.name === 'Query' ? QUERY_FIELD_SIZES[field.name] : undefined;
  if (sized) {
    const n = sized(args);
    return n + n * childComplexity;
  }
  if (getNamedType(field.type).name.endsWith('Connection') || isPagedList(options)) {
    const n = pageSize(args);
    return n + n * childComplexity;
  }
  // A connection's own fields (nodes, edges, node, pageInfo) are the page its size already pays for.
  if (CONNECTION_PARTS.test(type.name)) return childComplexity;
  return isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)) ? 1 + childComplexity : childComplexity;
};

/** Nesting depth of an operation, fragments expanded, introspection fields left out. */
export function queryDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  const depthOf = (set: SelectionSetNode): number => {
    let max = 0;
    for (const selection of set.selections) {
      let d = 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        d = 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        d = depthOf(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue; // unknown or cyclic: validation refuses these
        let known = memo.get(name);
        if (known === undefined) {
          visiting.add(name);
          known = depthOf(fragment.selectionSet);
          visiting.delete(name);
          memo.set(name, known);
        }
        d = known;
      }
      if (d > max) max = d;
    }
    return max;
  };
  return depthOf(operation.selectionSet);
}

/**
 * Aliased fields of an operation, fragments expanded (a fragment spread three times counts its
 * aliases three times), introspection included: aliases multiply work without nesting.
 */
export function queryAliases(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const count = (set: SelectionSetNode): number => {
    let n = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) n++;
        if (selection.selectionSet) n += count(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        n += count(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        let known = memo.get(name);
        if (known === undefined) {
          visiting.add(name);
          known = count(fragment.selectionSet);
          visiting.delete(name);
          memo.set(name, known);
        }
        n += known;
      }
      if (n > Number.MAX_SAFE_INTEGER / 2) return n;
    }
    return n;
  };
  return count(operation.selectionSet);
}

/** Cost of one operation under the cost model above, with the request's variables. */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): number {
  // Only the operation that runs, with the fragments it may use.
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
  };
  return getComplexity({ schema, query, variables, estimators: [costEstimator], maxQueryNodes: MAX_QUERY_NODES });
}

function limitError(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/** What an operation measures, once it is known to be within the limits. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  /** Null when a variable has the wrong type: execution then refuses the operation itself. */
  cost: number | null;
}

/**
 * Checks one operation against the depth, alias and cost limits; throws a BAD_USER_INPUT
 * GraphQLError that gives the limit and the computed value. Shared by HTTP (the plugin below)
 * and WebSocket subscriptions.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): OperationMeasure {
  const depth = queryDepth(document, operation);
  if (depth > limits.maxDepth) {
    throw limitError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth} (nested selection sets, fragments expanded)`, { limit: limits.maxDepth, depth });
  }
  const aliases = queryAliases(document, operation);
  if (limits.maxAliases !== undefined && aliases > limits.maxAliases) {
    throw limitError(`Query has ${aliases} aliases, over the limit of ${limits.maxAliases} (aliased fields, fragments expanded)`, { limit: limits.maxAliases, aliases });
  }
  let cost: number;
  try {
    cost = queryCost(schema, document, operation, variables);
  } catch (error) {
    // A variable of the wrong type: execution refuses the whole operation with its own
    // BAD_USER_INPUT error before any resolver runs, so leave that message to it.
    if (error instanceof GraphQLError && error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION) return { depth, aliases, cost: null };
    const message = error instanceof Error ? error.message : String(error);
    if (/maximum allowed number of nodes/.test(message)) {
      throw limitError(`Query has more than ${MAX_QUERY_NODES} selections once fragments are expanded`, { limit: MAX_QUERY_NODES });
    }
    // An argument whose value cannot be read: refuse the whole operation rather than skip its cost.
    throw limitError(message, error instanceof GraphQLError ? { ...error.extensions } : {});
  }
  if (cost > limits.maxCost) {
    throw limitError(`Query cost ${cost} exceeds the limit of ${limits.maxCost} (${COST_EXPLANATION})`, { limit: limits.maxCost, cost });
  }
  return { depth, aliases, cost };
}

/**
 * Measures of operations already checked, per parsed document and variables. Apollo keeps one
 * parsed document per query text, so a client repeating a query is measured once; only
 * measures within the limits are kept (a refused operation is checked again, and refused again).
 */
const measured = new WeakMap<DocumentNode, Map<string, OperationMeasure>>();
const MEASURES_PER_DOCUMENT = 100;

function measureOnce(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, check: () => OperationMeasure): OperationMeasure {
  const key = `${operation.name?.value ?? ''}\0${JSON.stringify(variables)}`;
  let byVariables = measured.get(document);
  const known = byVariables?.get(key);
  if (known) return known;
  const measure = check();
  if (!byVariables) measured.set(document, (byVariables = new Map()));
  if (byVariables.size >= MEASURES_PER_DOCUMENT) byVariables.clear();
  byVariables.set(key, measure);
  return measure;
}

/**
 * Refuses operations over the depth, alias or cost limit before execution (checkOperation)
 * and reports the cost of the others to `hooks` (rate limiting, logs).
 */
export function queryLimitsPlugin<TContext extends object>(limits: QueryLimits, hooks: QueryLimitsHooks<TContext> = {}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<TContext>> {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue, response, operationName }) {
          // No single operation to run: execution reports that itself.
          if (!operation) return;
          const { depth, aliases, cost } = measureOnce(document, operation, request.variables ?? {}, () => checkOperation(schema, document, operation, request.variables ?? {}, limits));
          await hooks.onCost?.({ cost: cost ?? 0, depth, aliases, operationName: operationName ?? null, contextValue, http: response.http });
        },
      };
    },
  };
}
