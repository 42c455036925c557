import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { KeyedClient, keyedClient, tableCounts } from './helpers/keys';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
let client: KeyedClient;
let keys: Record<Role, string>;
const as: KeyedClient['as'] = (role, query, variables) => client.as(role, query, variables);
const counts = () => tableCounts(t);

beforeAll(async () => {
  t = await startTestServer();
  client = await keyedClient(t);
  keys = client.keys;
});
afterAll(async () => {
  await t?.stop();
});

const SOURCE = { kind: 'NEWS', url: 'https://example.org/acme-vision', title: 'Acme Vision profile' };
const CREATE = `mutation($input: EntityInput!) { createEntity(input: $input) { entity { id slug name version aliases country { code } technologies { slug } sources { url } } userErrors { field message code } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: EntityInput!) { updateEntity(id: $id, expectedVersion: $v, input: $input) { entity { id name version aliases } userErrors { field message code } } }`;

describe('authorisation', () => {
  it('refuses mutations without a key (UNAUTHENTICATED), with a reader key (FORBIDDEN) and with a bad key (401)', async () => {
    const input = { kind: 'COMPANY', name: 'Nobody Ltd', sources: [SOURCE] };
    const anonymous = await as(null, CREATE, { input });
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await as(Role.READER, CREATE, { input });
    expect(reader.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer pkb_AAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const viewer = await as(Role.EDITOR, '{ viewer { name role } }');
    expect(viewer.body.data.viewer).toEqual({ name: 'test-editor', role: 'EDITOR' });
    expect((await as(null, '{ viewer { name role } }')).body.data.viewer).toEqual({ name: null, role: 'READER' });
  });

  it('stores only a hash of each key', async () => {
    const rows = await t.server.orm.em.getConnection().execute<{ hash: string; prefix: string }[]>('select hash, prefix from api_key');
    for (const row of rows) {
      expect(row.hash.startsWith('scrypt$')).toBe(true);
      // pkb_<8-character prefix>_<32-character secret>; base64url may itself contain "_".
      for (const key of Object.values(keys)) expect(row.hash).not.toContain(key.slice(-32));
    }
  });
});

describe('entity mutations', () => {
  it('creates, updates with version checks, deletes and restores, with a field-level history', async () => {
    const created = await as(Role.EDITOR, CREATE, {
      input: { kind: 'COMPANY', name: 'Acme Vision', country: 'CN', aliases: ['Acme Vision Co., Ltd.'], technologies: ['video-surveillance'], sources: [SOURCE] },
    });
    expect(created.body.errors).toBeUndefined();
    const entity = created.body.data.createEntity.entity;
    expect(created.body.data.createEntity.userErrors).toEqual([]);
    expect(entity).toMatchObject({ slug: 'cn-acme-vision', name: 'Acme Vision', version: 1, country: { code: 'CN' }, technologies: [{ slug: 'video-surveillance' }], sources: [{ url: SOURCE.url }] });

    const updated = await as(Role.EDITOR, UPDATE, { id: entity.id, v: 1, input: { name: 'Acme Vision Group', aliases: ['Acme'] } });
    expect(updated.body.data.updateEntity).toMatchObject({ entity: { name: 'Acme Vision Group', version: 2, aliases: ['Acme'] }, userErrors: [] });

    const stale = await as(Role.EDITOR, UPDATE, { id: entity.id, v: 1, input: { name: 'Lost update' } });
    expect(stale.body.data.updateEntity.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['expectedVersion'] })]);
    expect(stale.body.data.updateEntity.userErrors[0].message).toContain('version 2');

    const del = await as(Role.EDITOR, 'mutation($id: ID!) { deleteEntity(id: $id, reason: "test") { deletedId userErrors { code } } }', { id: entity.id });
    expect(del.body.data.deleteEntity).toEqual({ deletedId: entity.id, userErrors: [] });
    expect((await as(null, 'query($id: ID) { entity(id: $id) { id } }', { id: entity.id })).body.data.entity).toBeNull();
    const listed = await as(null, 'query($ids: [ID!]) { hidden: entities(filter: { ids: $ids }) { totalCount } shown: entities(filter: { ids: $ids, includeDeleted: true }) { totalCount } }', { ids: [entity.id] });
    expect(listed.body.data).toEqual({ hidden: { totalCount: 0 }, shown: { totalCount: 1 } });
    const restored = await as(Role.EDITOR, 'mutation($id: ID!) { restoreEntity(id: $id) { entity { name } userErrors { code } } }', { id: entity.id });
    expect(restored.body.data.restoreEntity).toEqual({ entity: { name: 'Acme Vision Group' }, userErrors: [] });

    const history = await as(null, 'query($id: ID!) { history(id: $id, first: 10) { totalCount nodes { actor operation changes } } }', { id: entity.id });
    const nodes = history.body.data.history.nodes;
    expect(nodes.map((n: any) => n.operation)).toEqual(['restore', 'delete', 'update', 'create']);
    expect(nodes.every((n: any) => n.actor === 'test-editor')).toBe(true);
    expect(JSON.parse(nodes[2].changes).name).toEqual(['Acme Vision', 'Acme Vision Group']);
    expect(JSON.parse(nodes[3].changes).technologies).toEqual([null, ['video-surveillance']]);
  });

  it('exactly one of two concurrent updates with the same version wins', async () => {
    const created = await as(Role.EDITOR, CREATE, { input: { kind: 'COMPANY', name: 'Race Condition Corp', sources: [SOURCE] } });
    const { id } = created.body.data.createEntity.entity;
    const results = await Promise.all(
      ['First Writer', 'Second Writer', 'Third Writer'].map((name) => as(Role.EDITOR, UPDATE, { id, v: 1, input: { name } })),
    );
    const winners = results.filter((r) => r.body.data.updateEntity.userErrors.length === 0);
    const losers = results.filter((r) => r.body.data.updateEntity.userErrors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(2);
    for (const l of losers) expect(l.body.data.updateEntity.userErrors[0].code).toBe('CONFLICT');
    const now = await as(null, 'query($id: ID) { entity(id: $id) { name version } }', { id });
    expect(now.body.data.entity).toEqual({ name: winners[0].body.data.updateEntity.entity.name, version: 2 });
  });

  it('answers bad input with userErrors naming the field and changes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ kind: 'COMPANY', name: 'No Sources Ltd' }, ['input', 'sources']],
      [{ name: 'No Kind Ltd', sources: [SOURCE] }, ['input', 'kind']],
      [{ kind: 'COMPANY', name: 'x'.repeat(501), sources: [SOURCE] }, ['input', 'name']],
      [{ kind: 'COMPANY', name: 'Many', aliases: Array.from({ length: 1001 }, (_, i) => `a${i}`), sources: [SOURCE] }, ['input', 'aliases']],
      [{ kind: 'COMPANY', name: 'Bad Tech', technologies: ['no-such-tech'], sources: [SOURCE] }, ['input', 'technologies', '0']],
      [{ kind: 'COMPANY', name: 'Taken', slug: 'cn-hikvision', sources: [SOURCE] }, ['input', 'slug']],
      [{ kind: 'COMPANY', name: 'Bad Slug', slug: 'Not A Slug', sources: [SOURCE] }, ['input', 'slug']],
      [{ kind: 'COMPANY', name: 'Long Text', description: 'x'.repeat(20001), sources: [{ ...SOURCE, url: 'https://example.org/new-source' }] }, ['input', 'description']],
    ];
    for (const [input, field] of cases) {
      const res = await as(Role.EDITOR, CREATE, { input });
      expect(res.body.errors, JSON.stringify(field)).toBeUndefined();
      expect(res.body.data.createEntity.entity).toBeNull();
      expect(res.body.data.createEntity.userErrors.map((e: any) => e.field)).toContainEqual(field);
    }
    const badUrl = await as(Role.EDITOR, CREATE, { input: { kind: 'COMPANY', name: 'Ftp', sources: [{ ...SOURCE, url: 'ftp://example.org/x' }] } });
    expect(badUrl.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknownId = await as(Role.EDITOR, UPDATE, { id: 'RW50aXR5Ojk5OTk5', v: 1, input: { name: 'x' } });
    expect(unknownId.body.data.updateEntity.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['id'] });
    expect(await counts()).toEqual(before);
  });

  it('relates entities once, readable from both ends', async () => {
    const ids = (await as(null, '{ a: entity(slug: "cn-sensenets") { id } b: entity(slug: "cn-netposa") { id } c: entity(slug: "cn-megvii") { id } }')).body.data;
    const relate = 'mutation($f: ID!, $t: ID!) { relateEntities(fromId: $f, toId: $t, kind: SUPPLIER_OF, since: "2018-01-01") { entity { relations(kind: [SUPPLIER_OF]) { kind entity { slug } since } } userErrors { code field } } }';
    const first = await as(Role.EDITOR, relate, { f: ids.c.id, t: ids.b.id });
    expect(first.body.data.relateEntities.entity.relations).toEqual([{ kind: 'SUPPLIER_OF', entity: { slug: 'cn-netposa' }, since: '2018-01-01' }]);
    const again = await as(Role.EDITOR, relate, { f: ids.c.id, t: ids.b.id });
    expect(again.body.data.relateEntities.userErrors[0].code).toBe('CONFLICT');
    const other = await as(null, '{ entity(slug: "cn-netposa") { relations(kind: [CUSTOMER_OF]) { entity { slug } } } }');
    expect(other.body.data.entity.relations).toEqual([{ entity: { slug: 'cn-megvii' } }]);
  });

  it('merges a duplicate: every link moves to keep, and the old id and slug still resolve', async () => {
    const created = await as(Role.EDITOR, CREATE, {
      input: { kind: 'COMPANY', name: 'Hangzhou Hikvision Dup', slug: 'cn-hikvision-dup', aliases: ['HIKVISION DUP'], identifiers: [{ scheme: 'SZSE', value: '002415' }], technologies: ['computer-vision'], sources: [{ ...SOURCE, url: 'https://example.org/hik-dup' }] },
    });
    const dup = created.body.data.createEntity.entity;
    const keep = (await as(null, '{ entity(slug: "cn-hikvision") { id version participations { totalCount } relations { kind } sources { url } } }')).body.data.entity;
    // Give the duplicate a participation and a relation of its own to move.
    await t.server.orm.em.getConnection().execute(
      `insert into participation (action_id, role, entity_id, grounds) select a.id, 'SUBJECT', e.id, 'test' from government_action a, entity e where a.slug = 'law-us-uflpa-2021' and e.slug = 'cn-hikvision-dup'`,
    );
    const psb = (await as(null, '{ entity(slug: "cn-xuar-psb") { id } }')).body.data.entity.id;
    await as(Role.EDITOR, 'mutation($f: ID!, $t: ID!) { relateEntities(fromId: $f, toId: $t, kind: SUPPLIER_OF) { userErrors { code } } }', { f: dup.id, t: psb });

    const merged = await as(Role.EDITOR, 'mutation($k: ID!, $d: ID!) { mergeEntities(keepId: $k, duplicateId: $d) { entity { id aliases identifiers { scheme value } technologies { slug } sources { url } participations(first: 100) { totalCount nodes { role action { slug } } } relations { kind entity { slug } } } userErrors { code message } } }', { k: keep.id, d: dup.id });
    expect(merged.body.data.mergeEntities.userErrors).toEqual([]);
    const e = merged.body.data.mergeEntities.entity;
    expect(e.aliases).toEqual(expect.arrayContaining(['Hangzhou Hikvision Dup', 'HIKVISION DUP']));
    expect(e.identifiers).toContainEqual({ scheme: 'SZSE', value: '002415' });
    expect(e.technologies.map((x: any) => x.slug)).toContain('computer-vision');
    expect(e.sources.map((x: any) => x.url)).toContain('https://example.org/hik-dup');
    expect(e.participations.totalCount).toBe(keep.participations.totalCount + 1);
    expect(e.participations.nodes).toContainEqual({ role: 'SUBJECT', action: { slug: 'law-us-uflpa-2021' } });
    expect(e.relations).toContainEqual({ kind: 'SUPPLIER_OF', entity: { slug: 'cn-xuar-psb' } });

    const byOld = await as(null, 'query($id: ID!) { byId: entity(id: $id) { id } bySlug: entity(slug: "cn-hikvision-dup") { id } node(id: $id) { id } }', { id: dup.id });
    expect(byOld.body.data).toEqual({ byId: { id: keep.id }, bySlug: { id: keep.id }, node: { id: keep.id } });
    const history = await as(null, 'query($id: ID!) { history(id: $id) { nodes { operation changes } } }', { id: keep.id });
    expect(history.body.data.history.nodes[0].operation).toBe('merge');
    expect(JSON.parse(history.body.data.history.nodes[0].changes).mergedFrom).toEqual([null, 'cn-hikvision-dup']);
  });
});
