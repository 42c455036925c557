import type http from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Most open connections from one address; 0: no limit. */
  maxConnectionsPerAddress: number;
  /** Time a client has to send complete request headers (slow-loris). */
  headersTimeoutMs: number;
  /** Time a whole request (headers and body) may take to arrive. */
  requestTimeoutMs: number;
}

/**
 * Socket-level protection of the HTTP server: connections from one address beyond the limit
 * are closed at once (idle-connection floods cost one file descriptor each until then), and
 * clients that are slow to send headers or bodies are cut off. Behind a reverse proxy every
 * connection comes from the proxy: set MAX_CONNECTIONS_PER_ADDRESS=0 there and limit at the proxy.
 */
export function limitConnections(server: http.Server, limits: ConnectionLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  // Node requires requestTimeout >= headersTimeout (or 0).
  server.requestTimeout = Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs);
  server.keepAliveTimeout = 5_000;
  // Check for expired headers/requests often enough to honour short timeouts.
  if (limits.maxConnectionsPerAddress <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.maxConnectionsPerAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
