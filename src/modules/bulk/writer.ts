import { createHash } from 'node:crypto';
import { FlushMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionKind, ParticipantRole } from '../action/action-kinds';
import { GovernmentAction } from '../action/government-action.entity';
import { Participation } from '../action/participation.entity';
import { diff } from '../audit/audit';
import { Revision } from '../audit/revision.entity';
import { Authority } from '../authority/authority.entity';
import { Country } from '../country/country.entity';
import { EntityRelation } from '../entity/entity-relation.entity';
import { snapshotEntity } from '../entity/entity-write.service';
import type { AddressValue } from '../entity/entity-values';
import { LegalEntity } from '../entity/legal-entity.entity';
import { SanctionsList } from '../listing/sanctions-list.entity';
import { nameKey, normalizeText } from '../search/normalize';
import { Source } from '../source/source.entity';
import { AuthoritySpec, EntitySpec, ImportItem, ListSpec, ListingSpec, ParticipationSpec, SourceSpec } from './model';

export const IMPORT_ACTOR = 'import';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export function slugify(text: string, fallback = 'record'): string {
  return normalizeText(text).replace(/ /g, '-').slice(0, 80).replace(/-+$/, '') || fallback;
}

export function entityKey(name: string, country: string | null | undefined): string {
  return `${country ?? ''}|${nameKey(name)}`;
}

/**
 * What the writer remembers between batches: only small, bounded things (lists, authorities,
 * listing actions, a capped source cache, country codes). Entities are looked up in the
 * database per batch (one query by name key + country, one by FtM id), so memory does not
 * grow with the data. Additions from a batch are staged and kept only once its transaction
 * commits, so a failed batch leaves no stale ids.
 */
export class ImportContext {
  readonly addressRefs = new Map<string, number[]>();
  readonly sourceIds = new Map<string, number>();
  readonly listIds = new Map<string, number>();
  readonly authorityIds = new Map<string, number>();
  readonly actionIds = new Map<string, number>();
  readonly touchedParticipations = new Set<string>();
  /** policy-kb format: technologies and authorities whose parent comes later in the file. */
  readonly deferredParents: { table: string; slug: string; parent: string }[] = [];
  countries = new Set<string>();

  /** Reads the country codes; fills in the name key of entities written without one (older rows). */
  async load(em: EntityManager): Promise<void> {
    const conn = em.getConnection();
    this.countries = new Set((await conn.execute<{ code: string }[]>('select code from country')).map((r) => r.code));
    for (;;) {
      const rows = await conn.execute<{ id: number; name: string }[]>(`select id, name from entity where name_key is null order by id limit 1000`);
      if (!rows.length) break;
      await conn.execute(`update entity set name_key = v.k from (select unnest(array[?]::int[]) as id, unnest(array[?]::text[]) as k) v where entity.id = v.id`, [
        rows.map((r) => r.id),
        rows.map((r) => nameKey(r.name)),
      ]);
    }
  }
}

interface Staged {
  sourceIds: Map<string, number>;
  listIds: Map<string, number>;
  authorityIds: Map<string, number>;
  actionIds: Map<string, number>;
  touched: Set<string>;
  addressRefs: [string, number][];
}

const canonical = (value: unknown) =>
  JSON.stringify(value ?? null, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 8);
}

/** Writes one batch of items in the caller's transaction; counts every record it touches. */
export class BatchWriter {
  readonly counts: Record<string, Counts> = {};
  /** This batch's entities by key and FtM id, from one query each (see lookupEntities). */
  private readonly entityByKey = new Map<string, number>();
  private readonly entityByFtm = new Map<string, number>();
  private readonly staged: Staged = {
    sourceIds: new Map(),
    listIds: new Map(),
    authorityIds: new Map(),
    actionIds: new Map(),
    touched: new Set(),
    addressRefs: [],
  };
  private readonly sources = new Map<string, Source>();
  private readonly entities = new Map<number, LegalEntity>();
  private readonly newEntities = new Map<string, LegalEntity>();
  private readonly entityBefore = new Map<LegalEntity, Record<string, unknown>>();
  private readonly created: { type: 'Source' | 'GovernmentAction' | 'Participation' | 'Entity'; record: { id: number }; changes?: Record<string, [unknown, unknown]> | (() => Record<string, [unknown, unknown]>) }[] = [];
  private readonly pendingActions = new Map<string, GovernmentAction>();
  private readonly touchedNow: Participation[] = [];
  private readonly relationRevisions: { fromId: number; changes: Record<string, [unknown, unknown]> }[] = [];
  private readonly objectIds = new WeakMap<object, number>();
  private nextObjectId = 0;
  private ref(o: { id?: number }): string {
    if (o.id) return String(o.id);
    if (!this.objectIds.has(o)) this.objectIds.set(o, ++this.nextObjectId);
    return `new:${this.objectIds.get(o)}`;
  }
  private readonly participationUpdates: { record: Participation; changes: Record<string, [unknown, unknown]> }[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly ctx: ImportContext,
    private readonly actor: string = IMPORT_ACTOR,
  ) {
    // Queries must not flush the batch each time (auto flush): the batch is flushed once.
    this.em.setFlushMode(FlushMode.COMMIT);
  }

  private tally(table: string, outcome: keyof Counts): void {
    (this.counts[table] ??= { created: 0, updated: 0, unchanged: 0 })[outcome]++;
  }

  /** Writes the items: sources, lists, actions, entities, participations, relations, addresses; then the revisions. */
  async write(items: readonly ImportItem[]): Promise<void> {
    const specs = items.flatMap((i) => [...(i.entity?.sources ?? []), ...(i.listing?.sources ?? []), ...(i.relation?.sources ?? [])]);
    await this.resolveSources(specs);
    const entitySpecs = items.map((i) => i.entity).filter((e): e is EntitySpec => Boolean(e));
    await this.lookupEntities(items);
    await this.resolveEntities(entitySpecs);
    const actionByItem = new Map<ImportItem, GovernmentAction>();
    for (const item of items) if (item.listing) actionByItem.set(item, await this.resolveAction(item.listing));
    await this.writeParticipations(items, actionByItem);
    await this.writeRelations(items);
    await this.writeAddresses(items);
    // One flush for the whole batch: the unit of work's cost grows with every flush.
    await this.em.flush();
    for (const [key, action] of this.pendingActions) this.staged.actionIds.set(key, action.id);
    for (const spec of entitySpecs) {
      const e = (spec as EntitySpec & { resolved?: LegalEntity }).resolved as LegalEntity;
      for (const ref of spec.addressRefs ?? []) this.staged.addressRefs.push([ref, e.id]);
    }
    for (const p of this.touchedNow) this.staged.touched.add(`${p.action.id}:${p.role}:${p.entity?.id}`);
    await this.recordRevisions();
  }

  /** Keeps this batch's new keys for the next batches; call after the transaction commits. */
  commit(): void {
    const c = this.ctx;
    for (const [k, v] of this.staged.sourceIds) c.sourceIds.set(k, v);
    for (const [k, v] of this.staged.listIds) c.listIds.set(k, v);
    for (const [k, v] of this.staged.authorityIds) c.authorityIds.set(k, v);
    for (const [k, v] of this.staged.actionIds) c.actionIds.set(k, v);
    for (const t of this.staged.touched) c.touchedParticipations.add(t);
    for (const [ref, id] of this.staged.addressRefs) {
      const ids = c.addressRefs.get(ref) ?? [];
      if (!ids.includes(id)) ids.push(id);
      c.addressRefs.set(ref, ids);
    }
    if (c.sourceIds.size > 50_000) c.sourceIds.clear(); // bounded: looked up again when needed
  }

  // -------------------------------------------------------------------------------------------

  private async resolveSources(specs: readonly SourceSpec[]): Promise<void> {
    const wanted = [...new Map(specs.map((s) => [s.url, s])).values()];
    const known = wanted.filter((s) => this.ctx.sourceIds.has(s.url) || this.staged.sourceIds.has(s.url));
    for (const s of known) this.sources.set(s.url, this.em.getReference(Source, (this.ctx.sourceIds.get(s.url) ?? this.staged.sourceIds.get(s.url)) as number));
    const unknown = wanted.filter((s) => !this.sources.has(s.url));
    if (!unknown.length) return;
    const found = await this.em.find(Source, { url: { $in: unknown.map((s) => s.url) } });
    for (const s of found) this.sources.set(s.url, s);
    for (const spec of unknown) {
      const existing = this.sources.get(spec.url);
      if (existing) {
        this.tally('source', 'unchanged');
        this.staged.sourceIds.set(spec.url, existing.id);
        continue;
      }
      const source = Object.assign(new Source(), {
        kind: spec.kind,
        url: spec.url,
        title: spec.title,
        publisher: spec.publisher ?? null,
        publishedOn: spec.publishedOn ?? null,
      });
      this.em.persist(source);
      this.sources.set(spec.url, source);
      this.tally('source', 'created');
      this.created.push({ type: 'Source', record: source, changes: { url: [null, spec.url], title: [null, spec.title], kind: [null, spec.kind] } });
    }
  }

  private source(url: string): Source {
    const s = this.sources.get(url);
    if (!s) throw new Error(`import bug: source ${url} not resolved`);
    return s;
  }

  private async authority(spec: AuthoritySpec): Promise<Authority> {
    const id = this.ctx.authorityIds.get(spec.slug) ?? this.staged.authorityIds.get(spec.slug);
    if (id) return this.em.getReference(Authority, id);
    let authority = await this.em.findOne(Authority, { slug: spec.slug });
    if (!authority) {
      authority = Object.assign(new Authority(), {
        slug: spec.slug,
        name: spec.name,
        abbreviation: spec.abbreviation ?? null,
        kind: spec.kind,
        country: spec.country && this.ctx.countries.has(spec.country) ? this.em.getReference(Country, spec.country as never) : null,
      });
      this.em.persist(authority);
      await this.em.flush();
      this.tally('authority', 'created');
    } else this.tally('authority', 'unchanged');
    this.staged.authorityIds.set(spec.slug, authority.id);
    return authority;
  }

  private async list(spec: ListSpec): Promise<SanctionsList> {
    const id = this.ctx.listIds.get(spec.slug) ?? this.staged.listIds.get(spec.slug);
    if (id) return this.em.getReference(SanctionsList, id);
    let list = await this.em.findOne(SanctionsList, { slug: spec.slug });
    if (!list) {
      list = Object.assign(new SanctionsList(), {
        slug: spec.slug,
        name: spec.name,
        authority: await this.authority(spec.authority),
        url: spec.url ?? null,
        description: spec.description ?? null,
      });
      this.em.persist(list);
      await this.em.flush();
      this.tally('sanctions_list', 'created');
    } else this.tally('sanctions_list', 'unchanged');
    this.staged.listIds.set(spec.slug, list.id);
    return list;
  }

  private async resolveAction(spec: ListingSpec): Promise<GovernmentAction> {
    const key = `${spec.list.slug}|${spec.citation ?? ''}|${spec.keyPart ?? ''}`;
    const pending = this.pendingActions.get(key);
    if (pending) return pending;
    const id = this.ctx.actionIds.get(key) ?? this.staged.actionIds.get(key);
    if (id) return this.em.getReference(GovernmentAction, id);
    const listRef = await this.list(spec.list);
    const list = listRef.name ? listRef : await this.em.findOneOrFail(SanctionsList, listRef.id);
    const slug = `${spec.list.slug}-${spec.citation ? slugify(spec.citation) : spec.keyPart ? slugify(spec.keyPart) : 'no-notice'}`.slice(0, 200);
    let action =
      (spec.citation ? await this.em.findOne(GovernmentAction, { list, kind: ActionKind.LISTING, citation: spec.citation }, { orderBy: { id: 'asc' } }) : null) ??
      (await this.em.findOne(GovernmentAction, { slug }));
    if (action) {
      this.tally('government_action', 'unchanged');
    } else {
      const created = Object.assign(new GovernmentAction(), {
        slug,
        kind: ActionKind.LISTING,
        title: spec.title,
        authority: list.authority,
        list,
        occurredOn: spec.occurredOn ?? new Date().toISOString().slice(0, 10),
        citation: spec.citation,
        verified: Boolean(spec.occurredOn),
        note: spec.occurredOn ? null : 'Imported without a date: occurredOn is the import date.',
        tags: [],
      });
      for (const s of spec.sources) created.sources.add(this.source(s.url));
      this.em.persist(created);
      this.tally('government_action', 'created');
      this.created.push({
        type: 'GovernmentAction',
        record: created,
        changes: () => diff({}, { slug, kind: created.kind, title: created.title, list: list.id, occurredOn: created.occurredOn, citation: created.citation ?? null, sources: spec.sources.map((s) => s.url).sort() }),
      });
      action = created;
    }
    this.pendingActions.set(key, action);
    return action;
  }

  /**
   * The ids of the batch's entities, from the database: one query by (name key, country) for
   * the names, one by FtM id (GIN index on identifiers) for the FtM ids the batch mentions.
   * The lowest id wins when several live entities share a key, as before.
   */
  private async lookupEntities(items: readonly ImportItem[]): Promise<void> {
    const conn = this.em.getConnection();
    const specs = items.map((i) => i.entity).filter((e): e is EntitySpec => Boolean(e));
    const keys = [...new Set(specs.map((s) => nameKey(s.name)))];
    if (keys.length) {
      const rows = await conn.execute<{ id: number; name_key: string; country_code: string | null }[]>(
        `select id, name_key, country_code from entity where deleted_at is null and name_key in (?) order by id`,
        [keys],
      );
      for (const r of rows) {
        const key = `${r.country_code ?? ''}|${r.name_key}`;
        if (!this.entityByKey.has(key)) this.entityByKey.set(key, r.id);
      }
    }
    const ftmIds = [
      ...new Set(items.flatMap((i) => [i.entity?.ftmId, i.listing?.targetFtmId, i.relation?.fromFtmId, i.relation?.toFtmId]).filter((x): x is string => Boolean(x))),
    ];
    if (ftmIds.length) {
      const rows = await conn.execute<{ id: number; ftm: string }[]>(
        `select e.id, i->>'value' as ftm from entity e cross join jsonb_array_elements(e.identifiers) i
          where e.deleted_at is null and (${ftmIds.map(() => 'e.identifiers @> ?::jsonb').join(' or ')}) and i->>'scheme' = 'ftm' order by e.id desc`,
        ftmIds.map((id) => JSON.stringify([{ scheme: 'ftm', value: id }])),
      );
      for (const r of rows) this.entityByFtm.set(r.ftm, r.id); // descending: the lowest id is set last and wins
    }
  }

  private lookupEntityId(spec: EntitySpec): number | undefined {
    if (spec.ftmId) {
      const id = this.entityByFtm.get(spec.ftmId);
      if (id) return id;
    }
    return this.entityByKey.get(entityKey(spec.name, spec.country));
  }

  /** Finds or creates each item's entity and merges what the item adds (aliases, addresses, identifiers, sources). */
  private async resolveEntities(specs: readonly EntitySpec[]): Promise<void> {
    const ids = [...new Set(specs.map((s) => this.lookupEntityId(s)).filter((id): id is number => id !== undefined))];
    if (ids.length) {
      for (const e of await this.em.find(LegalEntity, { id: { $in: ids } }, { populate: ['sources'] })) {
        this.entities.set(e.id, e);
        this.entityBefore.set(e, snapshotEntity(e));
      }
    }
    const fresh: LegalEntity[] = [];
    for (const spec of specs) {
      const key = entityKey(spec.name, spec.country);
      const id = this.lookupEntityId(spec);
      let entity = (id !== undefined ? this.entities.get(id) : undefined) ?? this.newEntities.get(key) ?? (spec.ftmId ? this.newEntities.get(`ftm:${spec.ftmId}`) : undefined);
      if (!entity) {
        entity = Object.assign(new LegalEntity(), {
          kind: spec.kind,
          name: spec.name,
          aliases: [],
          country: spec.country && this.ctx.countries.has(spec.country) ? this.em.getReference(Country, spec.country as never) : null,
          addresses: [],
          identifiers: [],
          website: spec.website ?? null,
          description: spec.description ?? null,
        });
        this.newEntities.set(key, entity);
        if (spec.ftmId) this.newEntities.set(`ftm:${spec.ftmId}`, entity);
        fresh.push(entity);
      }
      this.merge(entity, spec);
      (spec as EntitySpec & { resolved?: LegalEntity }).resolved = entity;
    }
    await this.assignSlugs(fresh);
    for (const e of fresh) {
      this.em.persist(e);
      this.tally('entity', 'created');
      this.created.push({ type: 'Entity', record: e });
    }
  }

  private merge(entity: LegalEntity, spec: EntitySpec): void {
    const aliases = [...entity.aliases];
    for (const a of spec.aliases) if (a && a !== entity.name && !aliases.includes(a)) aliases.push(a);
    if (spec.name !== entity.name && !aliases.includes(spec.name)) aliases.push(spec.name);
    if (aliases.length !== entity.aliases.length) entity.aliases = aliases;
    const addresses = [...entity.addresses];
    for (const a of spec.addresses) if (!addresses.some((x) => x.full === a.full)) addresses.push(a);
    if (addresses.length !== entity.addresses.length) entity.addresses = addresses;
    const identifiers = [...entity.identifiers];
    const ids = spec.ftmId ? [...spec.identifiers, { scheme: 'ftm', value: spec.ftmId }] : spec.identifiers;
    for (const i of ids) if (!identifiers.some((x) => x.scheme === i.scheme && x.value === i.value)) identifiers.push(i);
    if (identifiers.length !== entity.identifiers.length) entity.identifiers = identifiers;
    if (!entity.website && spec.website) entity.website = spec.website;
    if (!entity.description && spec.description) entity.description = spec.description;
    for (const s of spec.sources) {
      const source = this.source(s.url);
      if (!entity.sources.getItems().some((x) => x === source || (x.id && x.id === source.id))) entity.sources.add(source);
    }
  }

  private async assignSlugs(fresh: LegalEntity[]): Promise<void> {
    if (!fresh.length) return;
    const bases = fresh.map((e) => slugify(`${e.country ? (e.country as Country).code : ''} ${e.name}`, 'entity').toLowerCase());
    const conn = this.em.getConnection();
    const taken = new Set(
      (
        await conn.execute<{ slug: string }[]>(
          `select slug from entity where slug in (?) union select from_slug from entity_redirect where from_slug in (?)`,
          [bases, bases],
        )
      ).map((r) => r.slug),
    );
    const candidates: string[] = [];
    fresh.forEach((e, i) => {
      let slug = bases[i];
      if (taken.has(slug)) slug = `${bases[i]}-${shortHash(`${e.name}|${e.country ? (e.country as Country).code : ''}`)}`;
      for (let n = 2; taken.has(slug); n++) slug = `${bases[i]}-${shortHash(e.name)}-${n}`;
      taken.add(slug);
      e.slug = slug;
      candidates.push(slug);
    });
    // A hashed slug that happens to exist already: number it.
    const clash = new Set((await conn.execute<{ slug: string }[]>(`select slug from entity where slug in (?)`, [candidates])).map((r) => r.slug));
    for (const e of fresh) for (let n = 2; clash.has(e.slug); n++) e.slug = `${e.slug.replace(/-x\d+$/, '')}-x${n}`;
  }

  private entityOf(item: ImportItem): LegalEntity | null {
    if (item.entity) return (item.entity as EntitySpec & { resolved?: LegalEntity }).resolved ?? null;
    const ftm = item.listing?.targetFtmId;
    if (!ftm) return null;
    const id = this.entityByFtm.get(ftm);
    return id ? this.em.getReference(LegalEntity, id) : (this.newEntities.get(`ftm:${ftm}`) ?? null);
  }

  private async writeParticipations(items: readonly ImportItem[], actionByItem: Map<ImportItem, GovernmentAction>): Promise<void> {
    const pairs: { item: ImportItem; action: GovernmentAction; entity: LegalEntity; spec: ParticipationSpec }[] = [];
    for (const item of items) {
      const action = actionByItem.get(item);
      const entity = this.entityOf(item);
      if (action && entity && item.listing) pairs.push({ item, action, entity, spec: item.listing.participation });
    }
    if (!pairs.length) return;
    const actionIds = [...new Set(pairs.map((p) => p.action.id).filter(Boolean))];
    const entityIds = [...new Set(pairs.map((p) => p.entity.id).filter(Boolean))];
    const existing = actionIds.length && entityIds.length ? await this.em.find(Participation, { action: { $in: actionIds }, entity: { $in: entityIds } }) : [];
    const byKey = new Map(existing.map((p) => [`${p.action.id}:${p.role}:${p.entity?.id}`, p]));
    const seenNow = new Set<string>();
    for (const { action, entity, spec } of pairs) {
      const key = `${this.ref(action)}:${spec.role}:${this.ref(entity)}`;
      const current = byKey.get(key);
      const details: Partial<Record<keyof ParticipationSpec, string | null>> = {
        grounds: spec.grounds ?? null,
        nameAsListed: spec.nameAsListed ?? null,
        addressAsListed: spec.addressAsListed ?? null,
        licenseRequirement: spec.licenseRequirement ?? null,
        licensePolicy: spec.licensePolicy ?? null,
        note: spec.note ?? null,
      };
      if (!current) {
        const p = Object.assign(new Participation(), { action, role: spec.role ?? ParticipantRole.TARGET, entity, country: null, ...details });
        this.em.persist(p);
        byKey.set(key, p);
        seenNow.add(key);
        this.touchedNow.push(p);
        this.tally('participation', 'created');
        this.created.push({ type: 'Participation', record: p, changes: () => diff({}, { action: action.id, role: p.role, entity: entity.id, ...details }) });
        continue;
      }
      // The first row naming a participant this run sets its details; later ones do not flip them.
      if (current.deletedAt || seenNow.has(key) || this.ctx.touchedParticipations.has(key)) {
        this.tally('participation', 'unchanged');
        continue;
      }
      seenNow.add(key);
      this.touchedNow.push(current);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const [field, value] of Object.entries(details) as [keyof typeof details, string | null][]) {
        if (value === null) continue; // never erase what a curator wrote
        const before = (current as unknown as Record<string, string | null>)[field] ?? null;
        if (before !== value) {
          changes[field] = [before, value];
          (current as unknown as Record<string, string | null>)[field] = value;
        }
      }
      if (Object.keys(changes).length) {
        this.tally('participation', 'updated');
        this.participationUpdates.push({ record: current, changes });
      } else this.tally('participation', 'unchanged');
    }
  }

  private async writeRelations(items: readonly ImportItem[]): Promise<void> {
    const seen = new Set<string>();
    for (const item of items) {
      const r = item.relation;
      if (!r) continue;
      const fromId = this.entityByFtm.get(r.fromFtmId);
      const toId = this.entityByFtm.get(r.toFtmId);
      if (!fromId || !toId || fromId === toId || seen.has(`${fromId}:${toId}:${r.kind}`)) continue;
      seen.add(`${fromId}:${toId}:${r.kind}`);
      const from = this.em.getReference(LegalEntity, fromId);
      const to = this.em.getReference(LegalEntity, toId);
      const existing = await this.em.findOne(EntityRelation, { from, to, kind: r.kind });
      if (existing) {
        this.tally('entity_relation', 'unchanged');
        continue;
      }
      const relation = Object.assign(new EntityRelation(), { from, to, kind: r.kind, since: r.since, until: r.until });
      for (const s of r.sources) relation.sources.add(this.source(s.url));
      this.em.persist(relation);
      this.tally('entity_relation', 'created');
      this.relationRevisions.push({ fromId, changes: { [`relation:${r.kind}`]: [null, { entity: toId, since: r.since, until: r.until }] } });
    }
  }

  private async writeAddresses(items: readonly ImportItem[]): Promise<void> {
    const byEntity = new Map<number, AddressValue[]>();
    for (const item of items) {
      if (!item.address) continue;
      for (const id of this.ctx.addressRefs.get(item.address.ftmId) ?? []) byEntity.set(id, [...(byEntity.get(id) ?? []), item.address.address]);
    }
    if (!byEntity.size) return;
    for (const e of await this.em.find(LegalEntity, { id: { $in: [...byEntity.keys()] } }, { populate: ['sources'] })) {
      if (!this.entityBefore.has(e)) this.entityBefore.set(e, snapshotEntity(e));
      const addresses = [...e.addresses];
      for (const a of byEntity.get(e.id) ?? []) if (!addresses.some((x) => x.full === a.full)) addresses.push(a);
      if (addresses.length !== e.addresses.length) e.addresses = addresses;
      this.entities.set(e.id, e);
    }
  }

  /** One revision per created record and per changed entity or participation, by the import actor; one bulk insert. */
  private async recordRevisions(): Promise<void> {
    const rows: Partial<Revision>[] = [];
    const at = new Date();
    const add = (operation: string, subjectType: string, subjectId: number, changes: Record<string, [unknown, unknown]>) =>
      rows.push({ actor: this.actor, operation, subjectType, subjectId, changes, at });
    for (const c of this.created) {
      if (c.type === 'Entity') add('create', 'Entity', c.record.id, diff({}, snapshotEntity(c.record as LegalEntity)));
      else add('create', c.type, c.record.id, (typeof c.changes === 'function' ? c.changes() : c.changes) ?? {});
    }
    let touched = false;
    for (const [entity, before] of this.entityBefore) {
      const changes = diff(before, snapshotEntity(entity));
      if (Object.keys(changes).length) {
        if (Object.keys(changes).every((k) => k === 'sources')) {
          entity.updatedAt = new Date();
          touched = true;
        }
        this.tally('entity', 'updated');
        add('update', 'Entity', entity.id, changes);
      } else this.tally('entity', 'unchanged');
    }
    for (const u of this.participationUpdates) add('update', 'Participation', u.record.id, u.changes);
    for (const r of this.relationRevisions) add('relate', 'Entity', r.fromId, r.changes);
    if (touched) await this.em.flush();
    if (rows.length) await this.em.insertMany(Revision, rows);
  }
}

export function sumCounts(all: Record<string, Counts>): Counts {
  return Object.values(all).reduce((t, c) => ({ created: t.created + c.created, updated: t.updated + c.updated, unchanged: t.unchanged + c.unchanged }), { created: 0, updated: 0, unchanged: 0 });
}

export { canonical };
