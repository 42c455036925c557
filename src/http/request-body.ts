import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Refusal } from './request-limits';

/** The body of a GraphQL POST, or why it is refused (with `closeConnection` when the rest of it is left unread). */
export type BodyOutcome = { body: unknown } | { refusal: Refusal; closeConnection?: boolean };

const DECODERS: Record<string, () => Readable & NodeJS.WritableStream> = {
  gzip: () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

const NOT_JSON: Refusal = { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' };

/** True when a content-type header names JSON (`application/json`, any parameters). */
function isJsonType(contentType: string): boolean {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

/** The charset parameter of a content-type header, lower-cased, if any. */
function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1].toLowerCase();
}

/**
 * Reads a request's JSON body as express.json() did before GraphQL requests left express:
 * bodies that are not JSON are left unread (Apollo then explains what it expected), gzip,
 * deflate and br bodies are decoded, at most `maxBytes` are read (decoded), UTF-8 only, and only
 * an object or an array at the top (an empty body reads as {}).
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyOutcome> {
  const contentType = req.headers['content-type'] ?? '';
  if (!isJsonType(contentType)) return Promise.resolve({ body: undefined });
  const charset = charsetOf(contentType);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return Promise.resolve({ refusal: { status: 415, code: 'BAD_REQUEST', message: `unsupported charset "${charset.toUpperCase()}"` } });
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  const makeDecoder = DECODERS[encoding];
  if (!makeDecoder && encoding !== 'identity') {
    return Promise.resolve({ refusal: { status: 415, code: 'BAD_REQUEST', message: `unsupported content encoding "${encoding}"` } });
  }
  const tooLarge: BodyOutcome = {
    refusal: { status: 413, code: 'BAD_REQUEST', message: `Request body exceeds the limit of ${maxBytes} bytes`, extensions: { limit: maxBytes } },
    closeConnection: true,
  };
  // A declared length over the limit is refused before a byte is read.
  if (!makeDecoder && Number(req.headers['content-length']) > maxBytes) return Promise.resolve(tooLarge);

  return new Promise((resolve) => {
    const decoder = makeDecoder?.();
    const stream: Readable = decoder ? req.pipe(decoder) : req;
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      stream.removeAllListeners('data');
      resolve(outcome);
    };
    stream.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) {
        if (decoder) req.unpipe();
        req.pause();
        settle(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', () => settle({ refusal: { status: 400, code: 'BAD_REQUEST', message: `The request body could not be read${decoder ? ` as ${encoding}` : ''}` } }));
    // The client went away before the body was complete: nothing will read the answer, but the
    // handler must not wait forever.
    req.on('close', () => {
      if (!req.complete) settle({ refusal: { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted' } });
    });
    stream.on('end', () => {
      const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
      const first = /\S/.exec(text)?.[0];
      if (first === undefined) return settle({ body: {} });
      if (first !== '{' && first !== '[') return settle({ refusal: NOT_JSON });
      try {
        settle({ body: JSON.parse(text) });
      } catch {
        settle({ refusal: NOT_JSON });
      }
    });
  });
}
