import 'reflect-metadata';
import { type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { callFieldResolversDirectly } from '../src/graphql/direct-field-resolvers';
import { getSchema } from '../src/graphql/schema';
import type { GroupedActionCounts } from '../src/modules/analysis/stats.service';
import { ActionStats } from '../src/modules/analysis/stats.types';

// The server's own answers through these fields are checked by every API test; here, which
// fields are called directly and that a root of another class still reaches type-graphql.
describe('field resolvers called directly', () => {
  it('are the ones taking only root, context and info', async () => {
    const schema = await getSchema();
    const direct = callFieldResolversDirectly(schema);
    expect(direct).toEqual(expect.arrayContaining(['Entity.country', 'Participation.action', 'GovernmentAction.authority', 'ActionStats.total']));
    // Fields with arguments keep type-graphql's handler, which converts and checks them.
    expect(direct).not.toContain('Entity.participations');
    expect(direct).not.toContain('Entity.relations');
  });

  it('answer the same for an instance of the root class and for a plain object type-graphql converts', async () => {
    const schema = await getSchema();
    const total = (schema.getType('ActionStats') as GraphQLObjectType).getFields().total.resolve!;
    const counts = Promise.resolve({ total: 7, facets: new Map() } as GroupedActionCounts);
    const instance = Object.assign(new ActionStats(null, new Set()), { grouped: counts });
    const plain = { filter: null, asked: new Set(), grouped: counts };
    const info = {} as GraphQLResolveInfo;
    expect(await total(instance, {}, {}, info)).toBe(7);
    expect(await total(plain, {}, {}, info)).toBe(7);
  });
});
