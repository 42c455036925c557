import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDataChanged, referenceRows, referenceRowsNow } from '../src/graphql/reference-data';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ RESPONSE_CACHE_TTL_SECONDS: '0' });
});
afterAll(async () => t?.stop());

describe('reference tables read once per pool', () => {
  it('keeps the rows until a write in this process, then reads them again', async () => {
    const knex = t.server.orm.em.getKnex();
    const name = async () => (await referenceRows(knex, 'authority', 'slug')).get('us-bis')?.name;
    expect(await name()).toBe('Bureau of Industry and Security');
    // A change behind the process's back is not seen at once...
    await knex('authority').where({ slug: 'us-bis' }).update({ name: 'BIS (renamed by SQL)' });
    expect(await name()).toBe('Bureau of Industry and Security');
    // ...but a committed write through this process drops the kept rows.
    referenceDataChanged();
    expect(await name()).toBe('BIS (renamed by SQL)');
    await knex('authority').where({ slug: 'us-bis' }).update({ name: 'Bureau of Industry and Security' });
    referenceDataChanged();
  });

  it('fields pointing into a reference table answer from the rows in memory, and see a write through this process at once', async () => {
    const knex = t.server.orm.em.getKnex();
    referenceDataChanged();
    expect(referenceRowsNow(knex, 'country', 'code')).toBeNull(); // dropped: the next reader waits for a fresh read
    const query = '{ entities(first: 3, filter: { country: ["CN"] }) { nodes { country { code name } } } actions(first: 2) { nodes { authority { slug name } } } }';
    const first = await t.gql(query);
    expect(first.errors).toBeUndefined();
    expect(referenceRowsNow(knex, 'country', 'code')?.get('CN')).toMatchObject({ name: 'China' });
    const second = await t.gql(query); // answered from the rows in memory, without a promise per row
    expect(second.data).toEqual(first.data);
    expect(second.data!.entities.nodes[0].country).toEqual({ code: 'CN', name: 'China' });

    await knex('country').where({ code: 'CN' }).update({ name: 'China (renamed)' });
    referenceDataChanged();
    expect(referenceRowsNow(knex, 'country', 'code')).toBeNull();
    const renamed = await t.gql(query);
    expect(renamed.data!.entities.nodes[0].country).toEqual({ code: 'CN', name: 'China (renamed)' });
    await knex('country').where({ code: 'CN' }).update({ name: 'China' });
    referenceDataChanged();
  });

});
