import type { EntityManager } from '@mikro-orm/postgresql';
import { entitySearchText, nameKey } from '../search/normalize';
import { ImportItem, RowRejected } from './model';
import { canonical, Counts, IMPORT_ACTOR, ImportContext } from './writer';

/*
 * Importing the project's own JSON-lines export (see exportPolicyKb in exporter.ts): every
 * record is upserted by its natural key (code, slug, URL, slug pairs) and written only where it
 * differs, so importing an export into an empty (migrated, unseeded) database and exporting
 * again gives the same bytes, and importing it twice changes nothing. Records refer to each
 * other by natural key; a parent (technology, authority) that comes later in the file is linked
 * at the end of the run (ImportContext.deferredParents). Participants of an action and the rows
 * of other tables not in the file are left alone; a record's own fields and its source,
 * technology sets are made what the file says.
 */

export const PKB_TYPES = ['country', 'technology', 'authority', 'list', 'source', 'entity', 'entity-relation', 'action', 'action-relation'] as const;
type PkbType = (typeof PKB_TYPES)[number];
type Rec = Record<string, any>;

/** One line of the file -> an item (the header line is checked by the reader and passed over). */
export function mapPkbRecord(value: unknown): ImportItem | 'later' {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RowRejected('not a JSON object');
  const rec = value as Rec;
  if (rec.type === 'policy-kb-export') {
    if (rec.version !== 1) throw new RowRejected(`policy-kb-export version ${String(rec.version)} is not supported (1)`);
    return 'later';
  }
  if (!PKB_TYPES.includes(rec.type)) throw new RowRejected(`unknown type ${JSON.stringify(rec.type)} (one of ${PKB_TYPES.join(', ')})`);
  const need = (...fields: string[]) => {
    for (const f of fields) if (rec[f] === undefined || rec[f] === null || rec[f] === '') throw new RowRejected(`${rec.type} without ${f}`);
  };
  const type = rec.type as PkbType;
  if (type === 'country') need('code', 'name');
  else if (type === 'source') need('url', 'kind', 'title');
  else if (type === 'entity-relation' || type === 'action-relation') need('from', 'to', 'kind');
  else need('slug');
  return { pkb: rec };
}

interface Column {
  /** A jsonb value. */
  json?: boolean;
  /** A text[] value. */
  array?: boolean;
  /** A timestamp: compared as an instant. */
  instant?: boolean;
}

interface TableSpec {
  table: string;
  subject: string | null;
  key: string[];
  columns: Record<string, Column>;
  versioned: boolean;
  hasId: boolean;
}

const plain = (...names: string[]): Record<string, Column> => Object.fromEntries(names.map((n) => [n, {}]));
const TABLES: Record<string, TableSpec> = {
  country: { table: 'country', subject: null, key: ['code'], columns: plain('code', 'name', 'official_name', 'alpha3', 'region', 'subregion'), versioned: false, hasId: false },
  technology: { table: 'technology_category', subject: 'TechnologyCategory', key: ['slug'], columns: plain('slug', 'name', 'description'), versioned: true, hasId: true },
  authority: { table: 'authority', subject: 'Authority', key: ['slug'], columns: plain('slug', 'name', 'abbreviation', 'kind', 'country_code'), versioned: true, hasId: true },
  list: { table: 'sanctions_list', subject: 'SanctionsList', key: ['slug'], columns: plain('slug', 'name', 'authority_id', 'description', 'url'), versioned: true, hasId: true },
  source: { table: 'source', subject: 'Source', key: ['url'], columns: plain('url', 'kind', 'title', 'publisher', 'published_on', 'retrieved_on', 'archive_url'), versioned: true, hasId: true },
  entity: {
    table: 'entity',
    subject: 'Entity',
    key: ['slug'],
    columns: {
      ...plain('slug', 'kind', 'name', 'country_code', 'description', 'website', 'verified', 'note'),
      aliases: { array: true },
      addresses: { json: true },
      identifiers: { json: true },
      deleted_at: { instant: true },
    },
    versioned: true,
    hasId: true,
  },
  'entity-relation': { table: 'entity_relation', subject: null, key: ['from_id', 'to_id', 'kind'], columns: plain('from_id', 'to_id', 'kind', 'since', 'until'), versioned: false, hasId: true },
  action: {
    table: 'government_action',
    subject: 'GovernmentAction',
    key: ['slug'],
    columns: {
      ...plain('slug', 'kind', 'title', 'summary', 'authority_id', 'list_id', 'occurred_on', 'announced_on', 'published_on', 'effective_on', 'ended_on', 'citation', 'document_number', 'grounds', 'verified', 'note'),
      tags: { array: true },
      deleted_at: { instant: true },
    },
    versioned: true,
    hasId: true,
  },
  participation: {
    table: 'participation',
    subject: 'Participation',
    key: ['action_id', 'role', 'entity_id', 'country_code'],
    columns: { ...plain('action_id', 'role', 'entity_id', 'country_code', 'grounds', 'name_as_listed', 'address_as_listed', 'license_requirement', 'license_policy', 'note'), deleted_at: { instant: true } },
    versioned: true,
    hasId: true,
  },
  'action-relation': { table: 'action_relation', subject: null, key: ['from_id', 'to_id', 'kind'], columns: plain('from_id', 'to_id', 'kind'), versioned: false, hasId: true },
};

const same = (col: Column, a: unknown, b: unknown): boolean => {
  if (col.instant) return (a ? new Date(a as string).toISOString() : null) === (b ? new Date(b as string).toISOString() : null);
  return canonical(a ?? null) === canonical(b ?? null);
};

/** Writes one batch of policy-kb records in the caller's transaction. Same interface as BatchWriter. */
export class PkbWriter {
  readonly counts: Record<string, Counts> = {};
  private readonly idCache = new Map<string, number | null>();
  private readonly revisions: { operation: string; subjectType: string; subjectId: number; changes: Record<string, [unknown, unknown]> }[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly ctx: ImportContext,
    private readonly actor: string = IMPORT_ACTOR,
  ) {}

  private sql<T = Rec>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(query, params);
  }

  private tally(table: string, outcome: keyof Counts): void {
    (this.counts[table] ??= { created: 0, updated: 0, unchanged: 0 })[outcome]++;
  }

  /** The id of a record by natural key (cached for this batch only); null when absent. */
  async idOf(table: string, column: string, value: string): Promise<number | null> {
    const k = `${table}|${column}|${value}`;
    if (this.idCache.has(k)) return this.idCache.get(k) as number | null;
    const rows = await this.sql<{ id: number }>(`select id from "${table}" where "${column}" = ?`, [value]);
    const id = rows[0]?.id ?? null;
    this.idCache.set(k, id);
    return id;
  }

  private async need(table: string, column: string, value: string | null | undefined, what: string): Promise<number | null> {
    if (value === null || value === undefined) return null;
    const id = await this.idOf(table, column, value);
    if (id === null) throw new RowRejected(`${what} "${value}" is neither earlier in the file nor in the database`);
    return id;
  }

  /**
   * Inserts the row, or updates the columns that differ; returns its id and the changes (null
   * when unchanged). `extra` columns are written with it but not compared (derived values).
   */
  async upsert(kind: string, row: Rec, extra: Rec = {}, count = true): Promise<{ id: number | null; changes: Record<string, [unknown, unknown]> | null; created: boolean }> {
    const spec = TABLES[kind];
    const cols = Object.keys(spec.columns);
    const keyWhere = spec.key.map((k) => (row[k] === null ? `"${k}" is null` : `"${k}" = ?`)).join(' and ');
    const keyParams = spec.key.filter((k) => row[k] !== null).map((k) => row[k]);
    const [old] = await this.sql(`select ${spec.hasId ? 'id' : 'null as id'}, ${cols.map((c) => `to_jsonb("${c}") as "${c}"`).join(', ')} from "${spec.table}" where ${keyWhere}`, keyParams);
    const value = (c: string, v: unknown): [string, unknown] => {
      const col = spec.columns[c] ?? {};
      if (col.json) return ['?::jsonb', JSON.stringify(v ?? [])];
      if (col.array) return [`(select coalesce(array_agg(x), '{}') from jsonb_array_elements_text(?::jsonb) x)::text[]`, JSON.stringify(v ?? [])];
      return ['?', v ?? null];
    };
    const table = spec.table;
    if (!old) {
      const all = { ...row, ...extra };
      const names = Object.keys(all);
      const parts = names.map((c) => value(c, all[c]));
      const [inserted] = await this.sql<{ id: number | null }>(
        `insert into "${table}" (${names.map((c) => `"${c}"`).join(', ')}) values (${parts.map((p) => p[0]).join(', ')}) returning ${spec.hasId ? 'id' : 'null as id'}`,
        parts.map((p) => p[1]),
      );
      const changes: Record<string, [unknown, unknown]> = {};
      for (const c of cols) if (row[c] !== null && row[c] !== undefined && !(Array.isArray(row[c]) && !row[c].length)) changes[c] = [null, row[c]];
      if (count) this.tally(table, 'created');
      if (spec.subject && inserted.id) this.revisions.push({ operation: 'create', subjectType: spec.subject, subjectId: inserted.id, changes });
      return { id: inserted.id, changes, created: true };
    }
    const changes: Record<string, [unknown, unknown]> = {};
    for (const c of cols) if (!same(spec.columns[c], old[c], row[c])) changes[c] = [old[c] ?? null, row[c] ?? null];
    if (!Object.keys(changes).length) {
      if (count) this.tally(table, 'unchanged');
      return { id: old.id, changes: null, created: false };
    }
    const set = { ...Object.fromEntries(Object.keys(changes).map((c) => [c, row[c]])), ...extra };
    const parts = Object.entries(set).map(([c, v]) => [`"${c}" = ${value(c, v)[0]}`, value(c, v)[1]] as [string, unknown]);
    if (spec.versioned) parts.push(['"version" = "version" + 1, "updated_at" = now()', undefined]);
    await this.sql(
      `update "${table}" set ${parts.map((p) => p[0]).join(', ')} where ${keyWhere}`,
      [...parts.filter((p) => !p[0].startsWith('"version"')).map((p) => p[1]), ...keyParams],
    );
    if (count) this.tally(table, 'updated');
    if (spec.subject && old.id) this.revisions.push({ operation: 'update', subjectType: spec.subject, subjectId: old.id, changes });
    return { id: old.id, changes, created: false };
  }

  /** Makes the pivot rows of `ownerId` exactly `ids`; returns [before, after] when it changed. */
  private async syncPivot(pivot: string, ownerCol: string, ownerId: number, otherCol: string, ids: number[]): Promise<boolean> {
    const current = (await this.sql<{ id: number }>(`select "${otherCol}" as id from "${pivot}" where "${ownerCol}" = ?`, [ownerId])).map((r) => r.id);
    const want = new Set(ids);
    const remove = current.filter((id) => !want.has(id));
    const add = [...want].filter((id) => !current.includes(id));
    if (remove.length) await this.sql(`delete from "${pivot}" where "${ownerCol}" = ? and "${otherCol}" in (?)`, [ownerId, remove]);
    for (const id of add) await this.sql(`insert into "${pivot}" ("${ownerCol}", "${otherCol}") values (?, ?)`, [ownerId, id]);
    return remove.length > 0 || add.length > 0;
  }

  private async ids(table: string, column: string, values: string[] | null | undefined, what: string): Promise<number[]> {
    const out: number[] = [];
    for (const v of values ?? []) out.push((await this.need(table, column, v, what)) as number);
    return out;
  }

  /** A set (sources, technologies) written after its owner: counted as a change of the owner. */
  private async withSets(kind: string, row: Rec, extra: Rec, sets: { pivot: string; ownerCol: string; otherCol: string; ids: number[]; field: string; values: string[] }[]): Promise<number> {
    const result = await this.upsert(kind, row, extra, false);
    const id = result.id as number;
    const spec = TABLES[kind];
    const setChanges: Record<string, [unknown, unknown]> = {};
    for (const s of sets) {
      if (await this.syncPivot(s.pivot, s.ownerCol, id, s.otherCol, s.ids)) setChanges[s.field] = [result.created ? null : 'changed', [...s.values].sort()];
    }
    const changed = result.created || Boolean(result.changes) || Object.keys(setChanges).length > 0;
    this.tally(spec.table, result.created ? 'created' : changed ? 'updated' : 'unchanged');
    if (Object.keys(setChanges).length && spec.subject) {
      const rev = [...this.revisions].reverse().find((r) => r.subjectId === id && r.subjectType === spec.subject);
      if (rev && (result.created || result.changes)) Object.assign(rev.changes, setChanges);
      else {
        this.revisions.push({ operation: 'update', subjectType: spec.subject, subjectId: id, changes: setChanges });
        if (spec.versioned) await this.sql(`update "${spec.table}" set "version" = "version" + 1, "updated_at" = now() where id = ?`, [id]);
      }
    }
    return id;
  }

  async write(items: readonly ImportItem[]): Promise<void> {
    for (const item of items) if (item.pkb) await this.writeOne(item.pkb);
    if (this.revisions.length) {
      const rows = this.revisions.map((r) => [this.actor, r.operation, r.subjectType, r.subjectId, JSON.stringify(r.changes)]);
      await this.sql(`insert into revision (actor, operation, subject_type, subject_id, changes) values ${rows.map(() => '(?, ?, ?, ?, ?::jsonb)').join(', ')}`, rows.flat());
    }
  }

  commit(): void {
    /* nothing kept between batches */
  }

  private async writeOne(r: Rec): Promise<void> {
    switch (r.type as PkbType) {
      case 'country':
        await this.upsert('country', { code: r.code, name: r.name, official_name: r.officialName ?? null, alpha3: r.alpha3 ?? null, region: r.region ?? null, subregion: r.subregion ?? null });
        return;
      case 'technology':
      case 'authority': {
        const table = r.type === 'technology' ? 'technology_category' : 'authority';
        const row = r.type === 'technology'
          ? { slug: r.slug, name: r.name, description: r.description ?? null }
          : { slug: r.slug, name: r.name, abbreviation: r.abbreviation ?? null, kind: r.kind, country_code: r.country ?? null };
        const { id } = await this.upsert(r.type, row);
        const parent = r.parent ? await this.idOf(table, 'slug', r.parent) : null;
        if (r.parent && parent === null) this.ctx.deferredParents.push({ table, slug: r.slug, parent: r.parent });
        else await this.setParent(table, id as number, parent);
        return;
      }
      case 'list':
        await this.upsert('list', { slug: r.slug, name: r.name, authority_id: await this.need('authority', 'slug', r.authority, 'authority'), description: r.description ?? null, url: r.url ?? null });
        return;
      case 'source':
        await this.upsert('source', { url: r.url, kind: r.kind, title: r.title, publisher: r.publisher ?? null, published_on: r.publishedOn ?? null, retrieved_on: r.retrievedOn ?? null, archive_url: r.archiveUrl ?? null });
        return;
      case 'entity': {
        const sources = await this.ids('source', 'url', r.sources, 'source');
        const technologies = await this.ids('technology_category', 'slug', r.technologies, 'technology');
        const aliases = (r.aliases ?? []) as string[];
        await this.withSets(
          'entity',
          {
            slug: r.slug, kind: r.kind, name: r.name, aliases, country_code: r.country ?? null, addresses: r.addresses ?? [], identifiers: r.identifiers ?? [],
            description: r.description ?? null, website: r.website ?? null, verified: r.verified ?? true, note: r.note ?? null, deleted_at: r.deletedAt ?? null,
          },
          { search_text: entitySearchText(r.name, aliases), name_key: nameKey(r.name) },
          [
            { pivot: 'entity_source', ownerCol: 'entity_id', otherCol: 'source_id', ids: sources, field: 'sources', values: r.sources ?? [] },
            { pivot: 'entity_technology', ownerCol: 'entity_id', otherCol: 'technology_category_id', ids: technologies, field: 'technologies', values: r.technologies ?? [] },
          ],
        );
        return;
      }
      case 'entity-relation': {
        const from = (await this.need('entity', 'slug', r.from, 'entity')) as number;
        const to = (await this.need('entity', 'slug', r.to, 'entity')) as number;
        const sources = await this.ids('source', 'url', r.sources, 'source');
        const created = !(await this.sql(`select 1 from entity_relation where from_id = ? and to_id = ? and kind = ?`, [from, to, r.kind])).length;
        await this.withSets('entity-relation', { from_id: from, to_id: to, kind: r.kind, since: r.since ?? null, until: r.until ?? null }, {}, [
          { pivot: 'entity_relation_source', ownerCol: 'entity_relation_id', otherCol: 'source_id', ids: sources, field: 'sources', values: r.sources ?? [] },
        ]);
        // Audited on the entity it starts from, like the write API ("relate").
        if (created) this.revisions.push({ operation: 'relate', subjectType: 'Entity', subjectId: from, changes: { [`relation:${r.kind}`]: [null, { entity: to, since: r.since ?? null, until: r.until ?? null }] } });
        return;
      }
      case 'action': {
        const sources = await this.ids('source', 'url', r.sources, 'source');
        const actionId = await this.withSets(
          'action',
          {
            slug: r.slug, kind: r.kind, title: r.title, summary: r.summary ?? null, authority_id: await this.need('authority', 'slug', r.authority, 'authority'),
            list_id: await this.need('sanctions_list', 'slug', r.list, 'list'), occurred_on: r.occurredOn, announced_on: r.announcedOn ?? null, published_on: r.publishedOn ?? null,
            effective_on: r.effectiveOn ?? null, ended_on: r.endedOn ?? null, citation: r.citation ?? null, document_number: r.documentNumber ?? null, grounds: r.grounds ?? null,
            tags: r.tags ?? [], verified: r.verified ?? true, note: r.note ?? null, deleted_at: r.deletedAt ?? null,
          },
          {},
          [{ pivot: 'action_source', ownerCol: 'action_id', otherCol: 'source_id', ids: sources, field: 'sources', values: r.sources ?? [] }],
        );
        for (const p of (r.participants ?? []) as Rec[]) {
          const entityId = p.entity ? await this.need('entity', 'slug', p.entity, 'participant entity') : null;
          const [old] = await this.sql<{ deleted_at: string | null }>(
            `select deleted_at from participation where action_id = ? and role = ? and ${entityId === null ? 'entity_id is null' : 'entity_id = ?'} and ${p.country ? 'country_code = ?' : 'country_code is null'}`,
            [actionId, p.role, ...(entityId === null ? [] : [entityId]), ...(p.country ? [p.country] : [])],
          );
          // "deleted" is exported as a flag: keep the moment a participant was removed if it already was.
          const deletedAt = p.deleted ? (old?.deleted_at ?? new Date().toISOString()) : null;
          await this.upsert('participation', {
            action_id: actionId, role: p.role, entity_id: entityId, country_code: p.country ?? null, grounds: p.grounds ?? null, name_as_listed: p.nameAsListed ?? null,
            address_as_listed: p.addressAsListed ?? null, license_requirement: p.licenseRequirement ?? null, license_policy: p.licensePolicy ?? null, note: p.note ?? null, deleted_at: deletedAt,
          });
        }
        return;
      }
      case 'action-relation': {
        const from = (await this.need('government_action', 'slug', r.from, 'action')) as number;
        const to = (await this.need('government_action', 'slug', r.to, 'action')) as number;
        const { created } = await this.upsert('action-relation', { from_id: from, to_id: to, kind: r.kind });
        if (created) this.revisions.push({ operation: 'relate', subjectType: 'GovernmentAction', subjectId: from, changes: { [`relation:${r.kind}`]: [null, { action: to }] } });
        return;
      }
    }
  }

  async setParent(table: string, id: number, parent: number | null): Promise<void> {
    const [row] = await this.sql<{ parent_id: number | null }>(`select parent_id from "${table}" where id = ?`, [id]);
    if ((row?.parent_id ?? null) === parent) return;
    await this.sql(`update "${table}" set parent_id = ?, version = version + 1, updated_at = now() where id = ?`, [parent, id]);
    this.revisions.push({ operation: 'update', subjectType: table === 'authority' ? 'Authority' : 'TechnologyCategory', subjectId: id, changes: { parent: [row?.parent_id ?? null, parent] } });
    this.tally(table, 'updated');
  }

  /** Links the parents that came after their children in the file; returns the ones still missing. */
  async linkDeferredParents(): Promise<string[]> {
    const missing: string[] = [];
    for (const d of this.ctx.deferredParents) {
      const id = await this.idOf(d.table, 'slug', d.slug);
      const parent = await this.idOf(d.table, 'slug', d.parent);
      if (id === null || parent === null) missing.push(`${d.table} ${d.slug}: its parent ${d.parent} is neither in the file nor in the database`);
      else await this.setParent(d.table, id, parent);
    }
    await this.write([]);
    return missing;
  }
}
