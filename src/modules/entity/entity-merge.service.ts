import type { EntityManager } from '@mikro-orm/postgresql';
import { UserInputProblem } from '../../graphql/user-errors';
import { diff, recordRevision } from '../audit/audit';
import { Participation } from '../action/participation.entity';
import { EntityRedirect } from './entity-redirect.entity';
import { EntityRelation } from './entity-relation.entity';
import { loadEntity, snapshotEntity } from './entity-write.service';
import { LegalEntity } from './legal-entity.entity';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Folds `duplicateId` into `keepId`: participations, relations, aliases (with the duplicate's
 * name), identifiers, addresses, technologies and sources move over; the duplicate is
 * soft-deleted and its id and slug redirect to keep. Returns the actions whose participants
 * changed, for subscribers.
 */
export async function mergeEntities(em: EntityManager, actor: string, keepId: number, duplicateId: number): Promise<{ entity: LegalEntity; actionIds: number[] }> {
  if (keepId === duplicateId) throw UserInputProblem.of(['duplicateId'], 'an entity cannot be merged into itself');
  const keep = await loadEntity(em, keepId, ['keepId']);
  const duplicate = await loadEntity(em, duplicateId, ['duplicateId']);
  if (keep.deletedAt) throw UserInputProblem.of(['keepId'], 'the entity to keep is deleted; restore it first', 'CONFLICT');
  if (duplicate.deletedAt) throw UserInputProblem.of(['duplicateId'], 'the duplicate is deleted already', 'CONFLICT');
  const before = snapshotEntity(keep);

  const actionIds = new Set<number>();
  for (const p of await em.find(Participation, { entity: duplicate })) {
    actionIds.add(p.action.id);
    // keep already named in the same role by the same action: one participation is enough.
    const twin = await em.findOne(Participation, { action: p.action, role: p.role, entity: keep });
    if (twin) em.remove(p);
    else p.entity = keep;
  }
  for (const r of await em.find(EntityRelation, { $or: [{ from: duplicate }, { to: duplicate }] }, { populate: ['sources'] })) {
    const from = r.from.id === duplicate.id ? keep : r.from;
    const to = r.to.id === duplicate.id ? keep : r.to;
    const exists = from.id === to.id || (await em.count(EntityRelation, { from, to, kind: r.kind, id: { $ne: r.id } }));
    if (exists) em.remove(r);
    else Object.assign(r, { from, to });
  }
  keep.aliases = [...new Set([...keep.aliases, duplicate.name, ...duplicate.aliases])].filter((a) => a !== keep.name);
  for (const x of duplicate.identifiers) if (!keep.identifiers.some((y) => sameJson(x, y))) keep.identifiers = [...keep.identifiers, x];
  for (const x of duplicate.addresses) if (!keep.addresses.some((y) => sameJson(x, y))) keep.addresses = [...keep.addresses, x];
  for (const t of duplicate.technologies) if (!keep.technologies.contains(t)) keep.technologies.add(t);
  for (const s of duplicate.sources) if (!keep.sources.contains(s)) keep.sources.add(s);
  keep.updatedAt = new Date();

  duplicate.deletedAt = new Date();
  // Earlier merges into the duplicate now lead to keep as well.
  await em.nativeUpdate(EntityRedirect, { to: duplicate }, { to: keep });
  em.persist(Object.assign(new EntityRedirect(), { fromId: duplicate.id, fromSlug: duplicate.slug, to: keep }));
  await em.flush();

  recordRevision(em, actor, 'merge', 'Entity', keep.id, { ...diff(before, snapshotEntity(keep)), mergedFrom: [null, duplicate.slug] });
  recordRevision(em, actor, 'merge', 'Entity', duplicate.id, { deletedAt: [null, duplicate.deletedAt.toISOString()], mergedInto: [null, keep.slug] });
  await em.flush();
  return { entity: keep, actionIds: [...actionIds] };
}
