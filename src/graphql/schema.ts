import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
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
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    // Timestamps are JS Dates; calendar dates are strings typed with DateScalar explicitly.
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return built;
}
