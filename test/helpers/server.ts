import { inject } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { RunningServer, startServer } from '../../src/server';
import { cloneTemplate } from './database';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  server: RunningServer;
  databaseUrl: string;
  /** POSTs a GraphQL request to the real HTTP endpoint. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /**
   * gql, with the SQL statements the server ran meanwhile: resolvers share the server's knex
   * instance, so its query event sees every statement (test/statement-count.test.ts checks it).
   */
  gqlWithStatements<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ res: GraphQLResponse<T>; statements: string[] }>;
  stop(): Promise<void>;
}

/** A running server with the requests tests send it (everything of a TestServer but its database and stop). */
export function clientOf(server: RunningServer): Pick<TestServer, 'url' | 'server' | 'gql' | 'gqlWithStatements'> {
  const gql: TestServer['gql'] = async (query, variables) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<any>;
  };
  return {
    url: server.url,
    server,
    gql,
    async gqlWithStatements(query, variables) {
      const knex = server.orm.em.getKnex();
      const statements: string[] = [];
      const listener = (q: { sql: string }) => statements.push(q.sql);
      knex.on('query', listener);
      try {
        return { res: await gql(query, variables), statements };
      } finally {
        knex.off('query', listener);
      }
    },
  };
}

/**
 * The real server on a random port, over a fresh copy of the seeded template database.
 * `env` adds or overrides configuration variables (MAX_QUERY_COST, say). With `sharing`, the
 * new server uses that server's database instead (two instances of one deployment).
 */
export async function startTestServer(env: Record<string, string> = {}, sharing?: TestServer): Promise<TestServer> {
  const database = sharing ? { url: sharing.databaseUrl, drop: async () => undefined } : await cloneTemplate(inject('adminUrl'), inject('templateDatabase'));
  const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', MIGRATE: 'false', SEED: 'false', ...env });
  const server = await startServer(config, createLogger('silent'));
  return {
    ...clientOf(server),
    databaseUrl: database.url,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
