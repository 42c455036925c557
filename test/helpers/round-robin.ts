import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** One request the balancer forwarded: to which backend (index into `backends`), and what. */
export interface Forwarded {
  backend: number;
  kind: 'http' | 'upgrade';
  method: string;
  path: string;
}

export interface RoundRobin {
  /** http://127.0.0.1:<port>: send everything here. */
  url: string;
  /** How many requests (HTTP and WebSocket upgrades) each backend was sent, by index. */
  served: number[];
  /** Every forwarded request, in the order the balancer picked a backend for it. */
  log: Forwarded[];
  /** The backend index the next request (HTTP or upgrade) will go to. */
  next(): number;
  /** Stops listening and cuts every open connection, upgraded ones included. */
  close(): Promise<void>;
}

/**
 * A tiny round-robin load balancer for tests (node:http and node:net only): each incoming
 * HTTP request goes to the next backend in turn (method, path, headers and body piped; the
 * response piped back with its status and headers), and so does each WebSocket upgrade (a
 * raw TCP connection to the backend, the HTTP upgrade head written to it, then bytes piped
 * both ways). HTTP requests and upgrades share one turn counter. No keep-alive towards the
 * backends: each forwarded request opens its own connection, so no request ever meets a
 * connection the backend has just timed out.
 */
export async function start(backends: string[]): Promise<RoundRobin> {
  if (backends.length === 0) throw new Error('round-robin: no backends');
  const targets = backends.map((b) => new URL(b));
  const served = backends.map(() => 0);
  const log: Forwarded[] = [];
  let turn = 0;
  const pick = (kind: Forwarded['kind'], method: string, path: string): number => {
    const backend = turn++ % backends.length;
    served[backend]++;
    log.push({ backend, kind, method, path });
    return backend;
  };
  const agent = new http.Agent({ keepAlive: false });
  const tunnels = new Set<Duplex>();

  const server = http.createServer((req, res) => {
    const target = targets[pick('http', req.method ?? 'GET', req.url ?? '/')];
    const upstream = http.request(
      { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.statusMessage, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (res.headersSent) {
        res.destroy(error);
        return;
      }
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`round-robin: backend ${target.origin} failed: ${error.message}`);
    });
    // The client went away before the answer was complete: drop the backend request too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = targets[pick('upgrade', req.method ?? 'GET', req.url ?? '/')];
    const upstream = net.connect(Number(target.port || 80), target.hostname);
    tunnels.add(socket);
    tunnels.add(upstream);
    const teardown = () => {
      socket.destroy();
      upstream.destroy();
      tunnels.delete(socket);
      tunnels.delete(upstream);
    };
    socket.on('error', teardown);
    socket.on('close', teardown);
    upstream.on('error', teardown);
    upstream.on('close', teardown);
    upstream.once('connect', () => {
      let raw = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`;
      for (let i = 0; i < req.rawHeaders.length; i += 2) raw += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
      upstream.write(`${raw}\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    log,
    next: () => turn % backends.length,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const tunnel of tunnels) tunnel.destroy();
        tunnels.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      })),
  };
}
