import { badInput } from './errors';

/** The GraphQL types that have global ids, with the type of their database key. */
export const NODE_TYPES = {
  Entity: 'int',
  GovernmentAction: 'int',
  Participation: 'int',
  Country: 'code',
  TechnologyCategory: 'int',
  Authority: 'int',
  SanctionsList: 'int',
  Source: 'int',
  Revision: 'int',
} as const;
export type NodeTypeName = keyof typeof NODE_TYPES;

export interface DecodedId<K extends string | number = string | number> {
  type: NodeTypeName;
  key: K;
}

/** Opaque, URL-safe global id: base64url("Type:key"). */
export function toGlobalId(type: NodeTypeName, key: string | number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** Decodes a global id; returns null for anything that is not one of ours. */
export function decodeGlobalId(id: string): DecodedId | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const type = text.slice(0, colon) as NodeTypeName;
  const raw = text.slice(colon + 1);
  const keyKind = NODE_TYPES[type];
  if (!keyKind) return null;
  if (keyKind === 'int') {
    if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2147483647) return null;
    return { type, key: Number(raw) };
  }
  return /^[A-Z]{2}$/.test(raw) ? { type, key: raw } : null;
}

/**
 * The numeric key of a global id that must be of `type`. A malformed id, or one of another
 * type, is a user error naming the argument; use it where a wrong id cannot mean "not found".
 */
export function requireIntId(id: string, type: NodeTypeName, argument: string): number {
  const decoded = decodeGlobalId(id);
  if (!decoded || decoded.type !== type) throw badInput(argument, `is not a valid ${type} id: "${id}"`);
  return decoded.key as number;
}

/** Keys of the ids that decode to `type`; others are dropped (they cannot match anything). */
export function intKeysOfType(ids: readonly string[], type: NodeTypeName): number[] {
  const keys: number[] = [];
  for (const id of ids) {
    const decoded = decodeGlobalId(id);
    if (decoded && decoded.type === type) keys.push(decoded.key as number);
  }
  return keys;
}
