import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeGlobalId, toGlobalId } from '../../graphql/global-id';
import { userError, UserError, UserInputProblem, validateInput } from '../../graphql/user-errors';
import { diff, recordRevision, Snapshot } from '../audit/audit';
import { Authority } from '../authority/authority.entity';
import { Country } from '../country/country.entity';
import { EntityRedirect } from '../entity/entity-redirect.entity';
import { LegalEntity } from '../entity/legal-entity.entity';
import { SanctionsList } from '../listing/sanctions-list.entity';
import { normalizeText } from '../search/normalize';
import { upsertSources } from '../source/source-upsert';
import { ActionInput, ParticipantInput } from './action-input';
import { ActionKind, ActionRelationKind, LIST_ACTION_KINDS, ParticipantRole } from './action-kinds';
import { ActionRelation } from './action-relation.entity';
import { GovernmentAction } from './government-action.entity';
import { Participation } from './participation.entity';

type Path = (string | number)[];

/** Snapshot fields kept in other tables than government_action. */
const COLLECTION_FIELDS = new Set(['participants', 'sources']);

const participantLabel = (p: Participation) => `${p.role}:${p.entity ? `entity ${p.entity.id}` : `country ${p.country?.code}`}`;

/** What the audit trail records of an action (participants as "ROLE:entity id" / "ROLE:country CN"). */
export async function snapshotAction(em: EntityManager, a: GovernmentAction): Promise<Snapshot> {
  const participants = await em.find(Participation, { action: a, deletedAt: null });
  return {
    slug: a.slug,
    kind: a.kind,
    title: a.title,
    summary: a.summary ?? null,
    authority: a.authority.id,
    list: a.list?.id ?? null,
    occurredOn: a.occurredOn,
    announcedOn: a.announcedOn ?? null,
    publishedOn: a.publishedOn ?? null,
    effectiveOn: a.effectiveOn ?? null,
    endedOn: a.endedOn ?? null,
    citation: a.citation ?? null,
    documentNumber: a.documentNumber ?? null,
    grounds: a.grounds ?? null,
    tags: a.tags,
    sources: a.sources.isInitialized() ? a.sources.getItems().map((s) => s.url).sort() : undefined,
    participants: participants.map(participantLabel).sort(),
    deletedAt: a.deletedAt?.toISOString() ?? null,
  };
}

export async function resolveActionId(id: string, field: Path): Promise<number> {
  const decoded = decodeGlobalId(id);
  if (!decoded || decoded.type !== 'GovernmentAction') throw UserInputProblem.of(field, `"${id}" is not a GovernmentAction id`);
  return decoded.key as number;
}

export async function loadAction(em: EntityManager, id: number, field: Path): Promise<GovernmentAction> {
  const action = await em.findOne(GovernmentAction, { id }, { populate: ['sources'] });
  if (!action) throw UserInputProblem.of(field, `no action with id ${toGlobalId('GovernmentAction', id)}`, 'NOT_FOUND');
  return action;
}

interface ResolvedParticipant {
  input: ParticipantInput;
  entity: LegalEntity | null;
  country: Country | null;
}

/** Checks participants (exactly one of entity/country, both exist, no repeats) and resolves them. */
async function resolveParticipants(em: EntityManager, inputs: readonly ParticipantInput[], path: Path, errors: UserError[]): Promise<ResolvedParticipant[]> {
  const resolved: ResolvedParticipant[] = [];
  const seen = new Set<string>();
  for (const [i, p] of inputs.entries()) {
    const here = [...path, i];
    if (Boolean(p.entity) === Boolean(p.country)) {
      errors.push(userError(here, 'a participant names exactly one of entity or country'));
      continue;
    }
    let entity: LegalEntity | null = null;
    let country: Country | null = null;
    if (p.entity) {
      const decoded = decodeGlobalId(p.entity);
      let id = decoded?.type === 'Entity' ? (decoded.key as number) : null;
      if (id !== null) id = (await em.findOne(EntityRedirect, { fromId: id }))?.to.id ?? id;
      entity = id !== null ? await em.findOne(LegalEntity, { id, deletedAt: null }) : null;
      if (!entity) {
        errors.push(userError([...here, 'entity'], `no entity with id "${p.entity}"`, 'NOT_FOUND'));
        continue;
      }
    } else {
      country = await em.findOne(Country, { code: p.country as string });
    }
    const key = `${p.role}:${entity ? `e${entity.id}` : `c${country?.code}`}`;
    if (seen.has(key)) errors.push(userError(here, `the same participant is named twice in the role ${p.role}`));
    seen.add(key);
    resolved.push({ input: p, entity, country });
  }
  return resolved;
}

function participantDetails(p: ParticipantInput) {
  return {
    grounds: p.grounds ?? null,
    nameAsListed: p.nameAsListed ?? null,
    addressAsListed: p.addressAsListed ?? null,
    licenseRequirement: p.licenseRequirement ?? null,
    licensePolicy: p.licensePolicy ?? null,
    note: p.note ?? null,
  };
}

/** Adds participants, reviving a soft-deleted twin instead of violating the unique key. */
async function addResolved(em: EntityManager, action: GovernmentAction, participants: ResolvedParticipant[]): Promise<void> {
  for (const { input, entity, country } of participants) {
    const twin = await em.findOne(Participation, { action, role: input.role, ...(entity ? { entity } : { country }) });
    if (twin && !twin.deletedAt) throw UserInputProblem.of(['participants'], `${participantLabel(twin)} is already a participant`, 'CONFLICT');
    const participation = twin ?? Object.assign(new Participation(), { action, role: input.role, entity, country });
    Object.assign(participation, participantDetails(input), { deletedAt: null });
    em.persist(participation);
  }
  await em.flush();
}

/** Domain rules on the action as it will be: dates in order, a list for list kinds, a target for listings. */
async function checkAction(em: EntityManager, action: GovernmentAction, errors: UserError[]): Promise<void> {
  if (LIST_ACTION_KINDS.includes(action.kind) && !action.list) errors.push(userError(['input', 'list'], `a ${action.kind} action must name the list it changes`));
  if (action.announcedOn && action.occurredOn && action.announcedOn > action.occurredOn) {
    errors.push(userError(['input', 'announcedOn'], `announcedOn (${action.announcedOn}) is after occurredOn (${action.occurredOn})`));
  }
  for (const field of ['occurredOn', 'effectiveOn'] as const) {
    const start = action[field];
    if (action.endedOn && start && action.endedOn < start) errors.push(userError(['input', 'endedOn'], `endedOn (${action.endedOn}) is before ${field} (${start})`));
  }
  if (action.kind === ActionKind.LISTING) {
    const targets = action.id ? await em.count(Participation, { action, role: ParticipantRole.TARGET, entity: { $ne: null }, deletedAt: null }) : 0;
    if (!targets) errors.push(userError(['input', 'participants'], 'a LISTING needs at least one TARGET entity'));
  }
}

async function applyInput(em: EntityManager, actor: string, action: GovernmentAction, input: ActionInput, creating: boolean): Promise<void> {
  const errors = await validateInput(input, 'input');
  if (creating) {
    for (const field of ['kind', 'title', 'authority', 'occurredOn'] as const) if (!input[field]) errors.push(userError(['input', field], `${field} is required to create an action`));
    if (!input.sources?.length) errors.push(userError(['input', 'sources'], 'cite at least one source: every action says where its facts come from'));
  } else {
    for (const field of ['kind', 'title', 'authority', 'occurredOn'] as const) if (input[field] === null) errors.push(userError(['input', field], `${field} cannot be removed`));
  }
  if (input.slug && input.slug !== action.slug && (await em.count(GovernmentAction, { slug: input.slug }))) {
    errors.push(userError(['input', 'slug'], `the slug "${input.slug}" is taken`, 'CONFLICT'));
  }
  const authority = input.authority ? await em.findOne(Authority, { slug: input.authority, deletedAt: null }) : undefined;
  if (input.authority && !authority) errors.push(userError(['input', 'authority'], `no authority "${input.authority}"`));
  const list = input.list ? await em.findOne(SanctionsList, { slug: input.list, deletedAt: null }) : undefined;
  if (input.list && !list) errors.push(userError(['input', 'list'], `no list "${input.list}"`));
  const participants = input.participants ? await resolveParticipants(em, input.participants, ['input', 'participants'], errors) : undefined;
  if (errors.length) throw new UserInputProblem(errors);

  const scalars = ['kind', 'title', 'summary', 'occurredOn', 'announcedOn', 'publishedOn', 'effectiveOn', 'endedOn', 'citation', 'documentNumber', 'grounds'] as const;
  for (const field of scalars) if (input[field] !== undefined) (action as unknown as Record<string, unknown>)[field] = input[field];
  if (input.slug) action.slug = input.slug;
  if (authority) action.authority = authority;
  if (input.list !== undefined) action.list = list ?? null;
  if (input.tags) action.tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  if (creating && !action.slug) action.slug = await uniqueActionSlug(em, `${action.occurredOn} ${action.title}`);
  if (input.sources?.length) {
    for (const source of await upsertSources(em, actor, input.sources)) if (!action.sources.contains(source)) action.sources.add(source);
  }
  em.persist(action);
  await em.flush();
  if (participants) {
    // On update, the list given replaces the participants: the old ones are soft-deleted.
    if (!creating) {
      // Through the unit of work (not a native update) so versions stay in step with memory.
      for (const old of await em.find(Participation, { action, deletedAt: null })) old.deletedAt = new Date();
      await em.flush();
    }
    await addResolved(em, action, participants);
  }
  const problems: UserError[] = [];
  await checkAction(em, action, problems);
  if (problems.length) throw new UserInputProblem(problems);
}

async function uniqueActionSlug(em: EntityManager, text: string): Promise<string> {
  const base = normalizeText(text).replace(/ /g, '-').slice(0, 80).replace(/-+$/, '') || 'action';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await em.count(GovernmentAction, { slug: candidate }))) return candidate;
  }
}

export async function createAction(em: EntityManager, actor: string, input: ActionInput): Promise<GovernmentAction> {
  const action = new GovernmentAction();
  await applyInput(em, actor, action, input, true);
  recordRevision(em, actor, 'create', 'GovernmentAction', action.id, diff({}, await snapshotAction(em, action)));
  await em.flush();
  return action;
}

export async function updateAction(em: EntityManager, actor: string, id: number, expectedVersion: number, input: ActionInput): Promise<GovernmentAction> {
  const action = await loadAction(em, id, ['id']);
  if (action.deletedAt) throw UserInputProblem.of(['id'], 'the action is deleted; restore it before changing it', 'CONFLICT');
  if (action.version !== expectedVersion) {
    throw UserInputProblem.of(['expectedVersion'], `expected version ${expectedVersion}, but the action is at version ${action.version}: read it again and retry`, 'CONFLICT');
  }
  const before = await snapshotAction(em, action);
  await applyInput(em, actor, action, input, false);
  const changes = diff(before, await snapshotAction(em, action));
  if (Object.keys(changes).length) {
    // Participants and sources live in other tables: when only they changed, touch the row
    // so the action's version still moves (once per update).
    if (Object.keys(changes).every((k) => COLLECTION_FIELDS.has(k))) {
      action.updatedAt = new Date();
      await em.flush();
    }
    recordRevision(em, actor, 'update', 'GovernmentAction', action.id, changes);
    await em.flush();
  }
  return action;
}

export async function setActionDeleted(em: EntityManager, actor: string, id: number, deleted: boolean, reason?: string | null): Promise<GovernmentAction> {
  const action = await loadAction(em, id, ['id']);
  if (Boolean(action.deletedAt) === deleted) throw UserInputProblem.of(['id'], deleted ? 'the action is deleted already' : 'the action is not deleted', 'CONFLICT');
  const before = action.deletedAt?.toISOString() ?? null;
  action.deletedAt = deleted ? new Date() : null;
  await em.flush();
  const changes: Record<string, [unknown, unknown]> = { deletedAt: [before, action.deletedAt?.toISOString() ?? null] };
  if (reason) changes.reason = [null, reason];
  recordRevision(em, actor, deleted ? 'delete' : 'restore', 'GovernmentAction', action.id, changes);
  await em.flush();
  return action;
}

/** Changes to participants also move the action's version and history. */
async function touch(em: EntityManager, actor: string, action: GovernmentAction, before: Snapshot): Promise<void> {
  action.updatedAt = new Date();
  await em.flush();
  recordRevision(em, actor, 'update', 'GovernmentAction', action.id, diff(before, await snapshotAction(em, action)));
  await em.flush();
}

export async function addParticipants(em: EntityManager, actor: string, actionId: number, inputs: ParticipantInput[]): Promise<GovernmentAction> {
  if (inputs.length > 1000) throw UserInputProblem.of(['participants'], `at most 1,000 participants per call, got ${inputs.length}`);
  const action = await loadAction(em, actionId, ['actionId']);
  if (action.deletedAt) throw UserInputProblem.of(['actionId'], 'the action is deleted; restore it first', 'CONFLICT');
  const errors: UserError[] = [];
  for (const [i, p] of inputs.entries()) errors.push(...(await validateInput(p, 'participants')).map((e) => ({ ...e, field: ['participants', String(i), ...(e.field ?? []).slice(1)] })));
  const resolved = await resolveParticipants(em, inputs, ['participants'], errors);
  if (errors.length) throw new UserInputProblem(errors);
  const before = await snapshotAction(em, action);
  await addResolved(em, action, resolved);
  await touch(em, actor, action, before);
  return action;
}

export async function removeParticipant(em: EntityManager, actor: string, participationId: string): Promise<GovernmentAction> {
  const decoded = decodeGlobalId(participationId);
  if (!decoded || decoded.type !== 'Participation') throw UserInputProblem.of(['participationId'], `"${participationId}" is not a Participation id`);
  const participation = await em.findOne(Participation, { id: decoded.key as number, deletedAt: null });
  if (!participation) throw UserInputProblem.of(['participationId'], 'no such participation', 'NOT_FOUND');
  const action = await loadAction(em, participation.action.id, ['participationId']);
  const before = await snapshotAction(em, action);
  participation.deletedAt = new Date();
  await em.flush();
  const problems: UserError[] = [];
  await checkAction(em, action, problems);
  if (problems.length) throw new UserInputProblem(problems.map((p) => ({ ...p, field: ['participationId'] })));
  await touch(em, actor, action, before);
  return action;
}

export async function relateActions(em: EntityManager, actor: string, fromId: number, toId: number, kind: ActionRelationKind): Promise<GovernmentAction> {
  if (fromId === toId) throw UserInputProblem.of(['toId'], 'an action cannot be related to itself');
  const from = await loadAction(em, fromId, ['fromId']);
  const to = await loadAction(em, toId, ['toId']);
  if (await em.count(ActionRelation, { from, to, kind })) throw UserInputProblem.of(['kind'], `the relation ${kind} exists already`, 'CONFLICT');
  em.persist(Object.assign(new ActionRelation(), { from, to, kind }));
  await em.flush();
  recordRevision(em, actor, 'relate', 'GovernmentAction', from.id, { [`relation:${kind}`]: [null, to.slug] });
  await em.flush();
  return from;
}
