import { createKey } from '../../src/modules/auth/api-keys.service';
import { Role } from '../../src/modules/auth/role';
import type { TestServer } from './server';

export interface KeyedClient {
  /** A GraphQL request sent with the key of `role` (or none). */
  as(role: Role | null, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: { data?: any; errors?: any } }>;
  keys: Record<Role, string>;
}

/** Creates one key per role on the test server's database and a client that sends them. */
export async function keyedClient(t: TestServer, prefix = 'test'): Promise<KeyedClient> {
  const keys = {} as Record<Role, string>;
  for (const role of [Role.READER, Role.EDITOR, Role.ADMIN]) {
    keys[role] = (await createKey(t.server.orm.em.fork(), `${prefix}-${role.toLowerCase()}`, role)).key;
  }
  return {
    keys,
    async as(role, query, variables) {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(role ? { authorization: `Bearer ${keys[role]}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as { data?: any; errors?: any } };
    },
  };
}

/** Row counts of the tables writes touch, to prove a refused write changed nothing. */
export async function tableCounts(t: TestServer): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of ['entity', 'government_action', 'participation', 'action_relation', 'action_source', 'entity_source', 'entity_technology', 'entity_relation', 'source', 'revision', 'entity_redirect']) {
    const [row] = await t.server.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from "${table}"`);
    result[table] = Number(row.n);
  }
  return result;
}
