import fs from 'node:fs';
import path from 'node:path';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

/*
 * The server executes through graphql-jit (COMPILED_EXECUTOR, default on). graphql-js is the
 * reference: the same requests against two servers on one database, one per executor, must
 * get the same status, the same data and the same errors (error ids aside).
 */

let compiled: TestServer;
let reference: TestServer;
beforeAll(async () => {
  // No response cache: each server must answer by executing.
  compiled = await startTestServer({ COMPILED_EXECUTOR: 'true', RESPONSE_CACHE_TTL_SECONDS: '0' });
  reference = await startTestServer({ COMPILED_EXECUTOR: 'false', RESPONSE_CACHE_TTL_SECONDS: '0' }, compiled);
});
afterAll(async () => {
  await reference?.stop();
  await compiled?.stop();
});

interface Request {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** Status and body, with the per-request error ids taken out of messages and extensions. */
async function answer(server: TestServer, request: Request): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const text = (await response.text()).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
  return { status: response.status, body: JSON.parse(text) };
}

async function expectSameAnswers(request: Request): Promise<unknown> {
  const [jit, js] = await Promise.all([answer(compiled, request), answer(reference, request)]);
  expect(jit, JSON.stringify(request).slice(0, 200)).toEqual(js);
  return jit.body;
}

const EXAMPLES = path.resolve(__dirname, '../docs/queries');

describe('the compiled executor', () => {
  it('answers every documented example operation as graphql-js does', async () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const op = parse(source).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      // Examples whose variables have no default get one from the seed data's known records.
      const variables: Record<string, unknown> = {};
      for (const v of op.variableDefinitions ?? []) {
        if (v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue) variables[v.variable.name.value] = v.variable.name.value === 'slug' ? 'cn-hikvision' : undefined;
      }
      await expectSameAnswers({ query: source, operationName: op.name?.value, variables });
    }
  });

  it('answers lists, totals, unions, interfaces, fragments and directives as graphql-js does', async () => {
    const body = (await expectSameAnswers({
      query: `query($slug: String!, $withAliases: Boolean!, $first: Int = 3) {
        entity(slug: $slug) {
          ...EntityBits
          aliases @include(if: $withAliases)
          participations(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { role action { slug occurredOn authority { name } } } } }
        }
        entities(first: 2, filter: { country: ["CN"] }) { totalCount nodes { id __typename } }
        search(query: "hikvison", first: 4) { score node { __typename ... on Entity { slug } ... on Country { code } } }
        node(id: "RW50aXR5OjE") { __typename id ... on Entity { slug } }
      }
      fragment EntityBits on Entity { id slug name kind country { code name } }`,
      variables: { slug: 'cn-hikvision', withAliases: true },
    })) as { data: { entity: { participations: { totalCount: number } }; entities: { totalCount: number } } };
    // A real answer, not two identical errors: the lazy totals resolved to numbers.
    expect(body.data.entity.participations.totalCount).toBeGreaterThan(0);
    expect(body.data.entities.totalCount).toBeGreaterThan(0);
  });

  it('reports bad variables, resolver errors and missing records as graphql-js does', async () => {
    const cases: Request[] = [
      // A variable of the wrong type: BAD_USER_INPUT naming the variable.
      { query: 'query($n: Int) { entities(first: $n) { totalCount } }', variables: { n: 'ten' } },
      // A missing required variable.
      { query: 'query($slug: String!) { entity(slug: $slug) { name } }', variables: {} },
      // A non-null variable with a default, not sent: the default applies.
      { query: 'query($slug: String! = "cn-hikvision") { entity(slug: $slug) { name } }' },
      // A domain error thrown by a resolver (a malformed country code), with its code and path.
      { query: '{ country(code: "ZZ") { name } }' },
      { query: 'query($d: Date) { list(slug: "us-entity-list") { entries(activeOn: $d) { totalCount } } }', variables: { d: '01/01/2020' } },
      // An argument out of range, and an unknown record.
      { query: '{ search(query: "x", first: 1000) { score } }' },
      { query: '{ entity(slug: "no-such-entity") { name } }' },
      // Two operations, one picked by name.
      { query: 'query A { countries { code } } query B { authorities { slug } }', operationName: 'B' },
    ];
    for (const request of cases) await expectSameAnswers(request);
    const { body } = await answer(compiled, cases[0]);
    expect(body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    // An error thrown by a resolver keeps its path, location and code.
    const thrown = await answer(compiled, cases[5]);
    expect(thrown.body).toMatchObject({ errors: [{ path: ['search'], locations: [{ line: 1, column: 3 }], extensions: { code: 'BAD_USER_INPUT', argument: 'first' } }] });
  });
});
