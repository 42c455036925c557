import { createHash, randomBytes, scrypt as scryptCallback, ScryptOptions, timingSafeEqual } from 'node:crypto';

const scrypt = (secret: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(secret, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))));

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const LENGTH = 32;

/** A new key: "pkb_<prefix>_<secret>"; the prefix finds the row, the secret proves possession. */
export function generateKey(): { key: string; prefix: string } {
  const prefix = randomBytes(6).toString('base64url');
  const secret = randomBytes(24).toString('base64url');
  return { key: `pkb_${prefix}_${secret}`, prefix };
}

/** The prefix of a well-formed key, or null. */
export function prefixOf(key: string): string | null {
  const m = /^pkb_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{32})$/.exec(key);
  return m ? m[1] : null;
}

/** Salted scrypt: slow on purpose, so a leaked table does not give the keys away. */
export async function hashKey(key: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(key, salt, LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Constant-time comparison of a presented key with a stored hash. */
export async function verifyKey(key: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(key, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A non-reversible fingerprint of a key, to cache verifications without keeping the key. */
export function fingerprint(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}
