import type { GroupedActionCounts, GroupedActionFacet } from './stats.service';
import { Field, Int, ObjectType } from 'type-graphql';
import type { ActionFilter, EntityFilter } from '../../graphql/filter-inputs';

@ObjectType('Facet', { description: 'A count under one key: a kind, a country code, a slug, a year.' })
export class Facet {
  @Field({ description: 'Machine key: an enum value, ISO code, slug or year; usable in the matching filter.' })
  key!: string;

  @Field({ description: 'Human-readable label.' })
  label!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

/** Facets are computed only when selected; each one is one grouped SQL statement. */
@ObjectType('ActionStats', { description: 'Facet counts of the actions matching a filter (each facet sorted by count, largest first).' })
export class ActionStats {
  /** The grouped counts, computed once for every facet field that asks (see ActionStatsService.grouped). */
  grouped?: Promise<GroupedActionCounts>;

  constructor(
    readonly filter: ActionFilter | null,
    /** The facets the client selected: the grouped statement counts only those. */
    readonly asked: ReadonlySet<GroupedActionFacet>,
  ) {}
}

@ObjectType('EntityStats', { description: 'Facet counts of the entities matching a filter (each facet sorted by count, largest first).' })
export class EntityStats {
  constructor(readonly filter: EntityFilter | null) {}
}
