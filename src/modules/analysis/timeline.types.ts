import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import type { ActionFilter } from '../../graphql/filter-inputs';
import { ActionKind } from '../action/action-kinds';

export enum Granularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(Granularity, { name: 'Granularity', description: 'Bucket size of a timeline (weeks start on Monday).' });

@ObjectType('KindCount', { description: 'How many actions of one kind.' })
export class KindCount {
  @Field(() => ActionKind, { description: 'The kind.' })
  kind!: ActionKind;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType('TimelineBucket', { description: 'One period of a timeline, with its actions counted by kind.' })
export class TimelineBucket {
  constructor(
    start: string,
    end: string,
    count: number,
    byKind: KindCount[],
    /** Kept for the `actions` field, which pages through this bucket's actions. */
    readonly query: { filter: ActionFilter | null; granularity: Granularity },
  ) {
    this.start = start;
    this.end = end;
    this.count = count;
    this.byKind = byKind;
  }

  @Field(() => DateScalar, { description: 'First day of the period.' })
  readonly start: string;

  @Field(() => DateScalar, { description: 'Last day of the period (inclusive).' })
  readonly end: string;

  @Field(() => Int, { description: 'Actions that occurred in the period.' })
  readonly count: number;

  @Field(() => [KindCount], { description: 'The count split by kind (kinds with none are left out).' })
  readonly byKind: KindCount[];
}

@ObjectType('Timeline', { description: 'Actions per period, every period from the first to the last included (empty ones too).' })
export class Timeline {
  @Field(() => Granularity, { description: 'The bucket size.' })
  granularity!: Granularity;

  @Field(() => Int, { description: 'All actions counted.' })
  total!: number;

  @Field(() => [TimelineBucket], { description: 'The periods, oldest first.' })
  buckets!: TimelineBucket[];
}
