import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from './app';
import type { Config } from './config';
import { EmbeddedDatabase, resolveDatabase } from './db/embedded';
import { connectOrm, migrateUp, redactUrl } from './db/orm';
import type { Logger } from './logger';
import type { DomainEvents } from './modules/subscriptions/events';
import { createEventBus, EventBus } from './modules/subscriptions/event-bus';
import { backfillSearchText } from './modules/search/backfill';
import { seedDatabase } from './seeds/seeder';

export interface RunningServer {
  url: string;
  orm: MikroORM;
  /** Announces committed changes to subscribers (in-process, or through Redis when REDIS_URL is set). */
  events: DomainEvents;
  /** Closes the WebSocket and HTTP servers, the Redis connections, the ORM and the embedded database. */
  stop(): Promise<void>;
}

/** The database has no curated data yet (a fresh install). */
async function isEmpty(orm: MikroORM): Promise<boolean> {
  const rows = await orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from government_action');
  return Number(rows[0].n) === 0;
}

/** Migrations (MIGRATE), search text of rows written before it existed, and the curated seeds when the database is empty (SEED). */
export async function prepareDatabase(orm: MikroORM, config: Pick<Config, 'migrate' | 'seedWhenEmpty'>, logger: Logger): Promise<void> {
  if (config.migrate) {
    const applied = await migrateUp(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  const backfilled = await backfillSearchText(orm.em.fork());
  if (backfilled) logger.info({ backfilled }, 'search text computed for existing entities');
  if (config.seedWhenEmpty && (await isEmpty(orm))) {
    const report = await seedDatabase(orm.em.fork());
    logger.info({ created: report.created }, 'empty database: curated seeds loaded');
  }
}

/** prepareDatabase on config.databaseUrl with a connection of its own, closed afterwards (the cluster primary's preparation step). */
export async function prepareDatabaseAt(config: Config, logger: Logger): Promise<void> {
  if (!config.databaseUrl) throw new Error('prepareDatabaseAt needs DATABASE_URL');
  const orm = await connectOrm(config.databaseUrl);
  try {
    await prepareDatabase(orm, config, logger);
  } finally {
    await orm.close(true);
  }
}

/**
 * Config -> database (embedded when no DATABASE_URL) -> migrations -> seeds when empty ->
 * event bus (Redis when REDIS_URL is set) -> HTTP and WebSocket server. Each step fails with a
 * message that says what to fix.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const { url: databaseUrl, embedded } = await resolveDatabase(config, logger);
  let orm: MikroORM;
  try {
    orm = await connectOrm(databaseUrl, { statementTimeoutMs: config.statementTimeoutMs, preparedStatements: config.preparedStatements, parallelWorkersPerQuery: config.parallelWorkersPerQuery }, config.replicaUrls);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  let bus: EventBus | undefined;
  try {
    await prepareDatabase(orm, config, logger);
    bus = await createEventBus({ redisUrl: config.redisUrl, prefix: config.redisChannelPrefix, logger });
    if (bus.transport === 'redis') logger.info({ redis: redactUrl(config.redisUrl as string) }, 'subscription events go through Redis');
    const app = await createApp(config, orm, logger, bus);
    await new Promise<void>((resolve, reject) => {
      app.httpServer.once('error', reject);
      app.httpServer.listen(config.port, config.host, resolve);
    });
    const address = app.httpServer.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;
    logger.info({ url: `${url}/graphql`, database: redactUrl(databaseUrl), ...(config.replicaUrls.length ? { replicas: config.replicaUrls.map(redactUrl) } : {}) }, 'policy-kb is serving');
    const events = bus.events;
    const stopBus = bus.close.bind(bus);
    let stopping: Promise<void> | undefined;
    return {
      url,
      orm,
      events,
      // Stop accepting connections, close the WebSockets, let in-flight requests finish (up to
      // SHUTDOWN_TIMEOUT_MS, then cut them), then close Redis, the pool and the embedded database.
      stop: () =>
        (stopping ??= (async () => {
          // Each step runs even when an earlier one failed; failures are logged, not thrown.
          const step = async (name: string, run: () => Promise<unknown>) => {
            try {
              await run();
            } catch (error) {
              logger.warn({ err: error, step: name }, 'shutdown step failed');
            }
          };
          await step('http', () => app.apollo.stop()); // also closes the rate limiter's Redis connection
          await step('event bus', stopBus);
          await step('database pool', () => orm.close(true));
          if (embedded) await step('embedded PostgreSQL', () => (embedded as EmbeddedDatabase).stop());
        })()),
    };
  } catch (error) {
    await bus?.close();
    await orm.close(true);
    await embedded?.stop();
    throw error;
  }
}
