import { ReferenceKind, type EntityClass } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES } from '../src/db/entities';
import { RowMapper } from '../src/graphql/row-mapper';
import { LegalEntity } from '../src/modules/entity/legal-entity.entity';
import { startTestServer, TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.stop());

/** A property's value in a comparable form: dates as ISO strings, references as their class and key. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && !Array.isArray(value) && value.constructor !== Object) {
    const key = (value as { id?: unknown; code?: unknown }).id ?? (value as { code?: unknown }).code;
    return { class: value.constructor.name, key };
  }
  return value;
}

describe('RowMapper (read path) against em.map (the ORM)', () => {
  const mapped = ENTITIES.filter((cls) => !['EntityTechnology', 'ApiKey'].includes(cls.name));
  for (const cls of mapped as EntityClass<object>[]) {
    it(`maps every ${cls.name} row of the seeded database to the same values`, async () => {
      const em = t.server.orm.em.fork();
      const meta = em.getMetadata().get(cls.name);
      const rows = (await em.getKnex()(meta.tableName).select('*').limit(500)) as Record<string, unknown>[];
      const mapper = new RowMapper(em.getMetadata(), em.getPlatform());
      const compared = meta.props.filter((p) => p.persist !== false && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE));
      for (const row of rows) {
        // Helper columns that queries add (parents, sort keys) must be ignored.
        const fast = mapper.map(cls, { ...row, __parent: 1, __s0: 'x' }) as Record<string, unknown>;
        const orm = em.map(cls, { ...row }) as Record<string, unknown>;
        expect(fast).toBeInstanceOf(cls);
        for (const p of compared) expect(comparable(fast[p.name]), `${cls.name}.${p.name}`).toEqual(comparable(orm[p.name]));
      }
      if (['LegalEntity', 'GovernmentAction', 'Participation', 'Country', 'Source'].includes(cls.name)) expect(rows.length).toBeGreaterThan(0);
    });
  }

  it('leaves unselected columns unset and keeps null references null', () => {
    const em = t.server.orm.em.fork();
    const mapper = new RowMapper(em.getMetadata(), em.getPlatform());
    const entity = mapper.map(LegalEntity, { id: 7, name: 'X', country_code: null }) as unknown as Record<string, unknown>;
    expect(entity.id).toBe(7);
    expect(entity.country).toBeNull();
    expect(entity.slug).toBeUndefined();
    expect(Object.keys(entity)).not.toContain('slug');
  });
});
