import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDataChanged, referenceRows } from '../src/graphql/reference-data';
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
  });

});
