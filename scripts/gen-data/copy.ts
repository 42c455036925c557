import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/*
 * Streaming rows into PostgreSQL with COPY ... FROM STDIN (text format): rows are encoded as
 * they are generated and sent in ~1 MB chunks, waiting for the socket to drain, so memory stays
 * flat however many rows there are.
 */

/** A value as COPY text: null -> \N; backslash, tab, newline and carriage return escaped. */
export type CopyValue = string | number | boolean | null | undefined;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

export function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A PostgreSQL array literal of strings: {"a","b \"c\""} (elements always quoted). */
export function arrayLiteral(items: readonly string[]): string {
  if (items.length === 0) return '{}';
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    if (i) out += ',';
    out += `"${items[i].replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return `${out}}`;
}

const CHUNK_CHARS = 1 << 20;

/** One COPY into one table, on its own connection; write() rows, then end(). */
export class CopyWriter {
  private buffer = '';
  private rowCount = 0;
  private readonly stream: NodeJS.WritableStream;
  private readonly done: Promise<void>;
  private failure: Error | undefined;

  constructor(
    client: Client,
    readonly table: string,
    readonly columns: readonly string[],
  ) {
    this.stream = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
    this.done = new Promise<void>((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', (error: Error) => {
        this.failure = new Error(`COPY into ${table} failed: ${error.message}`);
        reject(this.failure);
      });
    });
    // Surfaced by write()/end(); keep Node from reporting it as unhandled meanwhile.
    this.done.catch(() => undefined);
  }

  get rows(): number {
    return this.rowCount;
  }

  /** Adds one row (values in column order); resolves at once unless the socket is full. */
  write(values: readonly CopyValue[]): Promise<void> | undefined {
    if (values.length !== this.columns.length) throw new Error(`COPY into ${this.table}: ${values.length} values for ${this.columns.length} columns`);
    let line = copyText(values[0]);
    for (let i = 1; i < values.length; i++) line += `\t${copyText(values[i])}`;
    this.buffer += `${line}\n`;
    this.rowCount++;
    if (this.buffer.length >= CHUNK_CHARS) return this.flush();
    return undefined;
  }

  private flush(): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    if (!this.buffer) return undefined;
    const ok = this.stream.write(Buffer.from(this.buffer, 'utf8'));
    this.buffer = '';
    if (ok) return undefined;
    return new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        this.stream.off('drain', onDrain);
        reject(error);
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  /** Abandons the COPY (PostgreSQL rolls back what it received); for error paths. */
  abort(): void {
    this.buffer = '';
    (this.stream as NodeJS.WritableStream & { destroy(error?: Error): void }).destroy(new Error('aborted'));
  }

  /** Sends what is buffered and completes the COPY; resolves with the row count. */
  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.done;
    return this.rowCount;
  }
}
