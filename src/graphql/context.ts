import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from 'knex';
import { pinToPrimary, readKnex, readsFromPrimary } from '../db/read';
import { DomainEvents, NO_EVENTS } from '../modules/subscriptions/events';
import { Loaders } from './loaders';

/** Who is calling: the API key's name and role; anonymous callers are READERs. */
export interface Viewer {
  name: string | null;
  role: 'READER' | 'EDITOR' | 'ADMIN';
}

export const ANONYMOUS: Viewer = Object.freeze({ name: null, role: 'READER' });

/** What every resolver gets: one EntityManager fork and one set of loaders per request. */
export interface Context {
  em: EntityManager;
  knex: Knex;
  loaders: Loaders;
  viewer: Viewer;
  /** Notes for the client that are not errors (e.g. a filter whose slugs all are unknown). */
  warnings: { field: string; message: string }[];
  /** Announces committed changes (subscriptions). */
  events: DomainEvents;
}

/**
 * `knex` reads from a read replica when DATABASE_REPLICA_URLS names some (db/read.ts), else from
 * the primary. `primary: true` pins the request to the primary (subscriptions re-read what a
 * commit just announced); a context made from a pinned EntityManager stays pinned.
 */
export function createContext(rootEm: EntityManager, options: { viewer?: Viewer; events?: DomainEvents; primary?: boolean } = {}): Context {
  const em = rootEm.fork();
  if (options.primary || readsFromPrimary(rootEm)) pinToPrimary(em);
  const knex = readKnex(em);
  return { em, knex, loaders: new Loaders(em, knex), viewer: options.viewer ?? ANONYMOUS, warnings: [], events: options.events ?? NO_EVENTS };
}

/**
 * The request is about to write: from now on it reads from the primary, so a mutation's payload
 * (and anything after it in the same request) shows the write instead of a lagging replica's
 * copy. Without replicas `knex` is the primary already and nothing changes.
 */
export function readOwnWrites(ctx: Context): void {
  pinToPrimary(ctx.em);
  const primary = ctx.em.getKnex('write');
  if (ctx.knex === primary) return;
  ctx.knex = primary;
  // Fresh loaders: the old ones hold the replica's knex in their batch functions and caches.
  ctx.loaders = new Loaders(ctx.em, primary);
}
