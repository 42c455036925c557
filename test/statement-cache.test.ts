import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPREPARED } from '../src/db/prepared-statements';
import { StatementCache } from '../src/db/statement-cache';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
let knex: Knex;
beforeAll(async () => {
  t = await startTestServer();
  knex = t.server.orm.em.getKnex();
});
afterAll(async () => {
  await t?.stop();
});

describe('StatementCache: statements compiled once per shape', () => {
  it('runs later values through the text compiled for the first, with the same rows as compiling each time', async () => {
    const cache = new StatementCache();
    let compiled = 0;
    const entitiesOf = (slots: readonly unknown[]) => {
      compiled++;
      return knex('entity').select('slug').whereIn('country_code', slots as string[]).whereNull('deleted_at').orderBy('slug').limit(5);
    };
    for (const codes of [['CN'], ['US'], ['RU']]) {
      const cached = await cache.rows(knex, 'entities-of-country', codes, entitiesOf);
      const fresh = (await knex('entity').select('slug').whereIn('country_code', codes).whereNull('deleted_at').orderBy('slug').limit(5)) as unknown[];
      expect(cached).toEqual(fresh);
    }
    expect(compiled).toBe(1);
  });

  it('a slot used twice takes its value in both places', async () => {
    const cache = new StatementCache();
    for (const n of [3, 7]) {
      const rows = await cache.rows(knex, 'twice', [n], ([v]) => knex.select(knex.raw('?::int as a', [v as number]), knex.raw('?::int * 2 as b', [v as number])));
      expect(rows).toEqual([{ a: n, b: 2 * n }]);
    }
  });

  it('does not cache a builder that transforms its values, or text with a question mark of its own: every run compiles', async () => {
    const cache = new StatementCache();
    let compiled = 0;
    const lower = (slots: readonly unknown[]) => {
      compiled++;
      return knex.select(knex.raw('? as v', [String(slots[0]).toLowerCase()]));
    };
    expect(await cache.rows(knex, 'lower', ['ABC'], lower)).toEqual([{ v: 'abc' }]);
    expect(await cache.rows(knex, 'lower', ['XYZ'], lower)).toEqual([{ v: 'xyz' }]);
    expect(compiled).toBe(3); // the attempt with placeholders, then one per run

    const question = (slots: readonly unknown[]) => knex.select(knex.raw(`'is it\\?' as q, ? as v`, [slots[0] as string]));
    expect(await cache.rows(knex, 'question', ['a'], question)).toEqual([{ q: 'is it?', v: 'a' }]);
    expect(await cache.rows(knex, 'question', ['b'], question)).toEqual([{ q: 'is it?', v: 'b' }]);
  });

  it('runs with the query options it is given, compiled or reused (a list planned on every run stays UNPREPARED)', async () => {
    const cache = new StatementCache();
    const seen: unknown[] = [];
    const listener = (q: { sql: string; options?: Record<string, unknown> }) => {
      if (q.sql.includes('options_probe')) seen.push(q.options?.[UNPREPARED]);
    };
    knex.on('query', listener);
    try {
      const probe = (slots: readonly unknown[]) => knex.select(knex.raw(`? as options_probe`, [slots[0] as string]));
      for (const v of ['a', 'b', 'c']) expect(await cache.rows(knex, 'options', [v], probe, { [UNPREPARED]: true })).toEqual([{ options_probe: v }]);
      const transformed = (slots: readonly unknown[]) => knex.select(knex.raw(`? as options_probe`, [String(slots[0]).toUpperCase()]));
      expect(await cache.rows(knex, 'options-uncached', ['d'], transformed, { [UNPREPARED]: true })).toEqual([{ options_probe: 'D' }]);
    } finally {
      knex.off('query', listener);
    }
    expect(seen).toEqual([true, true, true, true]);
  });

  it('an error the builder throws is thrown on every run; a builder that builds nothing gives null', () => {
    const cache = new StatementCache();
    const refuse = () => {
      throw new Error('first: must be between 0 and 100');
    };
    expect(() => cache.rows(knex, 'bad', [1], refuse)).toThrow('first: must be between 0 and 100');
    expect(() => cache.rows(knex, 'bad', [2], refuse)).toThrow('first: must be between 0 and 100');
    expect(cache.rows(knex, 'empty', [1], () => null)).toBeNull();
    expect(cache.rows(knex, 'empty', [2], () => null)).toBeNull();
  });
});
