import { Collection, wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BaseRecord } from '../db/base-record';
import { ActionRelation } from '../modules/action/action-relation.entity';
import { GovernmentAction } from '../modules/action/government-action.entity';
import { Participation } from '../modules/action/participation.entity';
import { Revision } from '../modules/audit/revision.entity';
import { Authority } from '../modules/authority/authority.entity';
import { Country } from '../modules/country/country.entity';
import { ISO_COUNTRIES } from '../modules/country/iso-countries';
import { EntityRelation } from '../modules/entity/entity-relation.entity';
import { LegalEntity } from '../modules/entity/legal-entity.entity';
import { SanctionsList } from '../modules/listing/sanctions-list.entity';
import { Source } from '../modules/source/source.entity';
import { TechnologyCategory } from '../modules/technology/technology.entity';
import { loadSeedData, SeedAction, SeedData, SeedParticipant } from './seed-files';

/*
 * Loads the curated seed files into the database, upserting by natural key (slug, country code,
 * source URL, relation ends). Idempotent by construction: a field is assigned only when its value
 * differs, so a second run leaves MikroORM nothing to flush (no UPDATE, no version or updated_at
 * bump) and reports 0 created / 0 updated.
 */

export interface TableCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface SeedReport extends TableCounts {
  /** Keyed by table name ("entity", "government_action", ...). */
  byTable: Record<string, TableCounts>;
}

export interface SeedOptions {
  /** Who the audit trail (revision rows) names for the changes; "seed" by default. */
  actor?: string;
  /** Already validated records to load instead of seeds/data/*.json (see loadSeedData). */
  data?: SeedData;
}

const TABLES = [
  'country',
  'technology_category',
  'authority',
  'sanctions_list',
  'source',
  'entity',
  'entity_relation',
  'government_action',
  'participation',
  'action_relation',
] as const;
type TableName = (typeof TABLES)[number];

/**
 * Seeds the database in one transaction: ISO countries, then the curated records of
 * seeds/data. The files are validated before the transaction opens, so bad data never
 * half-loads. A participant removed from a seeded action's file entry is deleted and counted
 * as an update of the participation table.
 */
export async function seedDatabase(em: EntityManager, options: SeedOptions = {}): Promise<SeedReport> {
  const data = options.data ?? loadSeedData();
  const actor = options.actor ?? 'seed';
  const report = await em.transactional((tx) => new SeedRun(tx, data, actor).run());
  // Fresh tables have no planner statistics (and autovacuum may be off): without them the
  // listing_period view is planned badly. Cheap at seed scale.
  if (report.created || report.updated) await em.getConnection().execute('analyze');
  return report;
}

// ---------------------------------------------------------------------------------------------
// Comparing and assigning
// ---------------------------------------------------------------------------------------------

type Changes = Record<string, [unknown, unknown]>;

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** The key of a managed record, or null for none / one not inserted yet. */
function primaryKeyOf(value: unknown): unknown {
  return isObject(value) ? (wrap(value, true).getPrimaryKey() ?? null) : null;
}

/** Same row: the same instance (the identity map guarantees one per row) or the same key. */
function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b)) return !isObject(a) && !isObject(b);
  const key = primaryKeyOf(a);
  return key !== null && key === primaryKeyOf(b);
}

/**
 * JSON with object keys sorted: jsonb gives keys back in its own order (shortest first), so a
 * plain JSON.stringify would see a change in every address on every run.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) =>
    isObject(item) && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

/** What a FieldSync found, whatever record it synced. */
interface SyncResult {
  readonly changed: boolean;
  readonly changes: Changes;
}

/** Assigns only the fields whose value differs and notes each change for the audit trail. */
class FieldSync<T extends object> implements SyncResult {
  readonly changes: Changes = {};

  constructor(private readonly record: T) {}

  get changed(): boolean {
    return Object.keys(this.changes).length > 0;
  }

  /** Strings, booleans, enums and dates (held as 'YYYY-MM-DD' strings); null and unset are alike. */
  scalar<K extends keyof T & string>(key: K, next: T[K]): this {
    const current = this.record[key];
    if ((current ?? null) !== (next ?? null)) this.assign(key, next, current, next);
    return this;
  }

  /** Arrays and JSON columns, compared by value, not by identity. */
  json<K extends keyof T & string>(key: K, next: T[K]): this {
    const current = this.record[key];
    if (canonicalJson(current) !== canonicalJson(next)) this.assign(key, next, current, next);
    return this;
  }

  /** Many-to-one references, compared by row. */
  reference<K extends keyof T & string>(key: K, next: T[K]): this {
    const current = this.record[key];
    if (!sameRecord(current, next)) this.assign(key, next, primaryKeyOf(current), primaryKeyOf(next));
    return this;
  }

  /** Many-to-many collections: rewritten only when the members differ, whatever their order. */
  collection<X extends object>(key: string, items: Collection<X>, next: readonly X[], label: (item: X) => string): this {
    const current = items.getItems();
    const same = current.length === next.length && next.every((item) => current.some((member) => sameRecord(member, item)));
    if (!same) {
      this.changes[key] = [current.map(label).sort(), next.map(label).sort()];
      items.set([...next]);
    }
    return this;
  }

  private assign<K extends keyof T & string>(key: K, next: T[K], before: unknown, after: unknown): void {
    this.changes[key] = [before ?? null, after ?? null];
    this.record[key] = next;
  }
}

// ---------------------------------------------------------------------------------------------
// Counting and auditing
// ---------------------------------------------------------------------------------------------

class Tally {
  private readonly tables = Object.fromEntries(TABLES.map((t) => [t, { created: 0, updated: 0, unchanged: 0 }])) as Record<TableName, TableCounts>;

  add(table: TableName, outcome: keyof TableCounts): void {
    this.tables[table][outcome] += 1;
  }

  report(): SeedReport {
    const counts = Object.values(this.tables);
    const sum = (outcome: keyof TableCounts) => counts.reduce((total, c) => total + c[outcome], 0);
    return { created: sum('created'), updated: sum('updated'), unchanged: sum('unchanged'), byTable: { ...this.tables } };
  }
}

interface PendingRevision {
  operation: 'create' | 'update' | 'delete';
  subjectType: string;
  subject: BaseRecord;
  /** Taken before a delete, since the row (and its key on the instance) is gone after the flush. */
  subjectId: number | null;
  changes: Changes;
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

/** Looks a validated key up; a miss means the validation and the seeder disagree. */
function lookup<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const found = map.get(key);
  if (found === undefined) throw new Error(`Seeder bug: ${what} "${key}" passed validation but was not seeded`);
  return found;
}

function lookupOptional<T>(map: ReadonlyMap<string, T>, key: string | null, what: string): T | null {
  return key === null ? null : lookup(map, key, what);
}

/** Tree records ordered so each parent comes before its children, whatever the file order. */
function parentsFirst<T extends { slug: string; parent: string | null }>(records: readonly T[]): T[] {
  const bySlug = new Map(records.map((r) => [r.slug, r]));
  const ordered: T[] = [];
  const placed = new Set<string>();
  const place = (record: T): void => {
    if (placed.has(record.slug)) return;
    placed.add(record.slug);
    const parent = record.parent === null ? undefined : bySlug.get(record.parent);
    if (parent) place(parent);
    ordered.push(record);
  };
  records.forEach(place);
  return ordered;
}

function relationKey(fromId: number, kind: string, toId: number): string {
  return `${fromId} ${kind} ${toId}`;
}

function participantKey(actionId: number, role: string, entityId: number | null, countryCode: string | null): string {
  return entityId !== null ? `${actionId} ${role} entity:${entityId}` : `${actionId} ${role} country:${countryCode}`;
}

const sourceLabel = (source: Source): string => source.url;
const technologyLabel = (technology: TechnologyCategory): string => technology.slug;

/**
 * One seeding pass inside a transaction. Each stage flushes before the next, so later stages
 * reference rows that have ids (relation keys are built from them).
 *
 * Records a curator soft-deleted are matched like any other (filters off) and their deletedAt is
 * left alone: reseeding must not undo a curator's decision.
 */
class SeedRun {
  private readonly tally = new Tally();
  private readonly revisions: PendingRevision[] = [];
  private readonly countries = new Map<string, Country>();
  private readonly technologies = new Map<string, TechnologyCategory>();
  private readonly authorities = new Map<string, Authority>();
  private readonly lists = new Map<string, SanctionsList>();
  private readonly sources = new Map<string, Source>();
  private readonly entities = new Map<string, LegalEntity>();
  private readonly actions = new Map<string, GovernmentAction>();

  constructor(
    private readonly em: EntityManager,
    private readonly data: SeedData,
    private readonly actor: string,
  ) {}

  async run(): Promise<SeedReport> {
    await this.seedCountries();
    await this.seedTechnologies();
    await this.seedAuthorities();
    await this.seedLists();
    await this.seedSources();
    await this.seedEntities();
    await this.seedEntityRelations();
    await this.seedActions();
    await this.seedParticipants();
    await this.seedActionRelations();
    await this.writeRevisions();
    return this.tally.report();
  }

  /** Counts the outcome, persists a new record and queues its revision. */
  private settle(table: TableName, record: object, isNew: boolean, sync: SyncResult, audit?: { subjectType: string; subject: BaseRecord }): void {
    if (isNew) this.em.persist(record);
    const outcome = isNew ? 'created' : sync.changed ? 'updated' : 'unchanged';
    this.tally.add(table, outcome);
    if (audit && outcome !== 'unchanged') {
      this.revisions.push({ operation: isNew ? 'create' : 'update', ...audit, subjectId: null, changes: sync.changes });
    }
  }

  private async seedCountries(): Promise<void> {
    const existing = await this.em.find(Country, {}, { filters: false });
    const byCode = new Map(existing.map((c) => [c.code, c]));
    for (const iso of ISO_COUNTRIES) {
      const country = byCode.get(iso.code) ?? new Country();
      const sync = new FieldSync(country)
        .scalar('code', iso.code)
        .scalar('name', iso.name)
        .scalar('officialName', iso.officialName)
        .scalar('alpha3', iso.alpha3)
        .scalar('region', iso.region)
        .scalar('subregion', iso.subregion);
      // Reference data with a text key: no revision (revision.subject_id is an integer).
      this.settle('country', country, !byCode.has(iso.code), sync);
      this.countries.set(iso.code, country);
    }
    await this.em.flush();
  }

  private async seedTechnologies(): Promise<void> {
    const slugs = this.data.technologies.map((t) => t.slug);
    const existing = new Map((await this.em.find(TechnologyCategory, { slug: { $in: slugs } }, { filters: false })).map((t) => [t.slug, t]));
    for (const seed of parentsFirst(this.data.technologies)) {
      const record = existing.get(seed.slug) ?? new TechnologyCategory();
      const sync = new FieldSync(record)
        .scalar('slug', seed.slug)
        .scalar('name', seed.name)
        .scalar('description', seed.description)
        .reference('parent', lookupOptional(this.technologies, seed.parent, 'technology'));
      this.settle('technology_category', record, !existing.has(seed.slug), sync, { subjectType: TechnologyCategory.graphqlName, subject: record });
      this.technologies.set(seed.slug, record);
      // Flushing per record gives the parent its id before the child's INSERT; otherwise
      // MikroORM may insert the child with a null parent and fix it with an extra UPDATE,
      // which bumps version on the very first run.
      await this.em.flush();
    }
  }

  private async seedAuthorities(): Promise<void> {
    const slugs = this.data.authorities.map((a) => a.slug);
    const existing = new Map((await this.em.find(Authority, { slug: { $in: slugs } }, { filters: false })).map((a) => [a.slug, a]));
    for (const seed of parentsFirst(this.data.authorities)) {
      const record = existing.get(seed.slug) ?? new Authority();
      const sync = new FieldSync(record)
        .scalar('slug', seed.slug)
        .scalar('name', seed.name)
        .scalar('abbreviation', seed.abbreviation)
        .scalar('kind', seed.kind)
        .reference('country', lookupOptional(this.countries, seed.country, 'country'))
        .reference('parent', lookupOptional(this.authorities, seed.parent, 'authority'));
      this.settle('authority', record, !existing.has(seed.slug), sync, { subjectType: Authority.graphqlName, subject: record });
      this.authorities.set(seed.slug, record);
      await this.em.flush(); // parents before children, as for technologies
    }
  }

  private async seedLists(): Promise<void> {
    const slugs = this.data.lists.map((l) => l.slug);
    const existing = new Map((await this.em.find(SanctionsList, { slug: { $in: slugs } }, { filters: false })).map((l) => [l.slug, l]));
    for (const seed of this.data.lists) {
      const record = existing.get(seed.slug) ?? new SanctionsList();
      const sync = new FieldSync(record)
        .scalar('slug', seed.slug)
        .scalar('name', seed.name)
        .reference('authority', lookup(this.authorities, seed.authority, 'authority'))
        .scalar('description', seed.description)
        .scalar('url', seed.url);
      this.settle('sanctions_list', record, !existing.has(seed.slug), sync, { subjectType: SanctionsList.graphqlName, subject: record });
      this.lists.set(seed.slug, record);
    }
    await this.em.flush();
  }

  private async seedSources(): Promise<void> {
    const urls = this.data.sources.map((s) => s.url);
    const existing = new Map((await this.em.find(Source, { url: { $in: urls } }, { filters: false })).map((s) => [s.url, s]));
    for (const seed of this.data.sources) {
      const record = existing.get(seed.url) ?? new Source();
      // retrievedOn is not in the files: it belongs to whoever re-reads the document.
      const sync = new FieldSync(record)
        .scalar('url', seed.url)
        .scalar('kind', seed.kind)
        .scalar('title', seed.title)
        .scalar('publisher', seed.publisher)
        .scalar('publishedOn', seed.publishedOn)
        .scalar('archiveUrl', seed.archiveUrl);
      this.settle('source', record, !existing.has(seed.url), sync, { subjectType: Source.graphqlName, subject: record });
      this.sources.set(seed.url, record);
    }
    await this.em.flush();
  }

  private citedSources(urls: readonly string[]): Source[] {
    return urls.map((url) => lookup(this.sources, url, 'source'));
  }

  private async seedEntities(): Promise<void> {
    const slugs = this.data.entities.map((e) => e.slug);
    const found = await this.em.find(LegalEntity, { slug: { $in: slugs } }, { populate: ['technologies', 'sources'], filters: false });
    const existing = new Map(found.map((e) => [e.slug, e]));
    for (const seed of this.data.entities) {
      const record = existing.get(seed.slug) ?? new LegalEntity();
      const sync = new FieldSync(record)
        .scalar('slug', seed.slug)
        .scalar('kind', seed.kind)
        .scalar('name', seed.name)
        .json('aliases', seed.aliases)
        .reference('country', lookupOptional(this.countries, seed.country, 'country'))
        .json('addresses', seed.addresses)
        .json('identifiers', seed.identifiers)
        .scalar('description', seed.description)
        .scalar('website', seed.website)
        .scalar('verified', seed.verified)
        .scalar('note', seed.note)
        .collection('technologies', record.technologies, seed.technologies.map((slug) => lookup(this.technologies, slug, 'technology')), technologyLabel)
        .collection('sources', record.sources, this.citedSources(seed.sources), sourceLabel);
      this.settle('entity', record, !existing.has(seed.slug), sync, { subjectType: LegalEntity.graphqlName, subject: record });
      this.entities.set(seed.slug, record);
    }
    await this.em.flush();
  }

  private async seedEntityRelations(): Promise<void> {
    const entityIds = [...this.entities.values()].map((e) => e.id);
    const found = await this.em.find(EntityRelation, { from: { $in: entityIds } }, { populate: ['sources'], filters: false });
    const existing = new Map(found.map((r) => [relationKey(r.from.id, r.kind, r.to.id), r]));
    for (const seed of this.data.entityRelations) {
      const from = lookup(this.entities, seed.from, 'entity');
      const to = lookup(this.entities, seed.to, 'entity');
      const key = relationKey(from.id, seed.kind, to.id);
      const record = existing.get(key) ?? new EntityRelation();
      const sync = new FieldSync(record)
        .reference('from', from)
        .scalar('kind', seed.kind)
        .reference('to', to)
        .scalar('since', seed.since)
        .scalar('until', seed.until)
        .collection('sources', record.sources, this.citedSources(seed.sources), sourceLabel);
      // Relations have no version or history of their own: counted, not audited.
      this.settle('entity_relation', record, !existing.has(key), sync);
    }
    await this.em.flush();
  }

  private async seedActions(): Promise<void> {
    const slugs = this.data.actions.map((a) => a.slug);
    const found = await this.em.find(GovernmentAction, { slug: { $in: slugs } }, { populate: ['sources'], filters: false });
    const existing = new Map(found.map((a) => [a.slug, a]));
    for (const seed of this.data.actions) {
      const record = existing.get(seed.slug) ?? new GovernmentAction();
      const sync = new FieldSync(record)
        .scalar('slug', seed.slug)
        .scalar('kind', seed.kind)
        .scalar('title', seed.title)
        .scalar('summary', seed.summary)
        .reference('authority', lookup(this.authorities, seed.authority, 'authority'))
        .reference('list', lookupOptional(this.lists, seed.list, 'list'))
        .scalar('occurredOn', seed.occurredOn)
        .scalar('announcedOn', seed.announcedOn)
        .scalar('publishedOn', seed.publishedOn)
        .scalar('effectiveOn', seed.effectiveOn)
        .scalar('endedOn', seed.endedOn)
        .scalar('citation', seed.citation)
        .scalar('documentNumber', seed.documentNumber)
        .scalar('grounds', seed.grounds)
        .json('tags', seed.tags)
        .scalar('verified', seed.verified)
        .scalar('note', seed.note)
        .collection('sources', record.sources, this.citedSources(seed.sources), sourceLabel);
      this.settle('government_action', record, !existing.has(seed.slug), sync, { subjectType: GovernmentAction.graphqlName, subject: record });
      this.actions.set(seed.slug, record);
    }
    await this.em.flush();
  }

  private async seedParticipants(): Promise<void> {
    const actionIds = [...this.actions.values()].map((a) => a.id);
    const found = await this.em.find(Participation, { action: { $in: actionIds } }, { filters: false });
    const existing = new Map(found.map((p) => [participantKey(p.action.id, p.role, p.entity?.id ?? null, p.country?.code ?? null), p]));
    const kept = new Set<Participation>();
    for (const action of this.data.actions) {
      for (const seed of action.participants) kept.add(this.seedParticipant(action, seed, existing));
    }
    for (const stale of found.filter((p) => !kept.has(p))) this.removeParticipant(stale);
    await this.em.flush();
  }

  private seedParticipant(action: SeedAction, seed: SeedParticipant, existing: ReadonlyMap<string, Participation>): Participation {
    const actionRecord = lookup(this.actions, action.slug, 'action');
    const entity = lookupOptional(this.entities, seed.entity, 'entity');
    const country = lookupOptional(this.countries, seed.country, 'country');
    const key = participantKey(actionRecord.id, seed.role, entity?.id ?? null, country?.code ?? null);
    const record = existing.get(key) ?? new Participation();
    const sync = new FieldSync(record)
      .reference('action', actionRecord)
      .scalar('role', seed.role)
      .reference('entity', entity)
      .reference('country', country)
      .scalar('grounds', seed.grounds)
      .scalar('nameAsListed', seed.nameAsListed)
      .scalar('addressAsListed', seed.addressAsListed)
      .scalar('licenseRequirement', seed.licenseRequirement)
      .scalar('licensePolicy', seed.licensePolicy)
      .scalar('note', seed.note);
    this.settle('participation', record, !existing.has(key), sync, { subjectType: Participation.graphqlName, subject: record });
    return record;
  }

  /** The file is the truth for a seeded action's participants: one it no longer lists goes. */
  private removeParticipant(stale: Participation): void {
    this.em.remove(stale);
    this.tally.add('participation', 'updated');
    const before = { role: stale.role, entity: primaryKeyOf(stale.entity), country: primaryKeyOf(stale.country) };
    const changes = Object.fromEntries(Object.entries(before).map(([key, value]): [string, [unknown, unknown]] => [key, [value, null]]));
    this.revisions.push({ operation: 'delete', subjectType: Participation.graphqlName, subject: stale, subjectId: stale.id, changes });
  }

  private async seedActionRelations(): Promise<void> {
    const actionIds = [...this.actions.values()].map((a) => a.id);
    const found = await this.em.find(ActionRelation, { from: { $in: actionIds } }, { filters: false });
    const existing = new Map(found.map((r) => [relationKey(r.from.id, r.kind, r.to.id), r]));
    for (const seed of this.data.actionRelations) {
      const from = lookup(this.actions, seed.from, 'action');
      const to = lookup(this.actions, seed.to, 'action');
      const key = relationKey(from.id, seed.kind, to.id);
      const record = existing.get(key) ?? new ActionRelation();
      const sync = new FieldSync(record).reference('from', from).scalar('kind', seed.kind).reference('to', to);
      this.settle('action_relation', record, !existing.has(key), sync);
    }
    await this.em.flush();
  }

  /** Written last, once every created record has its id. */
  private async writeRevisions(): Promise<void> {
    for (const pending of this.revisions) {
      const revision = new Revision();
      revision.actor = this.actor;
      revision.operation = pending.operation;
      revision.subjectType = pending.subjectType;
      revision.subjectId = pending.subjectId ?? pending.subject.id;
      revision.changes = pending.changes;
      this.em.persist(revision);
    }
    await this.em.flush();
  }
}
