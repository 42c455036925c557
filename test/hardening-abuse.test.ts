import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
let port: number;
beforeAll(async () => {
  t = await startTestServer();
  port = Number(new URL(t.url).port);
});
afterAll(async () => {
  await t?.stop();
});

/** A normal request must answer within this bound while the server is under abuse. */
const NORMAL_BOUND_MS = 1000;
const NORMAL = '{ entity(slug: "cn-hikvision") { name country { code } } }';

async function timedPost(body: string, localAddress?: string): Promise<{ ms: number; status: number; json: any }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const normal = (localAddress?: string) => timedPost(JSON.stringify({ query: NORMAL }), localAddress);

describe('abuse', () => {
  it('refuses depth, alias and cost bombs quickly, with a code', async () => {
    const bombs = {
      depth: `{ entity(slug: "cn-hikvision") { ${'relations { entity { '.repeat(40)}name${' } }'.repeat(40)} } }`,
      alias: `{ ${Array.from({ length: 1200 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
      cost: '{ entities(first: 100) { nodes { participations(first: 100) { nodes { action { participants(first: 100) { nodes { role } } } } } } } }',
      // Each fragment spreads the next twice: 2^n selections from a short document.
      fragments: `{ entity(slug: "cn-hikvision") { ...F0 } } ${Array.from({ length: 5 }, (_, i) => `fragment F${i} on Entity { a: relations { entity { ...F${i + 1} } } b: relations { entity { ...F${i + 1} } } }`).join(' ')} fragment F5 on Entity { name }`,
    };
    for (const [name, query] of Object.entries(bombs)) {
      const res = await timedPost(JSON.stringify({ query }));
      expect(res.status, name).toBe(400);
      expect(res.ms, name).toBeLessThan(500);
      expect(res.json.errors[0].extensions.code, name).toMatch(/BAD_USER_INPUT|BAD_REQUEST|GRAPHQL_VALIDATION_FAILED/);
    }
  });

  it('answers a 10 MB body with 413 and a JSON error, quickly', async () => {
    const res = await timedPost(JSON.stringify({ query: '{ __typename }', variables: { blob: 'x'.repeat(10 * 1024 * 1024) } }));
    expect(res.status).toBe(413);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 1024 * 1024 });
    expect(res.ms).toBeLessThan(2000);
    expect((await normal()).status).toBe(200);
  });

  it('closes connections beyond 100 per address at once; a normal request still answers within the bound', async () => {
    const sockets: net.Socket[] = [];
    let closed = 0;
    const opened = Array.from({ length: 1000 }, () =>
      new Promise<void>((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port });
        sockets.push(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => closed++);
        socket.on('connect', () => resolve());
        socket.on('close', () => resolve());
      }),
    );
    try {
      await Promise.all(opened);
      const deadline = Date.now() + 3000;
      while (closed < 900 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(closed).toBeGreaterThanOrEqual(900); // all but MAX_CONNECTIONS_PER_ADDRESS (100) refused
      // Another client (another loopback address) is served normally meanwhile.
      const res = await normal('127.0.0.2');
      expect(res.status).toBe(200);
      expect(res.json.data.entity.name).toBe('Hikvision');
      expect(res.ms).toBeLessThan(NORMAL_BOUND_MS);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
    // Once the idle sockets are gone, the address is served again.
    await new Promise((r) => setTimeout(r, 100));
    expect((await normal()).status).toBe(200);
  });

  it('cuts clients that do not finish their headers within HEADERS_TIMEOUT_MS', async () => {
    const slow = await startTestServer({ HEADERS_TIMEOUT_MS: '500' });
    try {
      const { port: slowPort } = new URL(slow.url);
      const started = Date.now();
      const socket = net.connect({ host: '127.0.0.1', port: Number(slowPort) });
      socket.on('error', () => undefined);
      socket.resume(); // read the 408 the server sends before closing
      await new Promise((r) => socket.once('connect', r));
      socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n'); // and never the rest
      await new Promise((r) => socket.once('close', r));
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await slow.stop();
    }
  });
});
