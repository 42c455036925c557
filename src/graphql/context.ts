import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from 'knex';
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

export function createContext(rootEm: EntityManager, options: { viewer?: Viewer; events?: DomainEvents } = {}): Context {
  const em = rootEm.fork();
  const knex = em.getKnex();
  return { em, knex, loaders: new Loaders(em, knex), viewer: options.viewer ?? ANONYMOUS, warnings: [], events: options.events ?? NO_EVENTS };
}
