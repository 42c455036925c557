import type { Knex } from 'knex';

/**
 * Ids of the rows whose slug is given and of all their descendants, in a self-referencing
 * table (technology_category, authority): "artificial-intelligence" also means
 * "facial-recognition".
 */
export function descendantIds(knex: Knex, table: 'technology_category' | 'authority', slugs: readonly string[]): Knex.QueryBuilder {
  // A raw subquery; knex's typings only accept builders in whereIn, so it is typed as one.
  return knex.raw(
    `(with recursive tree(id) as (
        select id from ?? where slug = any(?) and deleted_at is null
        union
        select c.id from ?? c join tree on c.parent_id = tree.id where c.deleted_at is null
      ) select id from tree)`,
    [table, [...slugs], table],
  ) as unknown as Knex.QueryBuilder;
}

/** (root, id) pairs: each given row id with itself and every descendant. */
export function rootDescendantPairs(knex: Knex, table: 'technology_category' | 'authority', rootIds: readonly number[]): Knex.Raw {
  return knex.raw(
    `(with recursive tree(root, id) as (
        select id, id from ?? where id = any(?)
        union
        select tree.root, c.id from ?? c join tree on c.parent_id = tree.id where c.deleted_at is null
      ) select root, id from tree)`,
    [table, [...rootIds], table],
  );
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Exact sort values for timestamps: JS Dates drop PostgreSQL's microseconds. */
export function epochOf(column: string): string {
  return `extract(epoch from ${column})`;
}

/**
 * Narrows `listing_period lp` to the periods in force on `date`: begun on or before it and not
 * yet ended (a period ends on the day of its DELISTING). The one definition of "listed on".
 */
export function inForceOn<Q extends Knex.QueryBuilder>(q: Q, date: string): Q {
  return q.where('lp.since', '<=', date).andWhere((w) => w.whereNull('lp.until').orWhere('lp.until', '>', date)) as Q;
}
