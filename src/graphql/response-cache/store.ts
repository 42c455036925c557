import type Redis from 'ioredis';
import { connectRedis, quitRedis } from '../../db/redis';
import type { Logger } from '../../logger';
import { ByteLru } from './lru';

/**
 * Where serialized responses of public reads are kept. Every key carries the data generation
 * it was computed in; a committed write bumps the generation, so every older response stops
 * being found at once, on this instance and (through Redis) on every other.
 */
export interface ResponseStore {
  readonly kind: 'memory' | 'redis';
  /** The current data generation; read it before executing, and store under it. */
  generation(): number;
  get(generation: number, key: string): Promise<string | undefined>;
  set(generation: number, key: string, body: string): Promise<void>;
  /** A write committed: no response stored so far may be served again. */
  invalidate(): Promise<void>;
  close(): Promise<void>;
}

export interface ResponseStoreOptions {
  ttlSeconds: number;
  maxBytes: number;
  redisUrl?: string;
  /** Prefix of the Redis keys and channel (REDIS_CHANNEL_PREFIX). */
  prefix?: string;
  logger?: Logger;
}

/** This process only: the right store for one instance, or for instances that accept TTL-bounded staleness. */
export function createMemoryStore(options: ResponseStoreOptions): ResponseStore {
  const lru = new ByteLru(options.maxBytes);
  let generation = 0;
  return {
    kind: 'memory',
    generation: () => generation,
    get: async (gen, key) => lru.get(`${gen}:${key}`),
    set: async (gen, key, body) => lru.set(`${gen}:${key}`, body, Date.now() + options.ttlSeconds * 1000),
    async invalidate() {
      generation++;
      lru.clear();
    },
    close: async () => lru.clear(),
  };
}

/**
 * Shared by every instance on one Redis: responses under `<prefix>:response:<generation>:<key>`
 * with the TTL, the generation in `<prefix>:response:generation` (INCR on every write) and
 * announced on the `<prefix>:response:invalidated` channel, so an instance never has to ask
 * Redis for it per request. Each instance keeps a local copy of what it read recently
 * (cleared on invalidation). When Redis fails, requests are answered uncached, never refused.
 */
export async function createRedisStore(options: ResponseStoreOptions & { redisUrl: string }): Promise<ResponseStore> {
  const prefix = `${options.prefix ?? 'policy-kb'}:response`;
  const generationKey = `${prefix}:generation`;
  const channel = `${prefix}:invalidated`;
  const local = new ByteLru(options.maxBytes);
  const logger = options.logger;
  const client = await connectRedis(options.redisUrl, 'response cache', logger, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let subscriber: Redis;
  try {
    subscriber = await connectRedis(options.redisUrl, 'response cache', logger);
  } catch (error) {
    client.disconnect();
    throw error;
  }
  let generation = Number((await client.get(generationKey)) ?? 0);
  const advanceTo = (next: number) => {
    if (next > generation) {
      generation = next;
      local.clear();
    }
  };
  subscriber.on('message', (from: string, message: string) => {
    if (from === channel) advanceTo(Number(message));
  });
  await subscriber.subscribe(channel);
  // After a reconnect the channel may have missed announcements: read the generation again.
  subscriber.on('ready', () => {
    client.get(generationKey).then((value) => advanceTo(Number(value ?? 0)), () => undefined);
  });
  const failed = (command: string) => (error: unknown) => {
    logger?.warn({ err: error, command }, 'Redis command failed (response cache); answering uncached');
    return undefined;
  };
  const ttlMs = options.ttlSeconds * 1000;
  return {
    kind: 'redis',
    generation: () => generation,
    async get(gen, key) {
      const localKey = `${gen}:${key}`;
      const cached = local.get(localKey);
      if (cached !== undefined) return cached;
      const shared = await client.get(`${prefix}:${localKey}`).catch(failed('GET'));
      if (shared == null) return undefined;
      local.set(localKey, shared, Date.now() + ttlMs);
      return shared;
    },
    async set(gen, key, body) {
      local.set(`${gen}:${key}`, body, Date.now() + ttlMs);
      await client.set(`${prefix}:${gen}:${key}`, body, 'EX', options.ttlSeconds).catch(failed('SET'));
    },
    async invalidate() {
      local.clear();
      const next = await client.incr(generationKey).catch(failed('INCR'));
      if (next === undefined) {
        // This instance stops serving what it has, under a generation no other instance uses;
        // the next announcement or reconnect brings it back to the shared one. Other instances
        // did not hear of this write: their copies age out with the TTL.
        generation = -Date.now();
        return;
      }
      advanceTo(next);
      await client.publish(channel, String(next)).catch(failed('PUBLISH'));
    },
    async close() {
      local.clear();
      await Promise.all([quitRedis(client), quitRedis(subscriber)]);
    },
  };
}

/** Redis-backed when `redisUrl` is set, in-process otherwise. */
export function createResponseStore(options: ResponseStoreOptions): Promise<ResponseStore> {
  return options.redisUrl ? createRedisStore({ ...options, redisUrl: options.redisUrl }) : Promise.resolve(createMemoryStore(options));
}
