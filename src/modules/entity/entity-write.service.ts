import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeGlobalId, toGlobalId } from '../../graphql/global-id';
import { userError, UserError, UserInputProblem, validateInput } from '../../graphql/user-errors';
import { diff, recordRevision, Snapshot } from '../audit/audit';
import { Country } from '../country/country.entity';
import { normalizeText } from '../search/normalize';
import { upsertSources } from '../source/source-upsert';
import { TechnologyCategory } from '../technology/technology.entity';
import { EntityInput } from './entity-input';
import { EntityRelationKind } from './entity-kinds';
import { EntityRedirect } from './entity-redirect.entity';
import { EntityRelation } from './entity-relation.entity';
import { AddressValue } from './entity-values';
import { LegalEntity } from './legal-entity.entity';

/** What the audit trail records of an entity (collections as slugs and URLs). */
export function snapshotEntity(e: LegalEntity): Snapshot {
  return {
    slug: e.slug,
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    country: e.country?.code ?? null,
    addresses: e.addresses,
    identifiers: e.identifiers,
    description: e.description ?? null,
    website: e.website ?? null,
    verified: e.verified,
    note: e.note ?? null,
    technologies: e.technologies.isInitialized() ? e.technologies.getItems().map((t) => t.slug).sort() : undefined,
    sources: e.sources.isInitialized() ? e.sources.getItems().map((s) => s.url).sort() : undefined,
    deletedAt: e.deletedAt?.toISOString() ?? null,
  };
}

/**
 * The database id behind a global id, following merge redirects; a UserInputProblem names
 * `field` when the id is malformed, of another type or unknown.
 */
export async function resolveEntityId(em: EntityManager, id: string, field: string[]): Promise<number> {
  const decoded = decodeGlobalId(id);
  if (!decoded || decoded.type !== 'Entity') throw UserInputProblem.of(field, `"${id}" is not an Entity id`);
  const redirect = await em.findOne(EntityRedirect, { fromId: decoded.key as number });
  return redirect ? redirect.to.id : (decoded.key as number);
}

/** An entity to change, with its collections loaded; NOT_FOUND as a user error. */
export async function loadEntity(em: EntityManager, id: number, field: string[]): Promise<LegalEntity> {
  const entity = await em.findOne(LegalEntity, { id }, { populate: ['technologies', 'sources'] });
  if (!entity) throw UserInputProblem.of(field, `no entity with id ${toGlobalId('Entity', id)}`, 'NOT_FOUND');
  return entity;
}

function slugify(text: string): string {
  return normalizeText(text).replace(/ /g, '-').slice(0, 80).replace(/-+$/, '') || 'entity';
}

async function uniqueSlug(em: EntityManager, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = (await em.count(LegalEntity, { slug: candidate })) + (await em.count(EntityRedirect, { fromSlug: candidate }));
    if (!taken) return candidate;
  }
}

function fullAddress(a: { street?: string | null; city?: string | null; region?: string | null; postalCode?: string | null; country?: string | null; full?: string | null }): string {
  return a.full?.trim() || [a.street, a.city, a.region, a.postalCode, a.country].filter((p) => p && p.trim()).join(', ');
}

/** Applies the given fields of an input to an entity; collects every problem before failing. */
async function applyInput(em: EntityManager, actor: string, entity: LegalEntity, input: EntityInput, creating: boolean): Promise<void> {
  const errors: UserError[] = await validateInput(input, 'input');
  if (creating) {
    if (!input.kind) errors.push(userError(['input', 'kind'], 'kind is required to create an entity'));
    if (!input.name?.trim()) errors.push(userError(['input', 'name'], 'name is required to create an entity'));
    if (!input.sources?.length) errors.push(userError(['input', 'sources'], 'cite at least one source: every entity says where its facts come from'));
  } else {
    if (input.kind === null) errors.push(userError(['input', 'kind'], 'kind cannot be removed'));
    if (input.name === null || (input.name !== undefined && !input.name.trim())) errors.push(userError(['input', 'name'], 'name cannot be empty'));
  }
  if (input.slug && input.slug !== entity.slug) {
    const taken = (await em.count(LegalEntity, { slug: input.slug })) + (await em.count(EntityRedirect, { fromSlug: input.slug }));
    if (taken) errors.push(userError(['input', 'slug'], `the slug "${input.slug}" is taken`, 'CONFLICT'));
  }
  let technologies: TechnologyCategory[] | undefined;
  if (input.technologies) {
    technologies = await em.find(TechnologyCategory, { slug: { $in: input.technologies }, deletedAt: null });
    const known = new Set(technologies.map((t) => t.slug));
    input.technologies.forEach((slug, i) => {
      if (!known.has(slug)) errors.push(userError(['input', 'technologies', i], `no technology category "${slug}"`));
    });
  }
  input.addresses?.forEach((a, i) => {
    if (!fullAddress(a)) errors.push(userError(['input', 'addresses', i], 'an address needs `full` or at least one part'));
  });
  if (errors.length) throw new UserInputProblem(errors);

  if (input.slug) entity.slug = input.slug;
  if (input.kind) entity.kind = input.kind;
  if (input.name) entity.name = input.name.trim();
  if (input.aliases) entity.aliases = [...new Set(input.aliases.map((a) => a.trim()).filter(Boolean))];
  if (input.country !== undefined) entity.country = input.country ? await em.findOneOrFail(Country, { code: input.country }) : null;
  if (input.addresses) {
    entity.addresses = input.addresses.map((a): AddressValue => ({
      street: a.street ?? null,
      city: a.city ?? null,
      region: a.region ?? null,
      postalCode: a.postalCode ?? null,
      country: a.country ?? null,
      full: fullAddress(a),
    }));
  }
  if (input.identifiers) entity.identifiers = input.identifiers.map((x) => ({ scheme: x.scheme, value: x.value }));
  if (input.description !== undefined) entity.description = input.description;
  if (input.website !== undefined) entity.website = input.website;
  if (technologies) entity.technologies.set(technologies);
  if (input.sources?.length) {
    for (const source of await upsertSources(em, actor, input.sources)) if (!entity.sources.contains(source)) entity.sources.add(source);
  }
  if (creating && !entity.slug) {
    entity.slug = await uniqueSlug(em, slugify(`${input.country ?? ''} ${input.name}`));
  }
}

export async function createEntity(em: EntityManager, actor: string, input: EntityInput): Promise<LegalEntity> {
  const entity = new LegalEntity();
  await applyInput(em, actor, entity, input, true);
  em.persist(entity);
  await em.flush();
  recordRevision(em, actor, 'create', 'Entity', entity.id, diff({}, snapshotEntity(entity)));
  await em.flush();
  return entity;
}

export async function updateEntity(em: EntityManager, actor: string, id: number, expectedVersion: number, input: EntityInput): Promise<LegalEntity> {
  const entity = await loadEntity(em, id, ['id']);
  if (entity.deletedAt) throw UserInputProblem.of(['id'], 'the entity is deleted; restore it before changing it', 'CONFLICT');
  if (entity.version !== expectedVersion) {
    throw UserInputProblem.of(['expectedVersion'], `expected version ${expectedVersion}, but the entity is at version ${entity.version}: read it again and retry`, 'CONFLICT');
  }
  const before = snapshotEntity(entity);
  await applyInput(em, actor, entity, input, false);
  const changes = diff(before, snapshotEntity(entity));
  if (!Object.keys(changes).length) return entity;
  // Collections live in pivot tables: when only they changed, touch the row so the version moves.
  if (Object.keys(changes).every((k) => k === 'technologies' || k === 'sources')) entity.updatedAt = new Date();
  await em.flush();
  recordRevision(em, actor, 'update', 'Entity', entity.id, changes);
  await em.flush();
  return entity;
}

export async function setEntityDeleted(em: EntityManager, actor: string, id: number, deleted: boolean, reason?: string | null): Promise<LegalEntity> {
  const entity = await loadEntity(em, id, ['id']);
  if (Boolean(entity.deletedAt) === deleted) {
    throw UserInputProblem.of(['id'], deleted ? 'the entity is deleted already' : 'the entity is not deleted', 'CONFLICT');
  }
  const before = entity.deletedAt?.toISOString() ?? null;
  entity.deletedAt = deleted ? new Date() : null;
  await em.flush();
  const changes: Record<string, [unknown, unknown]> = { deletedAt: [before, entity.deletedAt?.toISOString() ?? null] };
  if (reason) changes.reason = [null, reason];
  recordRevision(em, actor, deleted ? 'delete' : 'restore', 'Entity', entity.id, changes);
  await em.flush();
  return entity;
}

export async function relateEntities(
  em: EntityManager,
  actor: string,
  fromId: number,
  toId: number,
  kind: EntityRelationKind,
  since: string | null,
  until: string | null,
): Promise<LegalEntity> {
  if (fromId === toId) throw UserInputProblem.of(['toId'], 'an entity cannot be related to itself');
  if (since && until && since > until) throw UserInputProblem.of(['until'], `until (${until}) is before since (${since})`);
  const from = await loadEntity(em, fromId, ['fromId']);
  const to = await loadEntity(em, toId, ['toId']);
  if (await em.count(EntityRelation, { from, to, kind })) throw UserInputProblem.of(['kind'], `the relation ${kind} exists already`, 'CONFLICT');
  const relation = Object.assign(new EntityRelation(), { from, to, kind, since, until });
  em.persist(relation);
  await em.flush();
  recordRevision(em, actor, 'relate', 'Entity', from.id, { [`relation:${kind}`]: [null, { entity: to.slug, since, until }] });
  await em.flush();
  return from;
}
