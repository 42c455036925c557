import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPREPARED, usePreparedStatements } from '../src/db/prepared-statements';
import { startTestServer, TestServer } from './helpers/server';

/*
 * Repeated reads go to PostgreSQL as named (prepared) statements. A knex with one pooled
 * connection shows which statements that connection holds (pg_prepared_statements is per
 * session), and the real server must answer the same with and without them.
 */

let t: TestServer;
let knex: Knex;

beforeAll(async () => {
  t = await startTestServer();
  knex = knexFactory({ client: 'pg', connection: t.databaseUrl, pool: { min: 1, max: 1 } });
  usePreparedStatements(knex);
});
afterAll(async () => {
  await knex?.destroy();
  await t?.stop();
});

const prepared = async () =>
  ((await knex.raw(`select name, statement from pg_prepared_statements where name like 'pkb_%' and statement not like '%pg_prepared_statements%' order by statement`)).rows as { name: string; statement: string }[]);

describe('prepared statements', () => {
  it('names a read the second time it runs, and reuses the name', async () => {
    const read = () => knex('country').select('code').where('code', 'CN');
    expect(await read()).toEqual([{ code: 'CN' }]);
    expect(await prepared()).toEqual([]);
    expect(await read()).toEqual([{ code: 'CN' }]);
    expect(await read()).toEqual([{ code: 'CN' }]);
    const named = await prepared();
    expect(named).toHaveLength(1);
    expect(named[0].statement).toBe('select "code" from "country" where "code" = $1');
  });

  it('leaves writes and multi-statement texts unnamed', async () => {
    for (let i = 0; i < 3; i++) {
      await knex.raw(`update country set name = name where code = 'CN'`);
      await knex.raw(`select 1; select 2`);
    }
    expect((await prepared()).map((p) => p.statement)).not.toContainEqual(expect.stringContaining('update'));
    expect((await prepared()).map((p) => p.statement)).not.toContainEqual(expect.stringContaining('select 2'));
  });

  it('leaves a read marked UNPREPARED unnamed however often it runs', async () => {
    for (let i = 0; i < 3; i++) {
      const rows = await knex.raw(`select code from country where code = ? and 'unprepared' <> ''`, ['GB']).options({ [UNPREPARED]: true });
      expect(rows.rows).toEqual([{ code: 'GB' }]);
    }
    expect((await prepared()).map((p) => p.statement)).not.toContainEqual(expect.stringContaining('unprepared'));
  });

  it('retries unnamed when a migration changed the columns a prepared statement returns', async () => {
    await knex.raw('create table prepared_probe (id int)');
    await knex('prepared_probe').insert({ id: 1 });
    const read = () => knex('prepared_probe').select('*');
    await read();
    await read(); // now prepared on this connection
    await knex.raw('alter table prepared_probe add column label text');
    expect(await read()).toEqual([{ id: 1, label: null }]);
  });
});

describe('the server with and without prepared statements', () => {
  it('answers the same', async () => {
    const query = `{ entity(slug: "cn-hikvision") { name participations(first: 5) { totalCount nodes { role action { slug authority { name } } } } }
      timeline(granularity: YEAR) { total buckets { start count } } search(query: "dahua", first: 3) { score matched } }`;
    const plain = await startTestServer({ PREPARED_STATEMENTS: 'false' }, t);
    try {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await t.gql(query), await plain.gql(query));
      expect(answers[0].errors).toBeUndefined();
      expect(answers[0].data?.entity.participations.totalCount).toBeGreaterThan(0);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
    } finally {
      await plain.stop();
    }
  });
});
