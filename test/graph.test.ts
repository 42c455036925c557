import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

const GRAPH = `query($ids: [ID!]!, $d: Int, $m: Int) {
  graph(rootIds: $ids, depth: $d, maxNodes: $m) { truncated nodes { id type label } edges { source target kind label } }
}`;

interface Answer {
  truncated: boolean;
  nodes: { id: string; type: string; label: string }[];
  edges: { source: string; target: string; kind: string; label: string | null }[];
}

/**
 * A fingerprint of an answer: the nodes in order, the truncated flag, the edges as a set (their
 * order follows SQL rows and was never promised).
 */
function fingerprint(a: Answer): { nodes: number; edges: number; truncated: boolean; sha256: string } {
  const edges = a.edges.map((e) => `${e.source}>${e.target}>${e.kind}>${e.label}`).sort();
  const text = JSON.stringify({ truncated: a.truncated, nodes: a.nodes.map((n) => `${n.id}|${n.type}|${n.label}`), edges });
  return { nodes: a.nodes.length, edges: a.edges.length, truncated: a.truncated, sha256: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

const gid = (type: string, key: string | number) => Buffer.from(`${type}:${key}`).toString('base64url');

async function graph(ids: string[], d: number, m: number): Promise<Answer> {
  const res = await t.gql(GRAPH, { ids, d, m });
  expect(res.errors).toBeUndefined();
  return res.data!.graph as Answer;
}

async function idsOf(): Promise<{ hikvision: string; rule: string }> {
  const res = await t.gql('{ entity(slug: "cn-hikvision") { id } action(slug: "bis-el-2019-10-xinjiang-28") { id } }');
  return { hikvision: res.data!.entity.id, rule: res.data!.action.id };
}

describe('graph answers', () => {
  // Fingerprints of the answers of the implementation that resolved each label through the
  // loaders and ran one statement per kind of edge (before graph-sql.ts), over the seed data:
  // the rewrite must return the same nodes in the same order, the same flag and edges.
  it('are the same as before the single-statement-per-level rewrite, for known cases', async () => {
    const { hikvision, rule } = await idsOf();
    const cases: Record<string, Answer> = {
      hikvisionDepth2: await graph([hikvision], 2, 500),
      ruleDepth2Cut40: await graph([rule], 2, 40),
      ruleDepth3Cut300: await graph([rule], 3, 300),
      mixedRootsDepth1: await graph([gid('Country', 'GB'), gid('Authority', 1), gid('SanctionsList', 1), gid('TechnologyCategory', 1), hikvision, 'nonsense', hikvision], 1, 200),
    };
    const got = Object.fromEntries(Object.entries(cases).map(([k, v]) => [k, fingerprint(v)]));
    expect(got).toEqual(EXPECTED);
  });

  // Each branch of a level reads only its first maxNodes + 1 distinct nodes. Three rules of the
  // same day name five of the same people, so their participants repeat: one hop out, the
  // drawing cut at m nodes must still be the first m nodes of the uncut one.
  it('cut at maxNodes, are the start of the uncut walk, where neighbours repeat', async () => {
    const res = await t.gql('{ a: action(slug: "ca-2021-03-22-sema") { id } b: action(slug: "uk-2021-03-22-ghr") { id } c: action(slug: "eu-2021-03-22-ghrsr") { id } }');
    const roots = [res.data!.a.id, res.data!.b.id, res.data!.c.id];
    const whole = await graph(roots, 1, 500);
    expect(whole.truncated).toBe(false);
    expect(whole.nodes.length).toBeGreaterThan(12);
    for (let m = 4; m < whole.nodes.length; m++) {
      const cut = await graph(roots, 1, m);
      expect({ m, nodes: cut.nodes.map((n) => n.id), truncated: cut.truncated }).toEqual({ m, nodes: whole.nodes.slice(0, m).map((n) => n.id), truncated: true });
    }
  });

  // The loaders read authorities from a reference-data snapshot up to 10 s old (a write in SQL,
  // as here, shows when it refreshes); the walk's own statement reads the row itself, so it
  // says "(deleted)" at once. The fingerprint is the old answer once the snapshot refreshed.
  it('label a node whose object is deleted "(deleted)", as the loaders did', async () => {
    const { rule } = await idsOf();
    const knex = t.server.orm.em.getKnex();
    const [{ authority_id: authorityId }] = await knex('government_action').where({ id: Number(Buffer.from(rule, 'base64url').toString().split(':')[1]) }).select('authority_id');
    await knex('authority').where({ id: authorityId }).update({ deleted_at: knex.fn.now() });
    try {
      const answer = await graph([rule], 1, 100);
      expect(answer.nodes.find((n) => n.id === gid('Authority', authorityId))).toEqual({ id: gid('Authority', authorityId), type: 'Authority', label: '(deleted)' });
      expect(fingerprint(answer)).toEqual(EXPECTED_WITH_DELETED_AUTHORITY);
    } finally {
      await knex('authority').where({ id: authorityId }).update({ deleted_at: null });
    }
  });

  // A soft-deleted participant is not a neighbour of its actions, nor an edge end.
  it('leave a soft-deleted entity out of its actions\' participants and edges', async () => {
    const { hikvision, rule } = await idsOf();
    const knex = t.server.orm.em.getKnex();
    const hikvisionId = Number(Buffer.from(hikvision, 'base64url').toString().split(':')[1]);
    const before = await graph([rule], 1, 500);
    expect(before.nodes.map((n) => n.id)).toContain(hikvision);
    await knex('entity').where({ id: hikvisionId }).update({ deleted_at: knex.fn.now() });
    try {
      // Another maxNodes than before: a different request, so not the cached answer.
      const after = await graph([rule], 1, 499);
      expect(after.nodes.map((n) => n.id)).not.toContain(hikvision);
      expect(after.edges.filter((e) => e.source === hikvision || e.target === hikvision)).toEqual([]);
      expect(after.nodes).toHaveLength(before.nodes.length - 1);
    } finally {
      await knex('entity').where({ id: hikvisionId }).update({ deleted_at: null });
    }
  });
});

describe('graph statements', () => {
  /** The SQL statements one request runs (the server's knex sees every statement, see statement-count.test.ts). */
  async function statementsOf(query: string, variables: Record<string, unknown>): Promise<string[]> {
    const { res, statements } = await t.gqlWithStatements(query, variables);
    expect(res.errors).toBeUndefined();
    return statements;
  }

  it('runs one statement for the roots, one per level and one for the edges, however many nodes', async () => {
    const { rule } = await idsOf();
    const counts: Record<number, { statements: number; nodes: number }> = {};
    for (const m of [3, 30, 300, 2000]) {
      const statements = await statementsOf(GRAPH, { ids: [rule], d: 2, m });
      const nodes = (await graph([rule], 2, m)).nodes.length;
      counts[m] = { statements: statements.length, nodes };
      // Labels come with the walk: no full rows are loaded to show a name.
      expect(statements.filter((s) => /select \* from "|"\w+"\.\*/.test(s))).toEqual([]);
    }
    expect(counts[300].nodes).toBeGreaterThan(counts[30].nodes);
    for (const m of [3, 30, 300, 2000]) expect(counts[m].statements).toBe(4);
  });

  // Planning the level statement cost more than running it, and a generic plan's estimate
  // crossed jit_above_cost at 1M (164 ms of JIT for a 2 ms statement): see Migration20261129100000.
  it('runs its roots, level and edge statements as one generic plan, without JIT', async () => {
    const knex = t.server.orm.em.getKnex();
    const { rows } = await knex.raw(`select proname, proconfig from pg_proc where proname like 'graph\\_%' order by proname`);
    expect(rows).toEqual(
      ['graph_edges', 'graph_level', 'graph_roots'].map((proname) => ({ proname, proconfig: ['plan_cache_mode=force_generic_plan', 'jit=off'] })),
    );
    const statements = await statementsOf(GRAPH, { ids: [(await idsOf()).rule], d: 2, m: 50 });
    expect(statements.filter((s) => s.includes('graph_level('))).toHaveLength(2);
    expect(statements.filter((s) => s.includes('graph_edges('))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('graph_roots('))).toHaveLength(1);
  });

  it('still resolves `node` per node through the loaders, in batches', async () => {
    const { hikvision } = await idsOf();
    const q = 'query($ids: [ID!]!, $m: Int) { graph(rootIds: $ids, depth: 2, maxNodes: $m) { nodes { id node { id } } } }';
    const small = await statementsOf(q, { ids: [hikvision], m: 10 });
    const big = await statementsOf(q, { ids: [hikvision], m: 200 });
    // One batched statement per node type, not one per node.
    expect(big.length).toBeLessThanOrEqual(small.length + 6);
    const res = await t.gql(q, { ids: [hikvision], m: 200 });
    for (const n of res.data!.graph.nodes) expect(n.node.id).toBe(n.id);
  });
});

const EXPECTED = {
  hikvisionDepth2: { nodes: 40, edges: 70, truncated: false, sha256: 'e5ee1aeb14b70842' },
  ruleDepth2Cut40: { nodes: 40, edges: 62, truncated: true, sha256: 'b02fd2f60a5a853e' },
  ruleDepth3Cut300: { nodes: 191, edges: 293, truncated: false, sha256: '2f15a6366d5e017e' },
  mixedRootsDepth1: { nodes: 21, edges: 25, truncated: false, sha256: '5451336dcd0ee08b' },
};
const EXPECTED_WITH_DELETED_AUTHORITY = { nodes: 34, edges: 56, truncated: false, sha256: 'fc3500429aac616f' };
