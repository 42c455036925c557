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
 * A request's context. The EntityManager is forked when a resolver first asks for `em` (writes,
 * auth): reads go through `knex` and the loaders, and a fork costs more than the rest of a
 * small request's set-up (MikroORM re-syncs its configuration, which writes process.env, twice
 * per fork, and builds a unit of work and an identity map). The getter lives on the prototype,
 * and its state in plain fields, because Apollo copies every context with
 * `Object.assign(Object.create(prototype), context)`, which would call an own getter.
 */
class RequestContext implements Context {
  warnings: Context['warnings'] = [];
  /** The request's fork of rootEm, once asked for. */
  private forked: EntityManager | undefined = undefined;

  constructor(
    private readonly rootEm: EntityManager,
    /** Reads and the fork go to the primary. */
    private readonly primary: boolean,
    public knex: Knex,
    public loaders: Loaders,
    public viewer: Viewer,
    public events: DomainEvents,
  ) {}

  get em(): EntityManager {
    if (!this.forked) {
      this.forked = this.rootEm.fork();
      if (this.primary) pinToPrimary(this.forked);
    }
    return this.forked;
  }

  set em(em: EntityManager) {
    this.forked = em;
  }
}

/**
 * `knex` reads from a read replica when DATABASE_REPLICA_URLS names some (db/read.ts), else from
 * the primary. `primary: true` pins the request to the primary (subscriptions re-read what a
 * commit just announced); a context made from a pinned EntityManager stays pinned.
 */
export function createContext(rootEm: EntityManager, options: { viewer?: Viewer; events?: DomainEvents; primary?: boolean } = {}): Context {
  const primary = Boolean(options.primary) || readsFromPrimary(rootEm);
  const knex = readKnex(rootEm, primary);
  // The loaders read only metadata through their EntityManager: the root one serves.
  return new RequestContext(rootEm, primary, knex, new Loaders(rootEm, knex), options.viewer ?? ANONYMOUS, options.events ?? NO_EVENTS);
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
