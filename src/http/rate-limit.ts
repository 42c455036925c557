import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { connectRedis, quitRedis } from '../db/redis';
import type { Logger } from '../logger';

/** The outcome of charging one operation's cost to a client. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (the RateLimit-Reset header). */
  resetSeconds: number;
}

/** Query cost per client per minute (rate-limiter-flexible), shared through Redis when it is configured. */
export interface CostLimiter {
  readonly limit: number;
  readonly store: 'redis' | 'memory';
  /** Charges `cost` (at least 1) to `client`: "key:<name>" or "ip:<address>". */
  consume(client: string, cost: number): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface CostLimiterOptions {
  costPerMinute: number;
  redisUrl?: string;
  prefix?: string;
  logger?: Logger;
}

const WINDOW_SECONDS = 60;

function decision(limit: number, res: RateLimiterRes, allowed: boolean): RateDecision {
  return { allowed, limit, remaining: Math.max(0, res.remainingPoints), resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

/**
 * Memory (this process only) without `redisUrl`; Redis otherwise, so every instance counts
 * against the same budget. While Redis is unreachable an in-memory limiter stands in (the
 * "insurance" limiter), so an outage neither blocks nor unthrottles clients.
 */
export async function createCostLimiter(options: CostLimiterOptions): Promise<CostLimiter> {
  const limit = options.costPerMinute;
  const keyPrefix = `${options.prefix ?? 'policy-kb'}:rate`;
  const memory = new RateLimiterMemory({ points: limit, duration: WINDOW_SECONDS, keyPrefix });
  let limiter: RateLimiterAbstract = memory;
  let client: Redis | undefined;
  if (options.redisUrl) {
    client = await connectRedis(options.redisUrl, 'rate limiting', options.logger, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    limiter = new RateLimiterRedis({
      storeClient: client,
      points: limit,
      duration: WINDOW_SECONDS,
      keyPrefix,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  }
  return {
    limit,
    store: client ? 'redis' : 'memory',
    async consume(key, cost) {
      const points = Math.max(1, Math.ceil(cost));
      try {
        return decision(limit, await limiter.consume(key, points), true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return decision(limit, rejection, false);
        // The store failed and so did the insurance: let the request through rather than fail it.
        options.logger?.warn({ err: rejection }, 'rate limiter unavailable; request not counted');
        return { allowed: true, limit, remaining: limit, resetSeconds: WINDOW_SECONDS };
      }
    },
    async close() {
      if (client) await quitRedis(client);
    },
  };
}
