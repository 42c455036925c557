import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from 'knex';
import { Loaders } from './loaders';

/** Who is calling; reads are open, so an anonymous caller is a READER. */
export interface Viewer {
  name: string | null;
  role: 'READER' | 'EDITOR' | 'ADMIN';
}

/** What every resolver gets: one EntityManager fork and one set of loaders per request. */
export interface Context {
  em: EntityManager;
  knex: Knex;
  loaders: Loaders;
  viewer: Viewer;
  /** Notes for the client that are not errors (e.g. a filter whose slugs all are unknown). */
  warnings: { field: string; message: string }[];
}

export function createContext(rootEm: EntityManager): Context {
  const em = rootEm.fork();
  const knex = em.getKnex();
  return { em, knex, loaders: new Loaders(em, knex), viewer: { name: null, role: 'READER' }, warnings: [] };
}
