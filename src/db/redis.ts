import Redis, { RedisOptions } from 'ioredis';
import type { Logger } from '../logger';
import { redactUrl } from './orm';

/**
 * A connected ioredis client for one purpose (events, rate limiting, response cache). Fails
 * with a message naming the (redacted) URL and the purpose; afterwards, connection errors are
 * logged, not thrown: ioredis reconnects by itself, and each user decides how to degrade.
 */
export async function connectRedis(url: string, purpose: string, logger?: Logger, options: RedisOptions = {}): Promise<Redis> {
  const client = new Redis(url, { lazyConnect: true, connectionName: `policy-kb-${purpose.replace(/\W+/g, '-')}`, ...options });
  let lastError: Error | undefined;
  const remember = (error: Error) => (lastError = error);
  client.on('error', remember);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    const reason = lastError?.message ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`Cannot connect to Redis at ${redactUrl(url)} (${purpose}): ${reason}`);
  } finally {
    client.off('error', remember);
  }
  client.on('error', (error: Error) => logger?.warn({ err: error, redis: redactUrl(url) }, `Redis connection error (${purpose})`));
  return client;
}

/** QUIT, or a hard disconnect when Redis does not answer within two seconds. */
export async function quitRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 2000).unref());
  const result = await Promise.race([client.quit().catch(() => 'failed' as const), timeout]);
  if (result !== 'OK') client.disconnect();
}
