import 'reflect-metadata';
import { GraphQLSchema, isAbstractType } from 'graphql';
import { buildSchema, getMetadataStorage, type PubSub } from 'type-graphql';
import { callFieldResolversDirectly } from './direct-field-resolvers';
import { ActionRelationResolver, ActionResolver, ParticipationResolver } from '../modules/action/action.resolver';
import { AuthorityResolver } from '../modules/authority/authority.resolver';
import { CountryResolver } from '../modules/country/country.resolver';
import { AddressResolver, EntityRelationResolver, EntityResolver } from '../modules/entity/entity.resolver';
import { ListingResolver, SanctionsListResolver } from '../modules/listing/listing.resolver';
import { TechnologyResolver } from '../modules/technology/technology.resolver';
import { GraphResolver } from '../modules/analysis/graph.resolver';
import { ActionStatsResolver, EntityStatsResolver } from '../modules/analysis/stats.resolver';
import { TimelineResolver } from '../modules/analysis/timeline.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { ActionRecordedResolver, bindPubSub } from '../modules/subscriptions/action-recorded.resolver';
import { createInProcessBus } from '../modules/subscriptions/event-bus';
import { HistoryResolver } from '../modules/audit/history.resolver';
import { EntityMutationResolver } from '../modules/entity/entity-mutation.resolver';
import { ActionMutationResolver } from '../modules/action/action-mutation.resolver';
import { NodeResolver } from './node.resolver';
import { DateTimeScalar } from './scalars';

export const RESOLVERS = [
  NodeResolver,
  EntityResolver,
  EntityRelationResolver,
  AddressResolver,
  ActionResolver,
  ActionRelationResolver,
  ParticipationResolver,
  CountryResolver,
  TechnologyResolver,
  AuthorityResolver,
  SanctionsListResolver,
  ListingResolver,
  TimelineResolver,
  ActionStatsResolver,
  EntityStatsResolver,
  GraphResolver,
  SearchResolver,
  HistoryResolver,
  EntityMutationResolver,
  ActionMutationResolver,
  ActionRecordedResolver,
] as const;

/**
 * type-graphql gives every plain field (one no @FieldResolver answers) a resolver that runs the
 * middleware chain and then reads the property: two allocations and a closure per field of
 * every object, thousands per list page. policy-kb has no middlewares or auth checkers on
 * fields, so those resolvers only read the property, which is what graphql-js's default
 * resolver does: marking the fields `simple` leaves them to it. A field whose GraphQL name is
 * not its property's name (Node.id) keeps type-graphql's resolver, which reads the property.
 */
function useSimpleResolvers(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && field.name === field.schemaName && !field.middlewares?.length && !field.roles) field.simple = true;
  }
}

/**
 * The executable schema over `pubSub`, the one its subscriptions listen to. Each app instance
 * builds its own (createApp), so two instances in one process never share an in-memory pubsub.
 */
export async function buildAppSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  useSimpleResolvers();
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    // Timestamps are JS Dates; calendar dates are strings typed with DateScalar explicitly.
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Off: the only class-validator rules are on mutation inputs, which take `validate: false` and are
    // checked by validateInput to answer user errors. Left on, type-graphql would run class-validator
    // (a dynamic require and a promise chain) on every object argument of every read, filters and
    // page arguments included, to find no rules.
    validate: false,
    emitSchemaFile: false,
    pubSub,
  });
  bindPubSub(schema, pubSub);
  callFieldResolversDirectly(schema);
  describeRootTypes(schema);
  resolveTypesSynchronously(schema);
  return schema;
}

/**
 * Every record class names its GraphQL type (a static graphqlName), which is all the Node
 * interface and the SearchResult union look at. type-graphql wraps their resolveType in an
 * async function; graphql-jit (compiled-executor.ts) needs the type at once, and a promise
 * per union or interface value is wasted work for graphql-js too.
 */
function resolveTypesSynchronously(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || type.name.startsWith('__')) continue;
    type.resolveType = (value: { constructor?: { graphqlName?: string } }) => value?.constructor?.graphqlName;
  }
}

/** type-graphql gives the root types no descriptions; GraphiQL's docs pane opens on them. */
function describeRootTypes(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query) query.description = 'Reads: lookups, filtered lists, timelines, statistics, networks, search and screening. Open to everyone unless the server requires a key.';
  if (mutation) mutation.description = 'Writes by curators: each needs an API key with the EDITOR or ADMIN role, runs in one transaction and is recorded in the history.';
  if (subscription) subscription.description = 'Live updates over graphql-ws on the same /graphql endpoint.';
}

let built: Promise<GraphQLSchema> | undefined;

/**
 * A schema over a private in-process pubsub, built once per process: for printing the SDL
 * (emit-schema) and other schema-only uses. Servers use buildAppSchema.
 */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildAppSchema(createInProcessBus().pubSub);
  return built;
}
