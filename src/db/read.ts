import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from 'knex';

/**
 * Read replicas (DATABASE_REPLICA_URLS): the one place that decides where a read goes.
 *
 * policy-kb reads almost everything with raw SQL (knex builders and DataLoaders over the
 * request's `ctx.knex`), which MikroORM would always send to the primary. The ORM is set up with
 * `preferReadReplicas: false`, so nothing goes to a replica unless it asks here: auth, seeding,
 * bulk import and every write keep reading from the primary, where they see what they write.
 *
 * A replica lags the primary, so an EntityManager that is in a transaction, or whose request
 * has written (a mutation: its own payload must show its write), or that re-reads what a commit
 * just announced (subscriptions), is pinned to the primary. With no replicas configured, MikroORM
 * answers 'read' with the primary connection itself: everything reads exactly as before.
 */
const pinned = new WeakSet<EntityManager>();

/** From now on this EntityManager reads from the primary (it wrote, or must see the latest commit). */
export function pinToPrimary(em: EntityManager): void {
  pinned.add(em);
}

/** True when reads through `em` must see the primary's latest state. */
export function readsFromPrimary(em: EntityManager): boolean {
  return em.isInTransaction() || pinned.has(em);
}

/** The connection for a read-only statement: a random replica when there are some, else the primary. */
export function readConnection(em: EntityManager): ReturnType<EntityManager['getConnection']> {
  return em.getConnection(readsFromPrimary(em) ? 'write' : 'read');
}

/** readConnection's knex, for query builders; `primary` sends the reads to the primary whatever `em` is. */
export function readKnex(em: EntityManager, primary = readsFromPrimary(em)): Knex {
  return em.getConnection(primary ? 'write' : 'read').getKnex();
}

/**
 * The replica connections, in DATABASE_REPLICA_URLS order (for start-up checks and /readyz).
 * MikroORM keeps them in a protected field of the driver and only hands out a random one.
 */
export function replicaConnections(orm: MikroORM): readonly ReturnType<EntityManager['getConnection']>[] {
  const replicas = (orm.em.getDriver() as unknown as { replicas?: unknown }).replicas;
  return Array.isArray(replicas) ? (replicas as ReturnType<EntityManager['getConnection']>[]) : [];
}
