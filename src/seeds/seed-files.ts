import fs from 'node:fs';
import path from 'node:path';
import { ActionKind, ActionRelationKind, LIST_ACTION_KINDS, ParticipantRole } from '../modules/action/action-kinds';
import { AuthorityKind } from '../modules/authority/authority-kind';
import { isKnownCountryCode } from '../modules/country/iso-countries';
import { EntityKind, EntityRelationKind } from '../modules/entity/entity-kinds';
import type { AddressValue } from '../modules/entity/entity-values';
import { SourceKind } from '../modules/source/source-kind';

/*
 * Reads the curated seed files (seeds/data/*.json, shapes in seeds/README.md) into typed records
 * and refuses the whole load when any record is wrong: a half-loaded knowledge base with dangling
 * references or uncited facts is worse than none. Every problem is collected first, so a curator
 * sees them all in one run instead of fixing them one at a time.
 *
 * Optional values are normalised to null here, because that is what the database gives back,
 * so the seeder can compare file and row field by field.
 */

// ---------------------------------------------------------------------------------------------
// Records, as the seeder receives them
// ---------------------------------------------------------------------------------------------

export interface SeedTechnology {
  slug: string;
  name: string;
  description: string | null;
  parent: string | null;
}

export interface SeedAuthority {
  slug: string;
  name: string;
  abbreviation: string | null;
  kind: AuthorityKind;
  country: string | null;
  parent: string | null;
}

export interface SeedList {
  slug: string;
  name: string;
  authority: string;
  description: string | null;
  url: string | null;
}

export interface SeedSource {
  url: string;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  archiveUrl: string | null;
}

export interface SeedIdentifier {
  scheme: string;
  value: string;
}

export interface SeedEntity {
  slug: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  country: string | null;
  addresses: AddressValue[];
  identifiers: SeedIdentifier[];
  description: string | null;
  website: string | null;
  technologies: string[];
  verified: boolean;
  note: string | null;
  sources: string[];
}

export interface SeedEntityRelation {
  from: string;
  kind: EntityRelationKind;
  to: string;
  since: string | null;
  until: string | null;
  sources: string[];
}

export interface SeedParticipant {
  role: ParticipantRole;
  entity: string | null;
  country: string | null;
  grounds: string | null;
  nameAsListed: string | null;
  addressAsListed: string | null;
  licenseRequirement: string | null;
  licensePolicy: string | null;
  note: string | null;
}

export interface SeedAction {
  slug: string;
  kind: ActionKind;
  title: string;
  summary: string | null;
  authority: string;
  list: string | null;
  occurredOn: string;
  announcedOn: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  endedOn: string | null;
  citation: string | null;
  documentNumber: string | null;
  grounds: string | null;
  tags: string[];
  verified: boolean;
  note: string | null;
  sources: string[];
  participants: SeedParticipant[];
}

export interface SeedActionRelation {
  from: string;
  kind: ActionRelationKind;
  to: string;
}

export interface SeedData {
  technologies: SeedTechnology[];
  authorities: SeedAuthority[];
  lists: SeedList[];
  sources: SeedSource[];
  entities: SeedEntity[];
  entityRelations: SeedEntityRelation[];
  actions: SeedAction[];
  actionRelations: SeedActionRelation[];
}

/** The file behind each part of SeedData. */
export const SEED_FILES = {
  technologies: 'technologies.json',
  authorities: 'authorities.json',
  lists: 'lists.json',
  sources: 'sources.json',
  entities: 'entities.json',
  entityRelations: 'entity-relations.json',
  actions: 'actions.json',
  actionRelations: 'action-relations.json',
} as const satisfies Record<keyof SeedData, string>;

/** Each file's parsed JSON, before validation. */
export type RawSeedFiles = Record<keyof SeedData, unknown>;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** One problem: where it is (file, record, field) and what is wrong. */
export interface SeedIssue {
  file: string;
  /** The record's slug (or URL, or "from KIND to" for relations); "#n" when it has none. */
  record: string;
  field: string;
  message: string;
}

export class SeedDataError extends Error {
  constructor(readonly issues: readonly SeedIssue[]) {
    super(
      `Seed data refused, nothing was loaded (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.file}, record "${i.record}", field "${i.field}": ${i.message}`).join('\n'),
    );
    this.name = 'SeedDataError';
  }
}

class IssueLog {
  readonly issues: SeedIssue[] = [];

  add(file: string, record: string, field: string, message: string): void {
    this.issues.push({ file, record, field, message });
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new SeedDataError(this.issues);
  }
}

// ---------------------------------------------------------------------------------------------
// Field readers
// ---------------------------------------------------------------------------------------------

type JsonObject = Record<string, unknown>;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** YYYY-MM-DD and a real calendar day (PostgreSQL would reject 2019-02-30 mid-load). */
function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Reads one JSON object's fields, logging a problem (and returning a harmless placeholder) for
 * each bad one, so that reading goes on and every problem is reported. It remembers which keys
 * were read, so `finish()` can flag unknown keys: a misspelt optional key ("occuredOn") would
 * otherwise be dropped without a word.
 */
class RecordReader {
  private readonly read = new Set<string>();

  constructor(
    private readonly log: IssueLog,
    readonly file: string,
    readonly record: string,
    private readonly raw: JsonObject,
    private readonly prefix = '',
  ) {}

  problem(field: string, message: string): void {
    this.log.add(this.file, this.record, this.prefix + field, message);
  }

  private value(field: string): unknown {
    this.read.add(field);
    return this.raw[field];
  }

  has(field: string): boolean {
    return this.raw[field] !== undefined && this.raw[field] !== null;
  }

  string(field: string): string {
    const value = this.value(field);
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.problem(field, value === undefined || value === null ? 'is required' : 'must be a non-empty string');
    return '';
  }

  optionalString(field: string): string | null {
    if (this.has(field)) return this.string(field);
    this.read.add(field);
    return null;
  }

  optionalUrl(field: string): string | null {
    const value = this.optionalString(field);
    if (value !== null && !isHttpUrl(value)) this.problem(field, `"${value}" is not an http(s) URL`);
    return value;
  }

  date(field: string): string {
    const value = this.string(field);
    if (value !== '' && !isIsoDate(value)) this.problem(field, `"${value}" is not a date in YYYY-MM-DD form`);
    return value;
  }

  optionalDate(field: string): string | null {
    if (this.has(field)) return this.date(field);
    this.read.add(field);
    return null;
  }

  boolean(field: string): boolean {
    const value = this.value(field);
    if (typeof value === 'boolean') return value;
    this.problem(field, value === undefined ? 'is required (true or false)' : 'must be true or false');
    return false;
  }

  enumValue<E extends string>(field: string, enumObject: Record<string, E>, enumName: string): E {
    const allowed: readonly string[] = Object.values(enumObject);
    const value = this.string(field);
    if (value !== '' && !allowed.includes(value)) {
      this.problem(field, `"${value}" is not a valid ${enumName} (one of ${allowed.join(', ')})`);
    }
    return value as E;
  }

  /** A country code; it must be a known ISO 3166-1 alpha-2 code. */
  optionalCountry(field: string): string | null {
    const code = this.optionalString(field);
    if (code !== null && !isKnownCountryCode(code)) this.problem(field, `"${code}" is not a known ISO 3166-1 alpha-2 country code`);
    return code;
  }

  /** A list of strings; absent means empty, since the shapes allow leaving empty lists out. */
  stringList(field: string): string[] {
    const value = this.value(field);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(field, 'must be a list of strings');
      return [];
    }
    const strings: string[] = [];
    value.forEach((item, index) => {
      if (typeof item === 'string' && item.trim() !== '') strings.push(item);
      else this.problem(`${field}[${index}]`, 'must be a non-empty string');
    });
    return strings;
  }

  /** Readers for each object of a list field (participants, addresses...). */
  objectList(field: string): RecordReader[] {
    const value = this.value(field);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(field, 'must be a list of objects');
      return [];
    }
    const readers: RecordReader[] = [];
    value.forEach((item, index) => {
      const itemField = `${this.prefix}${field}[${index}]`;
      if (isJsonObject(item)) readers.push(new RecordReader(this.log, this.file, this.record, item, `${itemField}.`));
      else this.log.add(this.file, this.record, itemField, 'must be an object');
    });
    return readers;
  }

  finish(): void {
    for (const key of Object.keys(this.raw)) {
      if (!this.read.has(key)) this.problem(key, 'is not a known field (misspelt?)');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One reader per file shape
// ---------------------------------------------------------------------------------------------

/** Runs `parse` on each object of a file's top-level array; a record is named by `label`. */
function readRecords<T>(log: IssueLog, file: string, raw: unknown, label: (r: JsonObject) => string | null, parse: (r: RecordReader) => T): T[] {
  if (!Array.isArray(raw)) {
    log.add(file, '(file)', '(top level)', 'must be a JSON array of records');
    return [];
  }
  const records: T[] = [];
  raw.forEach((item, index) => {
    if (!isJsonObject(item)) {
      log.add(file, `#${index + 1}`, '(record)', 'must be an object');
      return;
    }
    const reader = new RecordReader(log, file, label(item) ?? `#${index + 1}`, item);
    records.push(parse(reader));
    reader.finish();
  });
  return records;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

const bySlug = (r: JsonObject): string | null => text(r.slug);
const byUrl = (r: JsonObject): string | null => text(r.url);
const byEnds = (r: JsonObject): string => `${text(r.from) ?? '?'} ${text(r.kind) ?? '?'} ${text(r.to) ?? '?'}`;

function readTechnology(r: RecordReader): SeedTechnology {
  return { slug: r.string('slug'), name: r.string('name'), description: r.optionalString('description'), parent: r.optionalString('parent') };
}

function readAuthority(r: RecordReader): SeedAuthority {
  return {
    slug: r.string('slug'),
    name: r.string('name'),
    abbreviation: r.optionalString('abbreviation'),
    kind: r.enumValue('kind', AuthorityKind, 'AuthorityKind'),
    country: r.optionalCountry('country'),
    parent: r.optionalString('parent'),
  };
}

function readList(r: RecordReader): SeedList {
  return {
    slug: r.string('slug'),
    name: r.string('name'),
    authority: r.string('authority'),
    description: r.optionalString('description'),
    url: r.optionalUrl('url'),
  };
}

function readSource(r: RecordReader): SeedSource {
  const url = r.string('url');
  if (url !== '' && !isHttpUrl(url)) r.problem('url', `"${url}" is not an http(s) URL`);
  return {
    url,
    kind: r.enumValue('kind', SourceKind, 'SourceKind'),
    title: r.string('title'),
    publisher: r.optionalString('publisher'),
    publishedOn: r.optionalDate('publishedOn'),
    archiveUrl: r.optionalUrl('archiveUrl'),
  };
}

/** Only the keys given are kept, so the stored JSON is exactly what the curator wrote. */
function readAddress(r: RecordReader): AddressValue {
  const address: AddressValue = { full: '' };
  for (const key of ['street', 'city', 'region', 'postalCode'] as const) {
    const value = r.optionalString(key);
    if (value !== null) address[key] = value;
  }
  const country = r.optionalCountry('country');
  if (country !== null) address.country = country;
  address.full = r.string('full');
  r.finish();
  return address;
}

function readIdentifier(r: RecordReader): SeedIdentifier {
  const identifier = { scheme: r.string('scheme'), value: r.string('value') };
  r.finish();
  return identifier;
}

function readEntity(r: RecordReader): SeedEntity {
  return {
    slug: r.string('slug'),
    kind: r.enumValue('kind', EntityKind, 'EntityKind'),
    name: r.string('name'),
    aliases: r.stringList('aliases'),
    country: r.optionalCountry('country'),
    addresses: r.objectList('addresses').map(readAddress),
    identifiers: r.objectList('identifiers').map(readIdentifier),
    description: r.optionalString('description'),
    website: r.optionalUrl('website'),
    technologies: r.stringList('technologies'),
    verified: r.boolean('verified'),
    note: r.optionalString('note'),
    sources: r.stringList('sources'),
  };
}

function readEntityRelation(r: RecordReader): SeedEntityRelation {
  return {
    from: r.string('from'),
    kind: r.enumValue('kind', EntityRelationKind, 'EntityRelationKind'),
    to: r.string('to'),
    since: r.optionalDate('since'),
    until: r.optionalDate('until'),
    sources: r.stringList('sources'),
  };
}

function readParticipant(r: RecordReader): SeedParticipant {
  const participant: SeedParticipant = {
    role: r.enumValue('role', ParticipantRole, 'ParticipantRole'),
    entity: r.optionalString('entity'),
    country: r.optionalCountry('country'),
    grounds: r.optionalString('grounds'),
    nameAsListed: r.optionalString('nameAsListed'),
    addressAsListed: r.optionalString('addressAsListed'),
    licenseRequirement: r.optionalString('licenseRequirement'),
    licensePolicy: r.optionalString('licensePolicy'),
    note: r.optionalString('note'),
  };
  if ((participant.entity === null) === (participant.country === null)) {
    r.problem('entity/country', 'a participant must name exactly one of entity or country');
  }
  r.finish();
  return participant;
}

function readAction(r: RecordReader): SeedAction {
  return {
    slug: r.string('slug'),
    kind: r.enumValue('kind', ActionKind, 'ActionKind'),
    title: r.string('title'),
    summary: r.optionalString('summary'),
    authority: r.string('authority'),
    list: r.optionalString('list'),
    occurredOn: r.date('occurredOn'),
    announcedOn: r.optionalDate('announcedOn'),
    publishedOn: r.optionalDate('publishedOn'),
    effectiveOn: r.optionalDate('effectiveOn'),
    endedOn: r.optionalDate('endedOn'),
    citation: r.optionalString('citation'),
    documentNumber: r.optionalString('documentNumber'),
    grounds: r.optionalString('grounds'),
    tags: r.stringList('tags'),
    verified: r.boolean('verified'),
    note: r.optionalString('note'),
    sources: r.stringList('sources'),
    participants: r.objectList('participants').map(readParticipant),
  };
}

function readActionRelation(r: RecordReader): SeedActionRelation {
  return { from: r.string('from'), kind: r.enumValue('kind', ActionRelationKind, 'ActionRelationKind'), to: r.string('to') };
}

// ---------------------------------------------------------------------------------------------
// Cross-file checks: references, citations, uniqueness
// ---------------------------------------------------------------------------------------------

/** Reports keys that occur twice in a file; the database would refuse the second. */
function checkUnique<T>(log: IssueLog, file: string, records: readonly T[], key: (r: T) => string, field: string): Set<string> {
  const seen = new Set<string>();
  for (const record of records) {
    const value = key(record);
    if (value === '') continue;
    if (seen.has(value)) log.add(file, value, field, `"${value}" occurs more than once in ${file}`);
    seen.add(value);
  }
  return seen;
}

/** A reference checker for one kind of key: reports a key missing from `known`. */
function referenceCheck(log: IssueLog, known: ReadonlySet<string>, targetFile: string, what: string) {
  return (file: string, record: string, field: string, value: string | null): void => {
    if (value !== null && value !== '' && !known.has(value)) log.add(file, record, field, `no ${what} "${value}" in ${targetFile}`);
  };
}

/** Parent references must exist and must not loop, or there is no parents-first order. */
function checkTree(log: IssueLog, file: string, records: readonly { slug: string; parent: string | null }[], known: ReadonlySet<string>): void {
  const parentOf = new Map(records.map((r) => [r.slug, r.parent]));
  const exists = referenceCheck(log, known, file, 'parent');
  for (const record of records) {
    exists(file, record.slug, 'parent', record.parent);
    const visited = new Set([record.slug]);
    for (let parent = record.parent; parent !== null && parentOf.has(parent); parent = parentOf.get(parent) ?? null) {
      if (visited.has(parent)) {
        log.add(file, record.slug, 'parent', `the parent chain loops back to "${parent}"`);
        break;
      }
      visited.add(parent);
    }
  }
}

function checkCitations(log: IssueLog, file: string, record: string, sources: readonly string[], knownUrls: ReadonlySet<string>, required: boolean): void {
  if (required && sources.length === 0) log.add(file, record, 'sources', 'cites no source (at least one source URL is required)');
  sources.forEach((url, index) => {
    if (!knownUrls.has(url)) log.add(file, record, `sources[${index}]`, `"${url}" is not in ${SEED_FILES.sources}`);
  });
}

function checkEntities(log: IssueLog, data: SeedData, known: KnownKeys): void {
  const file = SEED_FILES.entities;
  const technology = referenceCheck(log, known.technologies, SEED_FILES.technologies, 'technology');
  for (const entity of data.entities) {
    entity.technologies.forEach((slug, index) => technology(file, entity.slug, `technologies[${index}]`, slug));
    checkCitations(log, file, entity.slug, entity.sources, known.urls, true);
  }
}

function checkEntityRelations(log: IssueLog, data: SeedData, known: KnownKeys): void {
  const file = SEED_FILES.entityRelations;
  const entity = referenceCheck(log, known.entities, SEED_FILES.entities, 'entity');
  checkUnique(log, file, data.entityRelations, (r) => `${r.from} ${r.kind} ${r.to}`, 'from/kind/to');
  for (const relation of data.entityRelations) {
    const label = `${relation.from} ${relation.kind} ${relation.to}`;
    entity(file, label, 'from', relation.from);
    entity(file, label, 'to', relation.to);
    if (relation.from === relation.to) log.add(file, label, 'to', 'an entity cannot be related to itself');
    checkCitations(log, file, label, relation.sources, known.urls, false);
  }
}

function checkParticipants(log: IssueLog, action: SeedAction, known: KnownKeys): void {
  const file = SEED_FILES.actions;
  const entity = referenceCheck(log, known.entities, SEED_FILES.entities, 'entity');
  const seen = new Set<string>();
  action.participants.forEach((participant, index) => {
    const field = `participants[${index}]`;
    entity(file, action.slug, `${field}.entity`, participant.entity);
    const key = `${participant.role} ${participant.entity ?? participant.country}`;
    if (seen.has(key)) log.add(file, action.slug, field, `${key} is listed more than once`);
    seen.add(key);
  });
}

function checkActions(log: IssueLog, data: SeedData, known: KnownKeys): void {
  const file = SEED_FILES.actions;
  const authority = referenceCheck(log, known.authorities, SEED_FILES.authorities, 'authority');
  const list = referenceCheck(log, known.lists, SEED_FILES.lists, 'list');
  for (const action of data.actions) {
    authority(file, action.slug, 'authority', action.authority);
    list(file, action.slug, 'list', action.list);
    if (LIST_ACTION_KINDS.includes(action.kind) && action.list === null) {
      log.add(file, action.slug, 'list', `a ${action.kind} action must name the list it changes`);
    }
    checkCitations(log, file, action.slug, action.sources, known.urls, true);
    checkParticipants(log, action, known);
  }
}

function checkActionRelations(log: IssueLog, data: SeedData, known: KnownKeys): void {
  const file = SEED_FILES.actionRelations;
  const action = referenceCheck(log, known.actions, SEED_FILES.actions, 'action');
  checkUnique(log, file, data.actionRelations, (r) => `${r.from} ${r.kind} ${r.to}`, 'from/kind/to');
  for (const relation of data.actionRelations) {
    const label = `${relation.from} ${relation.kind} ${relation.to}`;
    action(file, label, 'from', relation.from);
    action(file, label, 'to', relation.to);
    if (relation.from === relation.to) log.add(file, label, 'to', 'an action cannot be related to itself');
  }
}

interface KnownKeys {
  technologies: Set<string>;
  authorities: Set<string>;
  lists: Set<string>;
  urls: Set<string>;
  entities: Set<string>;
  actions: Set<string>;
}

function checkReferences(log: IssueLog, data: SeedData): void {
  const known: KnownKeys = {
    technologies: checkUnique(log, SEED_FILES.technologies, data.technologies, (r) => r.slug, 'slug'),
    authorities: checkUnique(log, SEED_FILES.authorities, data.authorities, (r) => r.slug, 'slug'),
    lists: checkUnique(log, SEED_FILES.lists, data.lists, (r) => r.slug, 'slug'),
    urls: checkUnique(log, SEED_FILES.sources, data.sources, (r) => r.url, 'url'),
    entities: checkUnique(log, SEED_FILES.entities, data.entities, (r) => r.slug, 'slug'),
    actions: checkUnique(log, SEED_FILES.actions, data.actions, (r) => r.slug, 'slug'),
  };
  checkTree(log, SEED_FILES.technologies, data.technologies, known.technologies);
  checkTree(log, SEED_FILES.authorities, data.authorities, known.authorities);
  const authority = referenceCheck(log, known.authorities, SEED_FILES.authorities, 'authority');
  for (const list of data.lists) authority(SEED_FILES.lists, list.slug, 'authority', list.authority);
  checkEntities(log, data, known);
  checkEntityRelations(log, data, known);
  checkActions(log, data, known);
  checkActionRelations(log, data, known);
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/**
 * Validates parsed seed files and returns the typed records; throws a SeedDataError listing
 * every problem (file, record, field) when there is any.
 */
export function parseSeedData(files: RawSeedFiles): SeedData {
  const log = new IssueLog();
  const data: SeedData = {
    technologies: readRecords(log, SEED_FILES.technologies, files.technologies, bySlug, readTechnology),
    authorities: readRecords(log, SEED_FILES.authorities, files.authorities, bySlug, readAuthority),
    lists: readRecords(log, SEED_FILES.lists, files.lists, bySlug, readList),
    sources: readRecords(log, SEED_FILES.sources, files.sources, byUrl, readSource),
    entities: readRecords(log, SEED_FILES.entities, files.entities, bySlug, readEntity),
    entityRelations: readRecords(log, SEED_FILES.entityRelations, files.entityRelations, byEnds, readEntityRelation),
    actions: readRecords(log, SEED_FILES.actions, files.actions, bySlug, readAction),
    actionRelations: readRecords(log, SEED_FILES.actionRelations, files.actionRelations, byEnds, readActionRelation),
  };
  checkReferences(log, data);
  log.throwIfAny();
  return data;
}

/**
 * The seeds/data folder: found by walking up from this file, because it runs both from src/seeds
 * (ts-node, vitest) and from dist/src/seeds (built), at different depths below the repo root.
 */
export function findSeedDataDir(startDir: string = __dirname): string {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'seeds', 'data');
    if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the seeds/data folder in ${startDir} or any folder above it`);
  }
}

function readJsonFile(log: IssueLog, dataDir: string, file: string): unknown {
  const fullPath = path.join(dataDir, file);
  try {
    return JSON.parse(fs.readFileSync(fullPath, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.add(file, '(file)', '(file)', `cannot be read as JSON from ${fullPath}: ${reason}`);
    return undefined;
  }
}

/** Reads and validates every seed file; throws a SeedDataError when anything is wrong. */
export function loadSeedData(dataDir: string = findSeedDataDir()): SeedData {
  const log = new IssueLog();
  const files = Object.fromEntries(
    Object.entries(SEED_FILES).map(([part, file]) => [part, readJsonFile(log, dataDir, file)]),
  ) as RawSeedFiles;
  // A file that cannot be read at all would only add noise ("must be a JSON array") below.
  log.throwIfAny();
  return parseSeedData(files);
}
