import { ArgsType, Field, Int } from 'type-graphql';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Relay pagination arguments, shared by every connection field. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size from the start (after \`after\`); at most ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} when neither first nor last is given.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to start after.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size from the end (before \`before\`); at most ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to end before.' })
  before?: string | null;
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A validated page request: how many rows, from which end, between which cursors. */
export interface PageWindow {
  size: number;
  fromEnd: boolean;
  after: unknown[] | null;
  before: unknown[] | null;
}

function checkSize(name: string, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(name, `must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`);
  }
}

/**
 * Cursors are opaque to clients: base64url of the sort signature and the sort values of the
 * row. The signature lets a cursor from another ordering be refused instead of misread.
 */
export function encodeCursor(signature: string, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify({ s: signature, v: values }), 'utf8').toString('base64url');
}

export function decodeCursor(argument: string, cursor: string, signature: string, length: number): unknown[] {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('charset');
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; v?: unknown };
    const ok =
      parsed.s === signature &&
      Array.isArray(parsed.v) &&
      parsed.v.length === length &&
      parsed.v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x));
    if (ok) return parsed.v as unknown[];
  } catch {
    // fall through to the user error
  }
  throw badInput(argument, 'is not a valid cursor for this list and order (use a cursor this list returned)');
}

export function pageWindow(args: PageRequest, signature: string, keyCount: number): PageWindow {
  checkSize('first', args.first);
  checkSize('last', args.last);
  if (args.first != null && args.last != null) throw badInput('last', 'cannot be combined with "first"; page forward with first/after or backward with last/before');
  const after = args.after != null ? decodeCursor('after', args.after, signature, keyCount) : null;
  const before = args.before != null ? decodeCursor('before', args.before, signature, keyCount) : null;
  const fromEnd = args.last != null;
  const size = (fromEnd ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  return { size, fromEnd, after, before };
}
