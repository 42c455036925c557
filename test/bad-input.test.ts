import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

describe('bad input', () => {
  it('returns null or an empty list for unknown ids and slugs, never an error', async () => {
    const res = await t.gql(`{
      entity(slug: "no-such-entity") { id }
      byId: entity(id: "RW50aXR5Ojk5OTk5OTk") { id }
      wrongType: entity(id: "Q291bnRyeTpDTg") { id }
      action(slug: "nope") { id }
      list(slug: "nope") { id }
      authority(slug: "nope") { id }
      technologyCategory(slug: "nope") { id }
      country(code: "AQ") { code entities { totalCount } }
      node(id: "garbage!") { id }
      entities(filter: { technology: ["no-such-tech"], list: ["no-such-list"] }) { totalCount nodes { id } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      entity: null,
      byId: null,
      wrongType: null,
      action: null,
      list: null,
      authority: null,
      technologyCategory: null,
      country: { code: 'AQ', entities: { totalCount: 0 } },
      node: null,
      entities: { totalCount: 0, nodes: [] },
    });
  });

  it('rejects a malformed country code or date as BAD_USER_INPUT naming the argument, inline or as a variable', async () => {
    const inline = await t.gql('{ country(code: "ZZ") { name } }');
    expect(inline.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inline.errors?.[0]?.message).toContain('"code"');
    expect(inline.errors?.[0]?.message).toContain('ZZ');

    const nested = await t.gql('{ actions(filter: { occurredBetween: { from: "2019-02-30" } }) { totalCount } }');
    expect(nested.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nested.errors?.[0]?.message).toContain('"from"');

    const variable = await t.gql('query($d: Date) { list(slug: "us-entity-list") { entries(activeOn: $d) { totalCount } } }', { d: '01/01/2020' });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors?.[0]?.message).toContain('$d');
    expect(variable.data ?? null).toBeNull();
  });

  it('accepts lower-case country codes and answers in upper case', async () => {
    const res = await t.gql('{ country(code: "cn") { code name region } }');
    expect(res.data!.country).toEqual({ code: 'CN', name: 'China', region: 'Asia' });
  });

  it('loads the full ISO 3166-1 list as reference data', async () => {
    const res = await t.gql('{ countries { code } }');
    expect(res.data!.countries.length).toBeGreaterThanOrEqual(249);
    expect(res.data!.countries.map((c: any) => c.code)).toEqual(expect.arrayContaining(['CN', 'US', 'GB', 'XK', 'TW']));
  });

  it('never shows SQL or a stack trace when something unexpected fails', async () => {
    // Break the database under the running server: the next request hits an unexpected error.
    await t.server.orm.em.getConnection().execute('alter table "authority" rename to "authority_gone"');
    try {
      const res = await t.gql('{ authorities { slug } }');
      const error = res.errors?.[0];
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.extensions?.errorId).toMatch(/^[0-9a-f-]{36}$/);
      const text = JSON.stringify(res);
      expect(text).not.toMatch(/authority_gone|select|relation|stack|at [A-Za-z]+ \(/i);
    } finally {
      await t.server.orm.em.getConnection().execute('alter table "authority_gone" rename to "authority"');
    }
  });
});
