import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { checkFilter } from '../../graphql/filter-checks';
import { ActionFilter } from '../../graphql/filter-inputs';
import { GovernmentAction } from '../action/government-action.entity';
import { bucketActions, buildTimeline } from './timeline.service';
import { Granularity, Timeline, TimelineBucket } from './timeline.types';

@Resolver(() => TimelineBucket)
export class TimelineResolver {
  @Query(() => Timeline, { description: 'Actions per day, week, month, quarter or year under a filter, ready for a chart: empty periods between the first and the last are included.' })
  async timeline(
    @Arg('filter', () => ActionFilter, { nullable: true, description: 'Narrows the list: AND across fields, OR within a list.' }) filter: ActionFilter | null,
    @Arg('granularity', () => Granularity, { defaultValue: Granularity.MONTH, description: 'Bucket size.' }) granularity: Granularity,
    @Ctx() ctx: Context,
  ): Promise<Timeline> {
    await checkFilter(ctx, 'filter', filter);
    return buildTimeline(ctx, filter, granularity);
  }

  @FieldResolver(() => [GovernmentAction], { description: 'The first actions of the period, oldest first.' })
  actions(@Root() bucket: TimelineBucket, @Arg('first', () => Int, { defaultValue: 10, description: 'How many, 0-100.' }) first: number, @Ctx() ctx: Context): Promise<GovernmentAction[]> {
    if (!Number.isInteger(first) || first < 0 || first > 100) throw badInput('first', `must be between 0 and 100, got ${first}`);
    return bucketActions(ctx, bucket, first);
  }
}
