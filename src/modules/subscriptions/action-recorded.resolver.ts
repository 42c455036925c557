import { filter, map, pipe } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { Arg, Resolver, Root, Subscription, type PubSub } from 'type-graphql';
import { Context, createContext } from '../../graphql/context';
import { ActionFilter } from '../../graphql/filter-inputs';
import { applyActionFilter } from '../action/action-query';
import { GovernmentAction } from '../action/government-action.entity';
import { ACTION_RECORDED } from './event-bus';

/**
 * The pubSub each schema was built with. type-graphql hands `subscribe` functions no pubSub,
 * and each app instance builds its own schema over its own bus, so the schema (info.schema)
 * is the key that finds the right one.
 */
const PUBSUBS = new WeakMap<GraphQLSchema, PubSub>();

export function bindPubSub(schema: GraphQLSchema, pubSub: PubSub): void {
  PUBSUBS.set(schema, pubSub);
}

function pubSubOf(schema: GraphQLSchema): PubSub {
  const pubSub = PUBSUBS.get(schema);
  if (!pubSub) throw new Error('this schema was built without a pubSub: build it with buildAppSchema(pubSub)');
  return pubSub;
}

/**
 * A subscription lives as long as its socket, so each event gets a fresh EntityManager fork and
 * fresh loaders (same viewer and publisher): an action that changed is read as it is now, not
 * from the identity map or a loader cache filled by an earlier event.
 */
function refresh(ctx: Context): void {
  Object.assign(ctx, createContext(ctx.em, { viewer: ctx.viewer, events: ctx.events }));
}

/** The action with this id when it matches `filter` (same SQL as `actions(filter:)`), else null. */
async function matchingAction(ctx: Context, id: number, actionFilter: ActionFilter | null): Promise<GovernmentAction | null> {
  const row = await applyActionFilter(ctx.knex, ctx.knex('government_action as a').select('a.*').where('a.id', id), actionFilter).first();
  return row ? ctx.loaders.map(GovernmentAction, row) : null;
}

/** An event the subscriber should get: the action, or the error reading it (reported, not fatal). */
type Delivery = GovernmentAction | Error;

@Resolver()
export class ActionRecordedResolver {
  @Subscription(() => GovernmentAction, {
    description:
      'Fires when an action matching the filter is created or changed (graphql-ws). The filter means what it means in `actions(filter:)`: ' +
      'each event re-reads the action with it, and actions that do not match are skipped.',
    subscribe: ({ args, context, info }) => {
      const ctx = context as Context;
      const actionFilter = (args.filter ?? null) as ActionFilter | null;
      // Refuse a bad filter (reversed range, foreign id) now, as an error, not at the first event.
      applyActionFilter(ctx.knex, ctx.knex('government_action as a'), actionFilter);
      return pipe(
        pubSubOf(info.schema).subscribe(ACTION_RECORDED),
        map(async (payload: unknown): Promise<Delivery | null> => {
          const id = Number(payload);
          if (!Number.isSafeInteger(id)) return null;
          refresh(ctx);
          try {
            return await matchingAction(ctx, id, actionFilter);
          } catch (error) {
            return error instanceof Error ? error : new Error(String(error));
          }
        }),
        filter((delivery): delivery is Delivery => delivery !== null),
      );
    },
  })
  actionRecorded(
    @Root() delivery: Delivery,
    @Arg('filter', () => ActionFilter, { nullable: true, description: 'Only actions this filter matches; every action when omitted.' }) _filter: ActionFilter | null,
  ): GovernmentAction {
    if (delivery instanceof Error) throw delivery; // masked and logged by the error formatter
    return delivery;
  }
}
