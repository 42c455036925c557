import 'reflect-metadata';
import cluster from 'node:cluster';
import { PREPARE_ROLE, runPrimary } from './cluster';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

/** The only entry with side effects: config -> database -> server -> listen (or, with WORKERS > 1, a primary that forks the servers: cluster.ts). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) {
    try {
      await runPrimary(config, logger);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.fatal({ err: error }, `policy-kb could not start: ${message}`);
      console.error(`policy-kb could not start: ${message}`);
      process.exit(1);
    }
    return;
  }
  // The server's modules (ORM, schema, app) load only here, so a cluster primary stays small.
  const { prepareDatabaseAt, startServer } = await import('./server');
  if (cluster.isWorker && process.env[PREPARE_ROLE.variable] === PREPARE_ROLE.value) {
    // The cluster primary's one-off child: migrations and seeds, then exit.
    try {
      await prepareDatabaseAt(config, logger);
      process.exit(0);
    } catch (error) {
      logger.fatal({ err: error }, `policy-kb could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
  let server;
  try {
    server = await startServer(config, logger);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, `policy-kb could not start: ${message}`);
    console.error(`policy-kb could not start: ${message}`);
    process.exit(1);
  }
  // A failed query must never take the process down; anything that escapes is logged. An
  // exception outside any request leaves the process in an unknown state: log it and exit.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception: exiting');
    process.exit(1);
  });
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    // A second signal (Ctrl-C pressed twice, or the cluster primary's SIGTERM after the
    // terminal's SIGINT) does not cut the drain short; the deadline below bounds it.
    if (shuttingDown) return;
    shuttingDown = true;
    const deadlineMs = config.shutdownTimeoutMs + 5_000;
    logger.info({ signal, gracePeriodMs: config.shutdownTimeoutMs }, 'shutting down: no new connections, finishing in-flight requests');
    // In-flight requests get SHUTDOWN_TIMEOUT_MS; closing the pool and database gets 5 s more.
    setTimeout(() => {
      logger.error({ deadlineMs }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, deadlineMs).unref();
    try {
      await server.stop();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void main();
