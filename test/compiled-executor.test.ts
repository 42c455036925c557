import fs from 'node:fs';
import path from 'node:path';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledRuns } from '../src/graphql/compiled-executor';
import { startTestServer, TestServer } from './helpers/server';

/*
 * The server executes through graphql-jit (COMPILED_EXECUTOR, default on) from a document's
 * second run (its first runs through graphql-js). graphql-js is the reference: the same
 * requests against two servers on one database, one per executor, must get the same status,
 * the same data and the same errors (error ids aside), on the first run and the compiled ones.
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

/**
 * The compiled server's first run (graphql-js), then two more (compiled), each equal to
 * graphql-js's answer. Returns the body and how many of the runs executed compiled code.
 */
async function expectSameAnswers(request: Request): Promise<{ body: unknown; compiledRuns: number }> {
  const js = await answer(reference, request);
  const before = compiledRuns.count;
  for (let run = 1; run <= 3; run++) {
    expect(await answer(compiled, request), `run ${run}: ${JSON.stringify(request).slice(0, 200)}`).toEqual(js);
  }
  return { body: js.body, compiledRuns: compiledRuns.count - before };
}

it('compiles a document on its second run, not its first', async () => {
  const request = { query: '{ countries { code } authorities { slug } }' };
  const before = compiledRuns.count;
  await answer(compiled, request);
  expect(compiledRuns.count).toBe(before);
  await answer(compiled, request);
  await answer(compiled, request);
  expect(compiledRuns.count).toBe(before + 2);
});

const EXAMPLES = path.resolve(__dirname, '../docs/queries');

describe('the compiled executor', () => {
  it('answers every documented example operation as graphql-js does', async () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(5);
    let compiledCount = 0;
    let answered = 0;
    for (const file of files) {
      const source = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const op = parse(source).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      // Examples whose variables have no default get one from the seed data's known records.
      const variables: Record<string, unknown> = {};
      for (const v of op.variableDefinitions ?? []) {
        if (v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue) variables[v.variable.name.value] = v.variable.name.value === 'slug' ? 'cn-hikvision' : undefined;
      }
      const { body, compiledRuns: runs } = await expectSameAnswers({ query: source, operationName: op.name?.value, variables });
      compiledCount += runs;
      if (!(body as { errors?: unknown }).errors) answered++;
    }
    // Every example that ran (all but one whose ids must be looked up first) was compiled from its second run.
    expect(answered).toBeGreaterThanOrEqual(files.length - 1);
    expect(compiledCount).toBe(2 * answered);
  });

  it('answers lists, totals, unions, interfaces, fragments and directives as graphql-js does', async () => {
    const { body, compiledRuns: runs } = (await expectSameAnswers({
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
    })) as { body: { data: { entity: { participations: { totalCount: number } }; entities: { totalCount: number } } }; compiledRuns: number };
    expect(runs).toBe(2);
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
