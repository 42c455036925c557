import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import Redis from 'ioredis';
import type { PubSub } from 'type-graphql';
import { connectRedis, quitRedis } from '../../db/redis';
import type { Logger } from '../../logger';
import type { DomainEvents } from './events';

/** The topic `Subscription.actionRecorded` listens to; its payload is the action's numeric id. */
export const ACTION_RECORDED = 'action-recorded';

/**
 * One server instance's event plumbing: the pubSub given to type-graphql's buildSchema, and the
 * DomainEvents publisher the write API calls after commit. Without Redis, events stay in this
 * process (and this app instance: every bus has its own in-memory target); with Redis, every
 * instance publishing to or subscribed on the same channels sees them.
 */
export interface EventBus {
  readonly pubSub: PubSub;
  readonly events: DomainEvents;
  /** Where events travel: 'redis' (across instances) or 'in-process'. */
  readonly transport: 'redis' | 'in-process';
  /** Closes the Redis connections (nothing to do in-process). */
  close(): Promise<void>;
}

export interface EventBusOptions {
  /** redis:// URL; unset for an in-process bus. */
  redisUrl?: string;
  /** Prefix of every topic (and so of every Redis channel): `<prefix>:action-recorded`. */
  prefix?: string;
  logger?: Logger;
}

type Topics = Record<string, [unknown]>;

/** Events published to `publish`: one call per committed change. */
function domainEvents(pubSub: PubSub): DomainEvents {
  return { actionRecorded: (actionId) => pubSub.publish(ACTION_RECORDED, actionId) };
}

/** type-graphql's PubSub over a yoga pubsub, with every topic under `prefix:`. */
function prefixed(inner: ReturnType<typeof createPubSub<Topics>>, prefix: string): PubSub {
  return {
    publish: (topic, ...args) => inner.publish(`${prefix}:${topic}`, args[0]),
    subscribe: (topic) => inner.subscribe(`${prefix}:${topic}`),
  };
}

/** In-process only: events reach the subscribers of this bus and nobody else. */
export function createInProcessBus(prefix = 'policy-kb'): EventBus {
  const pubSub = prefixed(createPubSub<Topics>(), prefix);
  return { pubSub, events: domainEvents(pubSub), transport: 'in-process', close: async () => undefined };
}

/**
 * The bus for `options`: Redis-backed when `redisUrl` is set (two connections: a Redis
 * connection that has subscribed can do nothing else), in-process otherwise. Connecting fails
 * with a message that names the (redacted) URL.
 */
export async function createEventBus(options: EventBusOptions = {}): Promise<EventBus> {
  const prefix = options.prefix ?? 'policy-kb';
  if (!options.redisUrl) return createInProcessBus(prefix);
  const url = options.redisUrl;
  const logger = options.logger;
  // Two connections: a Redis connection that has subscribed can do nothing else.
  const publisher = await connectRedis(url, 'subscription events', logger);
  let subscriber: Redis;
  try {
    subscriber = await connectRedis(url, 'subscription events', logger);
  } catch (error) {
    publisher.disconnect();
    throw error;
  }
  // redis-event-target fires publish/subscribe/unsubscribe without awaiting them: a command that
  // fails during an outage must be logged rather than become an unhandled rejection (which
  // would end the process). These adapters give it exactly the calls it makes.
  const logged = <T>(command: string, promise: Promise<T>): Promise<T> => {
    promise.catch((error: unknown) => logger?.warn({ err: error, command }, 'Redis command failed (subscription events)'));
    return promise;
  };
  const publishClient = {
    publish: (channel: string, message: string) => logged('PUBLISH', publisher.publish(channel, message)),
  } as unknown as Redis;
  const subscribeClient = {
    on: (event: string, listener: (...args: unknown[]) => void) => subscriber.on(event, listener),
    subscribe: (channel: string) => logged('SUBSCRIBE', subscriber.subscribe(channel)),
    unsubscribe: (channel: string) => logged('UNSUBSCRIBE', subscriber.unsubscribe(channel)),
  } as unknown as Redis;
  const eventTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  const pubSub = prefixed(createPubSub<Topics>({ eventTarget }), prefix);
  return {
    pubSub,
    events: domainEvents(pubSub),
    transport: 'redis',
    async close() {
      await Promise.all([quitRedis(publisher), quitRedis(subscriber)]);
    },
  };
}
