/**
 * The environment, parsed once into a typed, frozen object.
 * Start-up fails fast with a message that names the bad variable, so an operator never
 * discovers a typo from a confusing error deep inside a request.
 */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  /** PostgreSQL URL; when absent the embedded database under `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** Apply pending migrations at start-up (MIGRATE=false or --no-migrate turns it off). */
  readonly migrate: boolean;
  /** Load the curated seeds when the database has no data (SEED=false turns it off). */
  readonly seedWhenEmpty: boolean;
  /** Where the embedded PostgreSQL keeps its files. */
  readonly dataDir: string;
  /** Port of the embedded PostgreSQL. */
  readonly embeddedPgPort: number;
  readonly introspection: boolean;
  /** Deepest selection nesting a query may have (fragments expanded; introspection exempt). */
  readonly maxQueryDepth: number;
  /** Highest cost a query may have: connections cost their page size, times the page sizes above them. */
  readonly maxQueryCost: number;
  /** Refuse queries without a valid API key (reads are open by default). */
  readonly requireKeyForReads: boolean;
  /** Redis shared by server instances: subscription events, rate-limit counters, cached answers; unset: each instance keeps its own. */
  readonly redisUrl: string | undefined;
  /** Prefix of the Redis channels, so deployments (or test runs) sharing one Redis stay apart. */
  readonly redisChannelPrefix: string;
  /** Most aliased fields an operation may have (fragments expanded). */
  readonly maxQueryAliases: number;
  /** Longest query document, in characters. */
  readonly maxQueryLength: number;
  /** Largest request body, in bytes (larger is refused with 413). */
  readonly maxBodyBytes: number;
  /** Most operations in one array-batched request. */
  readonly maxBatchSize: number;
  /** A request not answered within this many milliseconds gets a 503 TIMEOUT error. */
  readonly requestTimeoutMs: number;
  /** PostgreSQL statement_timeout of every pooled connection, in milliseconds. */
  readonly statementTimeoutMs: number;
  /**
   * PostgreSQL max_parallel_workers_per_gather of every pooled connection. 0 by default: a
   * server answering many clients at once keeps its cores busy with their statements, and a
   * parallel plan's workers (started per statement) only add their start-up cost and contention.
   */
  readonly parallelWorkersPerQuery: number;
  /** Query cost a client (API key, else address) may spend per minute; 0 turns rate limiting off. */
  readonly rateLimitCostPerMinute: number;
  /** Express "trust proxy": false, true, a hop count or a list of addresses/subnets. */
  readonly trustProxy: boolean | number | string;
  /** How long a SIGTERM waits for in-flight requests before cutting connections. */
  readonly shutdownTimeoutMs: number;
  /** Most open connections from one client address; 0 means no limit. */
  readonly maxConnectionsPerAddress: number;
  /** Time a client has to send complete request headers. */
  readonly headersTimeoutMs: number;
  /** Read-only PostgreSQL replicas (DATABASE_REPLICA_URLS, comma-separated); reads go there, writes to databaseUrl. */
  readonly replicaUrls: readonly string[];
  /** Seconds a public read's response is kept in the response cache; 0 turns the cache off. */
  readonly responseCacheTtlSeconds: number;
  /** Most bytes of responses the in-process response cache keeps (least recently used go first). */
  readonly responseCacheMaxBytes: number;
  /** Send repeated reads as prepared statements (off behind a transaction-pooling proxy). */
  readonly preparedStatements: boolean;
  /** Execute operations through graphql-jit (compiled-executor.ts) rather than graphql-js. */
  readonly compiledExecutor: boolean;
  /** Server processes sharing the port (cluster.ts); more than 1 needs REDIS_URL. */
  readonly workers: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

/** More worker processes than this is a typo, not a deployment. */
const MAX_WORKERS = 64;

/** The environment variable that tells a worker its index (1..WORKERS; cluster.ts sets it, /healthz shows it). */
export const WORKER_INDEX_VARIABLE = 'POLICY_KB_WORKER';

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parsePort(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a port number (0-65535), got "${raw}"`);
  const port = Number(raw);
  if (port > 65535) throw new ConfigError(name, `must be a port number (0-65535), got "${raw}"`);
  return port;
}

function parsePositiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(name, `must be a positive integer, got "${raw}"`);
  }
  return Number(raw);
}

function parseNonNegativeInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(name, `must be a non-negative integer (0 turns it off), got "${raw}"`);
  }
  return Number(raw);
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** A byte count: `1048576`, `512kb` or `1mb`. */
function parseBytes(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw.trim());
  const value = match ? Number(match[1]) * SIZE_UNITS[(match[2] ?? '').toLowerCase()] : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new ConfigError(name, `must be a size in bytes (e.g. 1048576, 512kb or 1mb), got "${raw}"`);
  return value;
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const value = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  if (!/^[0-9A-Za-z.:/,\s]+$/.test(raw)) throw new ConfigError('TRUST_PROXY', `must be true, false, a hop count or a comma-separated list of addresses, got "${raw}"`);
  return raw;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  const value = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must use the postgres:// scheme, got "${url.protocol}"`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', 'must name a database (postgres://host/NAME)');
  return raw;
}

/** DATABASE_REPLICA_URLS: comma-separated postgres:// URLs, each checked like DATABASE_URL. */
function parseReplicaUrls(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((part, i) => {
    const url = part.trim();
    if (!url) throw new ConfigError('DATABASE_REPLICA_URLS', `entry ${i + 1} is empty`);
    try {
      return parseDatabaseUrl(url) as string;
    } catch (error) {
      const reason = error instanceof ConfigError ? error.message.replace('Invalid configuration: DATABASE_URL ', '') : 'is not a valid URL';
      throw new ConfigError('DATABASE_REPLICA_URLS', `entry ${i + 1} ${reason}`);
    }
  });
}

function parseRedisUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('REDIS_URL', 'is not a valid URL (expected redis://[:password@]host:port[/db])');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', `must use the redis:// (or rediss://) scheme, got "${url.protocol}"`);
  }
  if (!url.hostname) throw new ConfigError('REDIS_URL', 'must name a host (redis://HOST:6379)');
  return raw;
}

function parseChannelPrefix(raw: string | undefined): string {
  if (raw === undefined || raw === '') return 'policy-kb';
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(raw)) {
    throw new ConfigError('REDIS_CHANNEL_PREFIX', `must be 1-100 letters, digits, ".", "_", ":" or "-", got "${raw}"`);
  }
  return raw;
}

/** Reads the configuration from `env` (process.env by default) and command-line flags. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const host = env.HOST ?? '127.0.0.1';
  if (host.trim() === '') throw new ConfigError('HOST', 'must not be empty');
  const workers = parsePositiveInteger('WORKERS', env.WORKERS, 1);
  if (workers > MAX_WORKERS) throw new ConfigError('WORKERS', `must be at most ${MAX_WORKERS}, got "${env.WORKERS}"`);
  const redisUrl = parseRedisUrl(env.REDIS_URL);
  if (workers > 1 && !redisUrl) {
    // Each process keeps its own cache, subscribers and rate-limit counters unless Redis joins them:
    // a mutation served by one worker would leave stale answers and silent subscribers on the others.
    throw new ConfigError('WORKERS', `above 1 needs REDIS_URL: the worker processes share cached answers, subscription events and rate limits through Redis`);
  }
  return Object.freeze({
    workers,
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    port: parsePort('PORT', env.PORT, 4000),
    host,
    logLevel: logLevel as LogLevel,
    migrate: argv.includes('--no-migrate') ? false : parseBoolean('MIGRATE', env.MIGRATE, true),
    seedWhenEmpty: argv.includes('--no-seed') ? false : parseBoolean('SEED', env.SEED, true),
    dataDir: env.PG_DATA_DIR ?? '.data/pg',
    embeddedPgPort: parsePort('PG_EMBEDDED_PORT', env.PG_EMBEDDED_PORT, 5433),
    introspection: parseBoolean('INTROSPECTION', env.INTROSPECTION, true),
    maxQueryDepth: parsePositiveInteger('MAX_QUERY_DEPTH', env.MAX_QUERY_DEPTH, 12),
    maxQueryCost: parsePositiveInteger('MAX_QUERY_COST', env.MAX_QUERY_COST, 5000),
    requireKeyForReads: parseBoolean('REQUIRE_KEY_FOR_READS', env.REQUIRE_KEY_FOR_READS, false),
    redisUrl,
    redisChannelPrefix: parseChannelPrefix(env.REDIS_CHANNEL_PREFIX),
    maxQueryAliases: parsePositiveInteger('MAX_QUERY_ALIASES', env.MAX_QUERY_ALIASES, 30),
    maxQueryLength: parsePositiveInteger('MAX_QUERY_LENGTH', env.MAX_QUERY_LENGTH, 20_000),
    maxBodyBytes: parseBytes('MAX_BODY_SIZE', env.MAX_BODY_SIZE, 1024 * 1024),
    maxBatchSize: parsePositiveInteger('MAX_BATCH_SIZE', env.MAX_BATCH_SIZE, 10),
    requestTimeoutMs: parsePositiveInteger('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, 15_000),
    statementTimeoutMs: parseNonNegativeInteger('STATEMENT_TIMEOUT_MS', env.STATEMENT_TIMEOUT_MS, 10_000),
    parallelWorkersPerQuery: parseNonNegativeInteger('PARALLEL_WORKERS_PER_QUERY', env.PARALLEL_WORKERS_PER_QUERY, 0),
    rateLimitCostPerMinute: parseNonNegativeInteger('RATE_LIMIT_COST_PER_MINUTE', env.RATE_LIMIT_COST_PER_MINUTE, 60_000),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    shutdownTimeoutMs: parsePositiveInteger('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 10_000),
    maxConnectionsPerAddress: parseNonNegativeInteger('MAX_CONNECTIONS_PER_ADDRESS', env.MAX_CONNECTIONS_PER_ADDRESS, 100),
    headersTimeoutMs: parsePositiveInteger('HEADERS_TIMEOUT_MS', env.HEADERS_TIMEOUT_MS, 10_000),
    replicaUrls: Object.freeze(parseReplicaUrls(env.DATABASE_REPLICA_URLS)),
    responseCacheTtlSeconds: parseNonNegativeInteger('RESPONSE_CACHE_TTL_SECONDS', env.RESPONSE_CACHE_TTL_SECONDS, 60),
    responseCacheMaxBytes: parseBytes('RESPONSE_CACHE_MAX_BYTES', env.RESPONSE_CACHE_MAX_BYTES, 64 * 1024 * 1024),
    preparedStatements: parseBoolean('PREPARED_STATEMENTS', env.PREPARED_STATEMENTS, true),
    compiledExecutor: parseBoolean('COMPILED_EXECUTOR', env.COMPILED_EXECUTOR, true),
  });
}
