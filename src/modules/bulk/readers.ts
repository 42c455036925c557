import fs from 'node:fs';
import { Transform, TransformCallback } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { parser as jsonParser } from 'stream-json';

/** A file that cannot be read as the format says: stops the import before anything is written. */
export class BadInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}

/** One record of an input file with where it is: `line` for CSV and JSON lines, `index` (0-based) for JSON arrays. */
export interface InputRecord {
  value: unknown;
  /** Line where the record starts (CSV: its first line; JSON lines: its line). */
  line?: number;
  /** Position in a JSON array. */
  index?: number;
}

export function describePosition(r: { line?: number; index?: number }): string {
  return r.line !== undefined ? `line ${r.line}` : `record ${r.index}`;
}

/** Byte offset of the first invalid UTF-8 sequence in `buf` (or -1); `final` when nothing follows. */
function firstInvalidUtf8(buf: Buffer, final: boolean): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined) return final ? i : -1;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Bytes to text, refusing invalid UTF-8 with the line and byte offset of the first bad byte
 * (TextDecoder's fatal mode says only that there is one). Drops a leading byte-order mark.
 */
export class Utf8Decoder extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private offset = 0;
  private line = 1;

  constructor(private readonly file: string) {
    super({ decodeStrings: true, readableObjectMode: false, encoding: 'utf8' });
  }

  private fail(chunk: Buffer, final: boolean): Error {
    const at = Math.max(0, firstInvalidUtf8(chunk, final));
    let line = this.line;
    for (let i = 0; i < at; i++) if (chunk[i] === 0x0a) line++;
    return new BadInputError(`${this.file}: invalid UTF-8 at line ${line} (byte offset ${this.offset + at}); save the file as UTF-8 and try again`);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      done(this.fail(chunk, false));
      return;
    }
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 0x0a) this.line++;
    this.offset += chunk.length;
    done(null, text);
  }

  override _flush(done: TransformCallback): void {
    try {
      const rest = this.decoder.decode();
      done(null, rest);
    } catch {
      done(new BadInputError(`${this.file}: the file ends in the middle of a UTF-8 character (byte offset ${this.offset}): it looks truncated`));
    }
  }
}

function openText(file: string): NodeJS.ReadableStream {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new BadInputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (!stat.isFile()) throw new BadInputError(`cannot read ${file}: not a file`);
  const decoder = new Utf8Decoder(file);
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  input.on('error', (error) => decoder.destroy(new BadInputError(`cannot read ${file}: ${error.message}`)));
  return input.pipe(decoder);
}

export interface CsvOptions {
  /** Columns the header must have; a missing one stops the import. */
  requiredColumns: readonly string[];
}

/** CSV rows as objects keyed by the header, each with the line it starts on. Streams. */
export async function* readCsv(file: string, options: CsvOptions): AsyncGenerator<InputRecord> {
  const text = openText(file);
  const csv = parseCsv({
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim());
      const missing = options.requiredColumns.filter((c) => !names.includes(c));
      if (missing.length) throw new BadInputError(`${file}: the header lacks the required column(s) ${missing.join(', ')} (found: ${names.join(', ') || 'nothing'})`);
      return names;
    },
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  text.on('error', (error) => csv.destroy(error as Error));
  text.pipe(csv);
  let startLine = 2;
  try {
    for await (const item of csv as AsyncIterable<{ record: Record<string, string>; info: { lines: number; invalid_field_length: number } }>) {
      const record: InputRecord = { value: item.record, line: startLine };
      startLine = item.info.lines + 1;
      yield record;
    }
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    const e = error as Error & { code?: string; lines?: number };
    const where = e.lines !== undefined ? ` at line ${e.lines}` : '';
    const hint = e.code === 'CSV_QUOTE_NOT_CLOSED' ? ': a quoted field is never closed, so the file looks truncated' : '';
    throw new BadInputError(`${file}: not valid CSV${where} (${e.message})${hint}`);
  }
}

/** Each non-empty line of a JSON lines file, parsed; a line that is not JSON is an error at that line. */
export async function* readJsonLines(file: string): AsyncGenerator<InputRecord> {
  const text = openText(file);
  let buffer = '';
  let line = 0;
  const parseLine = (raw: string): InputRecord | null => {
    line++;
    const trimmed = raw.trim();
    if (!trimmed) return null;
    try {
      return { value: JSON.parse(trimmed), line };
    } catch (error) {
      throw new BadInputError(`${file}: line ${line} is not JSON (${(error as Error).message})`);
    }
  };
  for await (const chunk of text as AsyncIterable<string>) {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const record = parseLine(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      if (record) yield record;
    }
  }
  if (buffer.trim()) {
    const record = parseLine(buffer);
    if (record) yield record;
  }
}

interface Token {
  name: string;
  value?: unknown;
}

/**
 * The items of a JSON document that is an array of objects, or an object whose `results` (the
 * CSL API's shape) or `entities` member is one. Streams: only one item is in memory at a time.
 */
export async function* readJsonArray(file: string, members: readonly string[] = ['results', 'entities']): AsyncGenerator<InputRecord> {
  const text = openText(file);
  const tokens = jsonParser.asStream({ packKeys: true, packStrings: true, packNumbers: true, streamKeys: false, streamStrings: false, streamNumbers: false });
  text.on('error', (error) => tokens.destroy(error as Error));
  text.pipe(tokens);

  // The stack of containers being built below the array; the array itself is at `arrayDepth`.
  let depth = 0;
  let arrayDepth = -1;
  let key: string | null = null;
  let topKey: string | null = null;
  let sawTop = false;
  let index = 0;
  const stack: { container: unknown[] | Record<string, unknown>; key: string | null }[] = [];
  const add = (value: unknown): InputRecord | null => {
    if (!stack.length) return null;
    const top = stack[stack.length - 1];
    if (Array.isArray(top.container)) top.container.push(value);
    else top.container[key as string] = value;
    return null;
  };
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      if (!sawTop) {
        sawTop = true;
        if (token.name === 'startArray') {
          arrayDepth = 1;
          depth = 1;
          continue;
        }
        if (token.name !== 'startObject') throw new BadInputError(`${file}: expected a JSON array of records or an object with ${members.map((m) => `"${m}"`).join(' or ')}, found a ${token.name.replace(/Value$/, '')}`);
        depth = 1;
        continue;
      }
      if (arrayDepth < 0) {
        // Inside the top-level object, looking for the member that holds the records.
        if (depth === 1 && token.name === 'keyValue') {
          topKey = token.value as string;
          continue;
        }
        if (depth === 1 && token.name === 'endObject') break;
        if (depth === 1 && topKey !== null && members.includes(topKey) && token.name === 'startArray') {
          arrayDepth = 2;
          depth = 2;
          continue;
        }
        if (token.name === 'startObject' || token.name === 'startArray') depth++;
        else if (token.name === 'endObject' || token.name === 'endArray') depth--;
        continue;
      }
      // Inside the records array.
      switch (token.name) {
        case 'startObject':
        case 'startArray': {
          const container = token.name === 'startObject' ? {} : [];
          if (stack.length) add(container);
          stack.push({ container, key });
          depth++;
          break;
        }
        case 'endObject':
        case 'endArray': {
          depth--;
          if (depth < arrayDepth) {
            arrayDepth = -2; // done with the array
            break;
          }
          const done = stack.pop();
          if (!stack.length && done) yield { value: done.container, index: index++ };
          break;
        }
        case 'keyValue':
          key = token.value as string;
          break;
        case 'stringValue':
          if (!stack.length) yield { value: token.value, index: index++ };
          else add(token.value);
          break;
        case 'numberValue':
          if (!stack.length) yield { value: Number(token.value), index: index++ };
          else add(Number(token.value));
          break;
        case 'nullValue':
        case 'trueValue':
        case 'falseValue': {
          const v = token.name === 'nullValue' ? null : token.name === 'trueValue';
          if (!stack.length) yield { value: v, index: index++ };
          else add(v);
          break;
        }
      }
      if (arrayDepth === -2) break;
    }
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new BadInputError(`${file}: not valid JSON after record ${index} (${(error as Error).message}); the file may be truncated`);
  } finally {
    tokens.destroy();
    (text as unknown as { destroy(): void }).destroy?.();
  }
  if (!sawTop) throw new BadInputError(`${file}: the file is empty`);
  if (arrayDepth === -1) throw new BadInputError(`${file}: expected a JSON array of records or an object with ${members.map((m) => `"${m}"`).join(' or ')}; found an object without them`);
}
