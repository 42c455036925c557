/**
 * A tiny TCP proxy between a server and PostgreSQL that counts SQL statements, whatever the
 * server's driver or ORM: it reads the frontend side of the PostgreSQL wire protocol and counts
 * Query ('Q', simple protocol: one per statement string) and Execute ('E', extended protocol:
 * one per prepared-statement execution) messages. Everything is forwarded unchanged, except
 * SSLRequest / GSSENCRequest, which the proxy answers itself with 'N' (no encryption: it has to
 * read the messages), so the client carries on in plain text.
 *
 * Used only in the counting pass of `npm run bench`, never under load.
 */
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export interface SqlCounter {
  /** Port the proxy listens on (127.0.0.1). */
  port: number;
  /** Statements counted since the last reset. */
  readonly count: number;
  /** Their SQL text, in order (prepared statements by the text they were parsed from). */
  readonly statements: readonly string[];
  /** Time of the last message from any client (ms, performance.now()). */
  readonly lastActivity: number;
  reset(): void;
  /** Resolves once no client has sent anything for `quietMs` (at most `maxMs`). */
  quiet(quietMs?: number, maxMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy to `upstreamHost:upstreamPort` on a free loopback port. */
export async function startSqlCounter(upstreamHost: string, upstreamPort: number): Promise<SqlCounter> {
  let count = 0;
  let statements: string[] = [];
  let lastActivity = performance.now();
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamPort, upstreamHost);
    sockets.add(client);
    sockets.add(upstream);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    upstream.on('data', (chunk: Buffer) => client.write(chunk));

    let pending: Buffer = Buffer.alloc(0);
    let startup = true;
    // Per connection: prepared statement name -> SQL, portal name -> statement name.
    const prepared = new Map<string, string>();
    const portals = new Map<string, string>();
    const cstrings = (body: Buffer, n: number): string[] => {
      const out: string[] = [];
      let at = 0;
      for (let i = 0; i < n; i++) {
        const end = body.indexOf(0, at);
        if (end < 0) break;
        out.push(body.toString('utf8', at, end));
        at = end + 1;
      }
      return out;
    };
    client.on('data', (chunk: Buffer) => {
      lastActivity = performance.now();
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (startup) {
          // Startup-phase messages have no type byte: int32 length (itself included), int32 code.
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          const message = pending.subarray(0, length);
          pending = pending.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            client.write('N');
            continue;
          }
          upstream.write(message);
          if (code !== CANCEL_REQUEST) startup = false;
          continue;
        }
        // Regular messages: type byte, int32 length (itself included, type byte not).
        if (pending.length < 5) break;
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const type = pending[0];
        const body = pending.subarray(5, 1 + length);
        if (type === 0x50 /* P: Parse */) {
          const [name, sql] = cstrings(body, 2);
          prepared.set(name, sql);
        } else if (type === 0x42 /* B: Bind */) {
          const [portal, name] = cstrings(body, 2);
          portals.set(portal, name);
        } else if (type === 0x51 /* Q: simple Query */) {
          count++;
          statements.push(cstrings(body, 1)[0]);
        } else if (type === 0x45 /* E: Execute */) {
          count++;
          statements.push(prepared.get(portals.get(cstrings(body, 1)[0]) ?? '') ?? '(unknown prepared statement)');
        }
        upstream.write(pending.subarray(0, 1 + length));
        pending = pending.subarray(1 + length);
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;

  return {
    port: address.port,
    get count() {
      return count;
    },
    get statements() {
      return statements;
    },
    get lastActivity() {
      return lastActivity;
    },
    reset() {
      count = 0;
      statements = [];
    },
    async quiet(quietMs = 250, maxMs = 30_000) {
      const start = performance.now();
      while (performance.now() - lastActivity < quietMs && performance.now() - start < maxMs) {
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
