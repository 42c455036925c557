import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { compileQuery } from 'graphql-jit';
import { execute, getVariableValues, GraphQLError, valueFromASTUntyped, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/*
 * Operations run through graphql-jit instead of graphql-js's execute: each distinct document
 * is compiled once into a function that walks its selection set directly, without
 * graphql-js's per-field work (argument coercion, resolve-info objects, type checks), which
 * was a sixth of the server's time on a 500-node graph. Apollo still parses, validates and
 * runs every plugin; only execution changes. COMPILED_EXECUTOR=false turns it off.
 *
 * A document is compiled the second time it is executed, as prepared statements are named
 * (db/prepared-statements.ts): compiling costs more than running it once with graphql-js
 * (1 ms against well under 1 ms for the entity page; 20 ms against 11 ms for GraphiQL's
 * introspection query), so one-off queries run through graphql-js and cannot make the server
 * compile without end; the ones clients repeat are compiled.
 *
 * Apollo Server has no option for a custom executor; its gateway interface is the supported
 * way to supply one (the schema it announces is the same one, so nothing else changes).
 */

/** Compiled documents kept, least recently used dropped first: plenty for an API's clients, bounded against one-off queries. */
const MAX_COMPILED = 500;

/** Documents counted towards their second run; the counts start over past this many. */
const MAX_COUNTED = 5_000;

type Compiled = ReturnType<typeof compileQuery>;
/** The gateway interface, as @apollo/server names it (its own package is an internal dependency). */
type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** Operations executed by compiled code since the process started (tests check the compiled path ran). */
export const compiledRuns = { count: 0 };

export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiled = new Map<string, Compiled>();
  const seen = new Set<string>();
  /** The compiled document, or undefined on its first run. */
  const compiledFor = (queryHash: string, operationName: string | null, document: Parameters<typeof compileQuery>[1]): Compiled | undefined => {
    const key = `${operationName ?? ''}\u0000${queryHash}`;
    const known = compiled.get(key);
    // Re-inserted on every use: the Map's first key is then the least recently used.
    if (known) compiled.delete(key);
    else if (!seen.has(key)) {
      if (seen.size >= MAX_COUNTED) seen.clear();
      seen.add(key);
      return undefined;
    } else {
      seen.delete(key);
      if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    }
    const entry = known ?? compileQuery(schema, document, operationName ?? undefined);
    compiled.set(key, entry);
    return entry;
  };
  return async (requestContext) => {
    const { document, operation, operationName, queryHash, context, request } = requestContext;
    const query = compiledFor(queryHash, operationName, document);
    if (!query) {
      const result = await execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
      return result as Awaited<ReturnType<GatewayExecutor>>;
    }
    // Variables are checked by graphql-js first: its errors point at the variable's definition,
    // which is how Apollo tells a client's bad value (BAD_USER_INPUT) from a server fault.
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (variables.errors) return { errors: variables.errors };
    // A document that does not compile is cached as its errors; a copy is answered, not the cached result.
    if (!('query' in query)) return withGraphQLJsErrors(query);
    compiledRuns.count++;
    return withGraphQLJsErrors(await query.query(undefined, context, withDefaults(operation, request.variables ?? {})));
  };
}

/**
 * The variables with the operation's defaults filled in where a value is missing: graphql-jit
 * refuses a missing non-null variable even when the operation gives it a default.
 */
function withDefaults(operation: OperationDefinitionNode, given: Record<string, unknown>): Record<string, unknown> {
  let variables = given;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue && given[name] === undefined) {
      if (variables === given) variables = { ...given };
      variables[name] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return variables;
}

/**
 * graphql-jit's errors are lighter objects on GraphQLError's prototype, without `extensions`
 * unless the thrown error had some; Apollo and the error formatter expect graphql-js's own
 * (extensions always an object), so each is rebuilt as one, keeping path and locations.
 */
function withGraphQLJsErrors(result: ExecutionResult<unknown>): Awaited<ReturnType<GatewayExecutor>> {
  const answer = result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  return answer as Awaited<ReturnType<GatewayExecutor>>;
}

function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? {} });
  (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}

/** The gateway Apollo is given so that it executes through `executor`: it announces `schema` once and never changes it. */
export function schemaWithExecutor(schema: GraphQLSchema, executor: GatewayExecutor): Gateway {
  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}
