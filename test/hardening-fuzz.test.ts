import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestServer } from './helpers/server';

/**
 * Fuzz: 10,000 generated operations against the running server over HTTP: random selections
 * of the introspected schema, arguments of the right and wrong types, huge numbers, deep
 * nesting, unicode, SQL and regex metacharacters, broken documents. No 5xx, no
 * INTERNAL_SERVER_ERROR, and every error carries extensions.code.
 */
const COUNT = 10_000;
const CONCURRENCY = 16;

let t: TestServer;
let schema: GraphQLSchema;
beforeAll(async () => {
  // Rate limiting off: the fuzzer spends far more than a client would. A lower cost limit
  // keeps the run short: expensive documents are refused before they run (the limit path).
  t = await startTestServer({ RATE_LIMIT_COST_PER_MINUTE: '0', MAX_QUERY_COST: '300' });
  const res = await t.gql<IntrospectionQuery>(getIntrospectionQuery());
  schema = buildClientSchema(res.data!);
});
afterAll(async () => {
  await t?.stop();
});

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const STRINGS = [
  '', 'cn-hikvision', 'us-entity-list', 'Hikvision', 'US', 'CN', 'zz', '2020-01-01', '1999-13-45', '9999-12-31', 'https://example.org/x',
  "'; drop table entity; --", "' or 1=1 --", '%', '_', '%_%', '\\', '\\\\%', '.*', '(a+)+$', '[[:alpha:]]', '^$|', '*', '?', '{1,2}',
  '海康威视', 'Хуавэй', '😀🏳️‍🌈', 'e\u0301', '\u202e', '\u0000', 'x'.repeat(600), '<script>alert(1)</script>', 'null', 'RW50aXR5OjE=', 'eyJzIjoiYSJ9',
];
const NUMBERS = [0, 1, -1, 5, 20, 100, 101, 1000, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308, 0.5, 3.14];

function wrongValue(r: Rng): unknown {
  return r.pick<unknown>([r.pick(STRINGS), r.pick(NUMBERS), true, false, null, [], {}, [r.pick(STRINGS)], { x: 1 }]);
}

function valueFor(type: GraphQLInputType, r: Rng, depth = 0): unknown {
  if (r.chance(0.08)) return wrongValue(r);
  if (isNonNullType(type)) return valueFor(type.ofType, r, depth);
  if (r.chance(0.05)) return null;
  if (isListType(type)) return Array.from({ length: r.int(depth > 2 ? 2 : 4) }, () => valueFor(type.ofType, r, depth + 1));
  if (isEnumType(type)) return r.chance(0.9) ? { enum: r.pick(type.getValues()).name } : { enum: 'NOT_A_VALUE' };
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || (depth < 3 && r.chance(0.3))) out[field.name] = valueFor(field.type, r, depth + 1);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return r.pick(NUMBERS.filter((n) => Number.isInteger(n)));
      case 'Float':
        return r.pick(NUMBERS);
      case 'Boolean':
        return r.chance(0.5);
      default:
        return r.pick(STRINGS);
    }
  }
  return null;
}

/** A GraphQL literal for a value (enums are tagged { enum }). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const o = value as Record<string, unknown>;
  if (typeof o.enum === 'string' && Object.keys(o).length === 1) return o.enum;
  return `{ ${Object.entries(o).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')} }`;
}

/** The same value as JSON variables (enums become their names). */
function json(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(json);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.enum === 'string' && Object.keys(o).length === 1) return o.enum;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, json(v)]));
  }
  return value;
}

interface Doc {
  query: string;
  variables: Record<string, unknown>;
}

function generate(seed: number): Doc {
  const r = rng(seed);
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const kind = r.int(100);
  if (kind < 3) return { query: Array.from({ length: r.int(80) }, () => r.pick(['{', '}', '(', ')', ':', '$', '...', 'query', 'a', '"', '#', '@', '!', '[', ']', '\n', '😀'])).join(' '), variables };
  if (kind < 5) return { query: `{ ${'entities { nodes { relations { entity { '.repeat(r.int(30))}name${' } } } }'.repeat(0)} }`, variables };

  const args = (field: GraphQLField<unknown, unknown>): string => {
    const chosen = field.args.filter((a) => isNonNullType(a.type) || r.chance(0.4));
    if (r.chance(0.03)) chosen.push({ name: 'notAnArgument', type: field.args[0]?.type ?? schema.getType('String') } as never);
    if (!chosen.length) return '';
    return `(${chosen
      .map((a) => {
        const value = valueFor(a.type, r);
        if (r.chance(0.3) && a.type) {
          const name = `v${definitions.length}`;
          definitions.push(`$${name}: ${String(a.type)}`);
          variables[name] = r.chance(0.1) ? wrongValue(r) : json(value);
          return `${a.name}: $${name}`;
        }
        return `${a.name}: ${literal(value)}`;
      })
      .join(', ')})`;
  };
  const select = (type: GraphQLNamedType, depth: number): string => {
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = schema.getPossibleTypes(type);
      const on = possible.length ? r.pick(possible) : null;
      return `{ __typename ${on ? `... on ${on.name} ${select(on, depth)}` : ''} }`;
    }
    if (!isObjectType(type)) return '';
    const fields = Object.values(type.getFields());
    const n = 1 + r.int(4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const field = r.pick(fields);
      const named = getNamedType(field.type);
      const composite = isObjectType(named) || isInterfaceType(named) || isUnionType(named);
      if (composite && depth > 5) continue;
      const alias = r.chance(0.1) ? `a${i}: ` : '';
      parts.push(`${alias}${field.name}${args(field)}${composite ? ` ${select(named, depth + 1)}` : ''}`);
    }
    if (!parts.length) parts.push('__typename');
    return `{ ${parts.join(' ')} }`;
  };
  const root = kind < 8 ? schema.getMutationType() ?? schema.getQueryType()! : schema.getQueryType()!;
  const body = select(root, 1);
  const op = root === schema.getQueryType() ? 'query' : 'mutation';
  return { query: `${op} Fuzz${seed}${definitions.length ? `(${definitions.join(', ')})` : ''} ${body}`, variables };
}

describe('fuzz', () => {
  it(`survives ${COUNT} generated operations: no 5xx, every error has a code`, async () => {
    const problems: string[] = [];
    const codes = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < COUNT) {
        const seed = next++;
        const doc = generate(seed);
        const response = await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(doc),
        });
        const text = await response.text();
        let body: { errors?: { message: string; extensions?: { code?: string } }[] };
        try {
          body = JSON.parse(text);
        } catch {
          problems.push(`seed ${seed}: status ${response.status}, not JSON: ${text.slice(0, 200)}`);
          continue;
        }
        if (response.status >= 500) problems.push(`seed ${seed}: status ${response.status}: ${text.slice(0, 300)}\n  ${doc.query.slice(0, 300)}`);
        for (const error of body.errors ?? []) {
          const code = error.extensions?.code;
          codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
          if (!code) problems.push(`seed ${seed}: error without a code: ${error.message}`);
          if (code === 'INTERNAL_SERVER_ERROR') problems.push(`seed ${seed}: INTERNAL_SERVER_ERROR\n  ${doc.query.slice(0, 400)}\n  ${JSON.stringify(doc.variables).slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.info(`fuzz: ${COUNT} operations; error codes: ${JSON.stringify(Object.fromEntries(codes))}`);
    expect(problems.slice(0, 20)).toEqual([]);
    // Still healthy afterwards.
    expect((await t.gql('{ entity(slug: "cn-hikvision") { name } }')).data).toEqual({ entity: { name: 'Hikvision' } });
  }, 180_000);
});
