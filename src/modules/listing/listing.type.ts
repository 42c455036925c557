import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';

/** One row of the listing_period view: an entity's time on a list. */
export interface ListingRow {
  entity_id: number;
  list_id: number;
  since: string;
  until: string | null;
  added_by_id: number;
  removed_by_id: number | null;
  grounds: string | null;
}

@ObjectType('Listing', { description: "One entity's time on one list: from the action that added it to the one that removed it." })
export class Listing {
  constructor(row: ListingRow, asOf: string) {
    this.entityId = row.entity_id;
    this.listId = row.list_id;
    this.since = row.since;
    this.until = row.until;
    this.addedById = row.added_by_id;
    this.removedById = row.removed_by_id;
    this.grounds = row.grounds;
    this.active = row.since <= asOf && (row.until === null || row.until > asOf);
  }

  readonly entityId: number;
  readonly listId: number;
  readonly addedById: number;
  readonly removedById: number | null;

  @Field(() => DateScalar, { description: 'When the entry took effect (the adding action\'s effectiveOn, else occurredOn).' })
  readonly since: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the entry was removed; null while it stands.' })
  readonly until: string | null;

  @Field({ description: 'In force on the date asked (activeOn), or today when none was given.' })
  readonly active: boolean;

  @Field(() => String, { nullable: true, description: 'The grounds the adding action gave for this entity.' })
  readonly grounds: string | null;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
