/**
 * PostGraphile v5 over policy-kb's database, for the side-by-side benchmark in bench/compare/.
 *
 * Run (from the repository root):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/policy_kb_pg_dev PORT=5678 \
 *     node -r ts-node/register/transpile-only bench/compare/postgraphile/server.ts
 *
 * It binds 127.0.0.1 (HOST overrides), prints exactly `listening <port>` on stdout once
 * POST /graphql answers, exits non-zero with a message on stderr when it cannot start, and
 * closes the HTTP server and the pool on SIGTERM / SIGINT. The file imports only packages, so a
 * plain `ts.transpileModule` copy runs too (the harness does that, with NODE_PATH set).
 *
 * Configuration: the Amber preset + PostGraphileConnectionFilterPreset + PgAggregatesPreset over
 * schema `public`, production-like: GRAPHILE_ENV=production (unless set), no GraphiQL/Ruru, no
 * watch mode, no explain, no websockets and no LISTEN client (pubsub off), a pg pool of 10 (as
 * policy-kb), no pgSettings (so no per-request transaction), and grafserv's
 * `outputDataAsString` (Grafast writes the JSON itself). On top: smart tags and two small
 * plugins the benchmark's queries need, each explained where it is defined below.
 *
 * PostGraphile 5 requires Node >= 22; on Node 20 the only thing missing is `Promise.withResolvers`,
 * which the `promise.withresolvers` shim provides. It is installed first, and everything from the
 * Graphile stack is then loaded with `require` (typed through `typeof import(...)`) so that the
 * order is explicit. The type-only imports point at dist/ paths because the project's
 * `moduleResolution: node` does not read package `exports`; the runtime requires use the public
 * subpaths.
 */

// Before anything from the Graphile stack is loaded.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('promise.withresolvers').shim();
// Grafast reads this once when it is first loaded; unset means production but logs a warning.
process.env.GRAPHILE_ENV ??= 'production';

import type { Server } from 'node:http';
import type { SQL } from 'pg-sql2';

/* eslint-disable @typescript-eslint/no-require-imports */
const http = require('node:http') as typeof import('node:http');
const { postgraphile } = require('postgraphile') as typeof import('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber') as typeof import('postgraphile/dist/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg') as typeof import('@dataplan/pg/dist/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node') as typeof import('grafserv/dist/servers/node/index');
const { PostGraphileConnectionFilterPreset } = require('postgraphile-plugin-connection-filter') as typeof import('postgraphile-plugin-connection-filter');
const { PgAggregatesPreset } = require('@graphile/pg-aggregates') as typeof import('@graphile/pg-aggregates');
const { jsonPgSmartTags, addPgTableOrderBy, orderByAscDesc } = require('postgraphile/utils') as typeof import('graphile-utils');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Smart tags (configuration, the database is left as policy-kb made it). Amber exposes filters
 * and orders only on indexed columns; the benchmark's queries also need these unindexed ones,
 * which policy-kb's own SQL uses the same way (PostGraphile's documented `@behavior filterBy` /
 * `orderBy` tags). Bookkeeping tables that policy-kb does not serve are hidden.
 */
const SmartTagsPlugin = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      entity: { attribute: { name: { tags: { behavior: ['+filterBy', '+orderBy'] } }, deleted_at: { tags: { behavior: ['+filterBy'] } } } },
      government_action: { attribute: { deleted_at: { tags: { behavior: ['+filterBy'] } } } },
      participation: { attribute: { deleted_at: { tags: { behavior: ['+filterBy'] } } } },
      api_key: { tags: { behavior: ['-*'] } },
      mikro_orm_migrations: { tags: { behavior: ['-*'] } },
    },
  },
});

/**
 * pg-aggregates only ships hour/day truncation, for timestamps; its README shows how to add
 * more. These add `<DATE COLUMN>_TRUNCATED_TO_MONTH` / `_TO_YEAR` group-by values for `date`
 * columns (government_action.occurred_on), giving keys like "2021-03-01".
 */
const DateTruncGroupByPlugin: GraphileConfig.Plugin = {
  name: 'BenchDateTruncGroupByPlugin',
  version: '0.0.0',
  after: ['PgAggregatesSpecsPlugin'],
  schema: {
    hooks: {
      build(build) {
        const { sql, dataplanPg, pgAggregateGroupBySpecs } = build;
        if (!sql || !dataplanPg || !pgAggregateGroupBySpecs) throw new Error('BenchDateTruncGroupByPlugin must run after PgAggregatesSpecsPlugin');
        const { TYPES } = dataplanPg;
        const truncTo = (unit: 'month' | 'year') => ({
          id: `truncated-to-${unit}`,
          isSuitableType: (codec: unknown) => codec === TYPES.date,
          sqlWrap: (frag: SQL) => sql`date_trunc(${sql.literal(unit)}, ${frag})::date`,
          sqlWrapCodec: () => TYPES.date,
        });
        build.pgAggregateGroupBySpecs = [...pgAggregateGroupBySpecs, truncTo('month'), truncTo('year')];
        return build;
      },
    },
  },
};

/**
 * policy-kb lists an entity's participations newest first: by the action's occurred_on, then
 * by participation id, descending. Stock PostGraphile cannot order by a column of a related
 * table; `addPgTableOrderBy` (graphile-utils, PostGraphile's documented way) adds
 * `ACTION_OCCURRED_ON_ASC/DESC` to ParticipationOrderBy.
 */
const ParticipationByActionDatePlugin = addPgTableOrderBy({ schemaName: 'public', tableName: 'participation' }, (build) => {
  const { sql } = build;
  const { TYPES } = build.dataplanPg;
  return orderByAscDesc('ACTION_OCCURRED_ON', (qb) => ({
    fragment: sql`(select a.occurred_on from public.government_action as a where a.id = ${qb.alias}.action_id)`,
    codec: TYPES.date,
  }));
});

/** Same pool size as policy-kb (src/db/mikro-orm.config.ts). */
export const POOL_SIZE = 10;

export function makePreset(connectionString: string): GraphileConfig.Preset {
  return {
    extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset, PgAggregatesPreset],
    plugins: [SmartTagsPlugin, DateTruncGroupByPlugin, ParticipationByActionDatePlugin],
    pgServices: [
      makePgService({
        connectionString,
        schemas: ['public'],
        poolConfig: { max: POOL_SIZE },
        // No subscriptions here: don't set up the LISTEN/NOTIFY client.
        pubsub: false,
      }),
    ],
    grafserv: {
      graphqlPath: '/graphql',
      graphiql: false,
      graphiqlOnGraphQLGET: false,
      watch: false,
      websockets: false,
      graphqlOverGET: false,
      outputDataAsString: true,
    },
    grafast: {
      explain: false,
    },
  };
}

async function main(): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  const port = Number(process.env.PORT ?? '5678');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const host = process.env.HOST || '127.0.0.1';

  const pgl = postgraphile(makePreset(connectionString));
  // Build the schema (introspection) before accepting requests, so a bad URL fails here.
  await pgl.getSchema();
  const serv = pgl.createServ(grafserv);

  const server: Server = http.createServer();
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (_err, socket) => socket.destroy());
  await serv.addTo(server, false);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`listening ${actualPort}\n`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => {
      process.stderr.write(`postgraphile: ${signal}: forced exit after 5 s\n`);
      process.exit(1);
    }, 5_000);
    force.unref();
    server.close();
    server.closeIdleConnections();
    // Releases the grafserv instance too, and ends the pool.
    Promise.resolve()
      .then(() => pgl.release())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`postgraphile: error while closing: ${err instanceof Error ? err.stack : String(err)}\n`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`postgraphile: failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
