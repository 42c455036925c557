import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { connectOrm } from '../src/db/orm';
import { createKey } from '../src/modules/auth/api-keys.service';
import { Role } from '../src/modules/auth/role';
import { cloneTemplate } from './helpers/database';
import { freePort, runMain, ServerProcess, waitFor } from './helpers/process';

/*
 * WORKERS=2: the real entry point (src/main.ts) as a process, a primary that forks two server
 * processes sharing one port, with Redis between them. Every request opens a connection of its
 * own (no keep-alive), so the cluster hands consecutive requests to alternate workers.
 */

/** One request on a fresh connection: status, headers and parsed body. */
function request(port: number, path: string, body?: unknown, key?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: payload ? 'POST' : 'GET',
        agent: false,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(key ? { authorization: `Bearer ${key}` } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('WORKERS=2 behind one port', () => {
  let database: { url: string; drop(): Promise<void> };
  let proc: ServerProcess;
  let port: number;
  let editorKey: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await cloneTemplate(inject('adminUrl'), inject('templateDatabase'));
    const orm = await connectOrm(database.url);
    editorKey = (await createKey(orm.em.fork(), 'cluster-editor', Role.EDITOR)).key;
    await orm.close(true);
    port = freePort();
    proc = runMain({
      DATABASE_URL: database.url,
      PORT: String(port),
      WORKERS: '2',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_CHANNEL_PREFIX: `policy-kb-test-${randomUUID()}`,
      RESPONSE_CACHE_TTL_SECONDS: '60',
      LOG_LEVEL: 'info',
    });
    await waitFor(proc, 'serving with 2 worker processes', 90_000);
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    if (proc.child.exitCode === null) {
      proc.child.kill('SIGKILL');
      await proc.exited;
    }
    await database?.drop();
  });

  it('hands connections to both workers in turn', async () => {
    const workers = [];
    for (let i = 0; i < 4; i++) workers.push((await request(port, '/healthz')).body.worker);
    expect(new Set(workers)).toEqual(new Set([1, 2]));
  });

  it('a write served by one worker is seen by both, cached answers included', async () => {
    const read = { query: '{ entity(slug: "cn-megvii") { id name version } }' };
    const before = [await request(port, '/graphql', read), await request(port, '/graphql', read), await request(port, '/graphql', read)];
    expect(before.map((r) => r.headers['x-response-cache'])).toContain('HIT');
    const { id, version } = before[0].body.data.entity;
    const renamed = 'Megvii (renamed on one worker)';
    const updated = await request(
      port,
      '/graphql',
      { query: 'mutation($id: ID!, $v: Int!, $name: String!) { updateEntity(id: $id, expectedVersion: $v, input: { name: $name }) { userErrors { code } } }', variables: { id, v: version, name: renamed } },
      editorKey,
    );
    expect(updated.body.data.updateEntity.userErrors).toEqual([]);
    // The other worker hears of the write on the Redis channel within milliseconds.
    const deadline = Date.now() + 2000;
    let names: string[] = [];
    do {
      names = [];
      for (let i = 0; i < 4; i++) names.push((await request(port, '/graphql', read)).body.data.entity.name);
    } while (names.some((n) => n !== renamed) && Date.now() < deadline);
    expect(names).toEqual([renamed, renamed, renamed, renamed]);
  });

  it('subscribers on either worker hear an action recorded through a third connection', async () => {
    const received: unknown[][] = [[], []];
    for (const inbox of received) {
      const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.subscribe({ query: 'subscription { actionRecorded(filter: { text: "Cluster test" }) { title } }' }, { next: (v) => void inbox.push(v), error: reject, complete: () => undefined });
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 300)); // both subscriptions registered
    const created = await request(
      port,
      '/graphql',
      {
        query: 'mutation($input: ActionInput!) { createAction(input: $input) { userErrors { message } } }',
        variables: { input: { kind: 'STATEMENT', title: 'Cluster test statement', authority: 'us-state', occurredOn: '2099-07-01', sources: [{ kind: 'NEWS', url: 'https://example.org/cluster', title: 'x' }] } },
      },
      editorKey,
    );
    expect(created.body.data.createAction.userErrors).toEqual([]);
    const deadline = Date.now() + 5000;
    while (received.some((inbox) => inbox.length === 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([[{ data: { actionRecorded: { title: 'Cluster test statement' } } }], [{ data: { actionRecorded: { title: 'Cluster test statement' } } }]]);
  });

  it('SIGTERM drains both workers and the primary exits with 0', async () => {
    for (const client of clients.splice(0)) await client.dispose();
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('draining every worker');
    expect(proc.output().match(/finishing in-flight requests/g)).toHaveLength(2);
  });
});

describe('WORKERS without Redis', () => {
  it('is refused at start, naming both settings', async () => {
    const proc = runMain({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', WORKERS: '2' });
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toMatch(/WORKERS above 1 needs REDIS_URL/);
  });
});
