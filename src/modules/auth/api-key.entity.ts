import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from './role';

/**
 * An API key. Only a salted scrypt hash of the secret is stored; the key itself is shown
 * once, when it is created. `prefix` (public, random) finds the row without a table scan.
 */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ unique: true })
  name!: string;

  @Enum({ items: () => Role })
  role!: Role;

  @Property({ unique: true, length: 16 })
  prefix!: string;

  /** "scrypt$N$r$p$salt$hash", all base64url. */
  @Property({ type: 'text' })
  hash!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;
}
