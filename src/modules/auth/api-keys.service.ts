import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError } from '../../graphql/errors';
import type { Viewer } from '../../graphql/context';
import { Role } from './role';
import { ApiKey } from './api-key.entity';
import { fingerprint, generateKey, hashKey, prefixOf, verifyKey } from './key-hash';

export interface KeySummary {
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const summary = (k: ApiKey): KeySummary => ({
  name: k.name,
  role: k.role,
  prefix: k.prefix,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt ?? null,
  lastUsedAt: k.lastUsedAt ?? null,
});

/** Creates a key and returns it: the only time the secret is ever shown. */
export async function createKey(em: EntityManager, name: string, role: Role): Promise<{ key: string; summary: KeySummary }> {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) throw new Error('key name must be 1-100 letters, digits, ".", "_" or "-"');
  if (await em.findOne(ApiKey, { name })) throw new Error(`a key named "${name}" exists already`);
  const { key, prefix } = generateKey();
  const record = em.create(ApiKey, { name, role, prefix, hash: await hashKey(key), createdAt: new Date() });
  await em.persistAndFlush(record);
  return { key, summary: summary(record) };
}

export async function listKeys(em: EntityManager): Promise<KeySummary[]> {
  return (await em.find(ApiKey, {}, { orderBy: { name: 'asc' } })).map(summary);
}

export async function revokeKey(em: EntityManager, name: string): Promise<boolean> {
  const record = await em.findOne(ApiKey, { name, revokedAt: null });
  if (!record) return false;
  record.revokedAt = new Date();
  await em.flush();
  return true;
}

const CACHE_MS = 60_000;

/**
 * Turns an Authorization header into a viewer. Verified keys are cached for a minute by
 * fingerprint (scrypt is slow on purpose), so a revoked key stops working within a minute.
 */
export class KeyAuthenticator {
  private readonly cache = new Map<string, { viewer: Viewer; until: number }>();

  constructor(private readonly rootEm: EntityManager) {}

  async viewerFor(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw domainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <API key>"');
    const key = m[1];
    const id = fingerprint(key);
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.viewer;
    const prefix = prefixOf(key);
    const em = this.rootEm.fork();
    const record = prefix ? await em.findOne(ApiKey, { prefix, revokedAt: null }) : null;
    if (!record || !(await verifyKey(key, record.hash))) {
      this.cache.delete(id);
      throw domainError('UNAUTHENTICATED', 'The API key is not valid (unknown, mistyped or revoked)');
    }
    await em.nativeUpdate(ApiKey, { id: record.id }, { lastUsedAt: new Date() });
    const viewer: Viewer = { name: record.name, role: record.role };
    this.cache.set(id, { viewer, until: Date.now() + CACHE_MS });
    return viewer;
  }
}
