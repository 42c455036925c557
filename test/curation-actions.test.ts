import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { KeyedClient, keyedClient, tableCounts } from './helpers/keys';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
let client: KeyedClient;
const as: KeyedClient['as'] = (role, query, variables) => client.as(role, query, variables);

beforeAll(async () => {
  t = await startTestServer();
  client = await keyedClient(t, 'actions');
});
afterAll(async () => {
  await t?.stop();
});

const SOURCE = { kind: 'FEDERAL_REGISTER', url: 'https://www.federalregister.gov/d/2099-00001', title: 'Federal Register document 2099-00001' };
const CREATE = `mutation($input: ActionInput!) { createAction(input: $input) { action { id slug kind title version list { slug } authority { slug }
  targets { totalCount nodes { id grounds entity { slug } } } signatories { code } sources { url } } userErrors { field message code } } }`;

async function ids(): Promise<Record<string, string>> {
  const res = await as(null, '{ hik: entity(slug: "cn-hikvision") { id } dahua: entity(slug: "cn-dahua") { id } rule: action(slug: "bis-el-2019-10-xinjiang-28") { id } }');
  return { hik: res.body.data.hik.id, dahua: res.body.data.dahua.id, rule: res.body.data.rule.id };
}

describe('action mutations', () => {
  it('records a new Entity List rule the morning it is published, and the listing appears at once', async () => {
    const { hik, dahua } = await ids();
    const input = {
      kind: 'LISTING',
      title: 'Addition of Entities to the Entity List (test)',
      authority: 'us-bis',
      list: 'us-entity-list',
      occurredOn: '2099-01-15',
      effectiveOn: '2099-01-15',
      citation: '199 FR 1234',
      tags: ['test'],
      participants: [
        { role: 'TARGET', entity: hik, grounds: 'test grounds', licensePolicy: 'presumption of denial' },
        { role: 'TARGET', entity: dahua },
        { role: 'SUBJECT', country: 'CN' },
      ],
      sources: [SOURCE],
    };
    const res = await as(Role.EDITOR, CREATE, { input });
    expect(res.body.errors).toBeUndefined();
    const { action, userErrors } = res.body.data.createAction;
    expect(userErrors).toEqual([]);
    expect(action).toMatchObject({ kind: 'LISTING', version: 1, list: { slug: 'us-entity-list' }, authority: { slug: 'us-bis' }, targets: { totalCount: 2 }, sources: [{ url: SOURCE.url }] });
    expect(action.slug).toBe('2099-01-15-addition-of-entities-to-the-entity-list-test');
    const listed = await as(null, '{ entity(slug: "cn-dahua") { listings(activeOn: "2099-02-01") { since list { slug } addedBy { citation } } } }');
    // Dahua stays on since 2019; the new rule re-lists an entity already listed, so no new period opens.
    const entityList = listed.body.data.entity.listings.filter((l: any) => l.list.slug === 'us-entity-list');
    expect(entityList).toEqual([{ since: '2019-10-09', list: { slug: 'us-entity-list' }, addedBy: { citation: '84 FR 54002' } }]);
    const found = await as(null, '{ search(query: "199 FR 1234", types: [ACTION]) { matched } }');
    expect(found.body.data.search[0].matched).toBe('citation: 199 FR 1234');

    // Update: replace participants, add a source; version moves, history records both.
    const updated = await as(Role.EDITOR, 'mutation($id: ID!, $input: ActionInput!) { updateAction(id: $id, expectedVersion: 1, input: $input) { action { version title targets { totalCount } } userErrors { code field message } } }', {
      id: action.id,
      input: { title: 'Addition of Entities to the Entity List (corrected)', participants: [{ role: 'TARGET', entity: hik, grounds: 'corrected grounds' }] },
    });
    expect(updated.body.data.updateAction).toEqual({ action: { version: 2, title: 'Addition of Entities to the Entity List (corrected)', targets: { totalCount: 1 } }, userErrors: [] });
    const stale = await as(Role.EDITOR, 'mutation($id: ID!) { updateAction(id: $id, expectedVersion: 1, input: { title: "x" }) { userErrors { code } } }', { id: action.id });
    expect(stale.body.data.updateAction.userErrors[0].code).toBe('CONFLICT');

    const history = await as(null, 'query($id: ID!) { history(id: $id) { nodes { operation actor changes } } }', { id: action.id });
    const [last, first] = history.body.data.history.nodes;
    expect(last.operation).toBe('update');
    expect(last.actor).toBe('actions-editor');
    const changes = JSON.parse(last.changes);
    expect(changes.title).toEqual(['Addition of Entities to the Entity List (test)', 'Addition of Entities to the Entity List (corrected)']);
    expect(changes.participants[0].length).toBe(3);
    expect(changes.participants[1].length).toBe(1);
    expect(first.operation).toBe('create');
  });

  it('adds and removes participants, relates actions, deletes and restores', async () => {
    const { hik, rule } = await ids();
    const created = await as(Role.EDITOR, CREATE, {
      input: { kind: 'STATEMENT', title: 'Test statement', authority: 'us-state', occurredOn: '2099-03-01', sources: [SOURCE] },
    });
    const action = created.body.data.createAction.action;
    const added = await as(Role.EDITOR, 'mutation($a: ID!, $p: [ParticipantInput!]!) { addParticipants(actionId: $a, participants: $p) { action { version participants { totalCount nodes { id role country { code } entity { slug } } } } userErrors { code field } } }', {
      a: action.id,
      p: [{ role: 'SUBJECT', country: 'CN' }, { role: 'SUBJECT', entity: hik }],
    });
    expect(added.body.data.addParticipants.userErrors).toEqual([]);
    expect(added.body.data.addParticipants.action.participants.totalCount).toBe(2);
    expect(added.body.data.addParticipants.action.version).toBe(2);
    const twice = await as(Role.EDITOR, 'mutation($a: ID!, $p: [ParticipantInput!]!) { addParticipants(actionId: $a, participants: $p) { userErrors { code } } }', { a: action.id, p: [{ role: 'SUBJECT', country: 'CN' }] });
    expect(twice.body.data.addParticipants.userErrors[0].code).toBe('CONFLICT');
    const cn = added.body.data.addParticipants.action.participants.nodes.find((p: any) => p.country?.code === 'CN');
    const removed = await as(Role.EDITOR, 'mutation($p: ID!) { removeParticipant(participationId: $p) { action { participants { totalCount } concerns { code } } userErrors { code } } }', { p: cn.id });
    expect(removed.body.data.removeParticipant).toEqual({ action: { participants: { totalCount: 1 }, concerns: [] }, userErrors: [] });

    const related = await as(Role.EDITOR, 'mutation($f: ID!, $t: ID!) { relateActions(fromId: $f, toId: $t, kind: RESPONDS_TO) { action { related { kind action { slug } } } userErrors { code } } }', { f: action.id, t: rule });
    expect(related.body.data.relateActions.action.related).toEqual([{ kind: 'RESPONDS_TO', action: { slug: 'bis-el-2019-10-xinjiang-28' } }]);
    const other = await as(null, '{ action(slug: "bis-el-2019-10-xinjiang-28") { related(kind: [RESPONDED_TO_BY]) { action { title } } } }');
    expect(other.body.data.action.related).toEqual([{ action: { title: 'Test statement' } }]);

    const del = await as(Role.ADMIN, 'mutation($id: ID!) { deleteAction(id: $id, reason: "duplicate") { deletedId userErrors { code } } }', { id: action.id });
    expect(del.body.data.deleteAction).toEqual({ deletedId: action.id, userErrors: [] });
    expect((await as(null, 'query($id: ID!) { node(id: $id) { id } }', { id: action.id })).body.data.node).toBeNull();
    const restored = await as(Role.EDITOR, 'mutation($id: ID!) { restoreAction(id: $id) { action { title } userErrors { code } } }', { id: action.id });
    expect(restored.body.data.restoreAction).toEqual({ action: { title: 'Test statement' }, userErrors: [] });
  });

  it('answers every invalid input with userErrors naming the field and leaves the database unchanged', async () => {
    const { hik } = await ids();
    const before = await tableCounts(t);
    const base = { kind: 'STATEMENT', title: 'Bad', authority: 'us-state', occurredOn: '2099-01-01', sources: [SOURCE] };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...base, sources: [] }, ['input', 'sources']],
      [{ ...base, title: undefined }, ['input', 'title']],
      [{ ...base, authority: 'nope' }, ['input', 'authority']],
      [{ ...base, kind: 'LISTING', participants: [{ role: 'TARGET', entity: hik }] }, ['input', 'list']],
      [{ ...base, kind: 'LISTING', list: 'us-entity-list', participants: [{ role: 'SUBJECT', country: 'CN' }] }, ['input', 'participants']],
      [{ ...base, participants: [{ role: 'TARGET', entity: hik, country: 'CN' }] }, ['input', 'participants', '0']],
      [{ ...base, participants: [{ role: 'TARGET' }] }, ['input', 'participants', '0']],
      [{ ...base, participants: [{ role: 'TARGET', entity: 'RW50aXR5Ojk5OTk5' }] }, ['input', 'participants', '0', 'entity']],
      [{ ...base, announcedOn: '2099-02-01' }, ['input', 'announcedOn']],
      [{ ...base, endedOn: '2098-01-01' }, ['input', 'endedOn']],
      [{ ...base, grounds: 'x'.repeat(20001) }, ['input', 'grounds']],
      [{ ...base, title: 'x'.repeat(501) }, ['input', 'title']],
      [{ ...base, slug: 'bis-el-2019-10-xinjiang-28' }, ['input', 'slug']],
      [{ ...base, participants: Array.from({ length: 1001 }, () => ({ role: 'SUBJECT', country: 'CN' })) }, ['input', 'participants']],
    ];
    for (const [input, field] of cases) {
      const res = await as(Role.EDITOR, CREATE, { input });
      expect(res.body.errors, JSON.stringify(field)).toBeUndefined();
      expect(res.body.data.createAction.action, JSON.stringify(field)).toBeNull();
      expect(res.body.data.createAction.userErrors.map((e: any) => e.field), JSON.stringify(field)).toContainEqual(field);
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses writes without an editor key', async () => {
    const anonymous = await as(null, CREATE, { input: { kind: 'STATEMENT', title: 'x', authority: 'us-state', occurredOn: '2099-01-01', sources: [SOURCE] } });
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await as(Role.READER, 'mutation { deleteAction(id: "x") { deletedId } }');
    expect(reader.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
