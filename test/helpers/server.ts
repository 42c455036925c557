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
  stop(): Promise<void>;
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
    url: server.url,
    server,
    databaseUrl: database.url,
    async gql(query, variables) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
