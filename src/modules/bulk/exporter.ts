import fs from 'node:fs';
import { once } from 'node:events';
import type { MikroORM } from '@mikro-orm/postgresql';
import { EntityKind } from '../entity/entity-kinds';
import { Progress, silentProgress } from './progress';

export const EXPORT_FORMATS = ['policy-kb', 'csv', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFilter {
  lists: string[];
  countries: string[];
  kinds: string[];
  since: string | null;
}

/** `list=us-entity-list`, `country=CN`, `kind=COMPANY`, `since=2019-01-01`; repeat a key for "any of". */
export function parseExportFilter(items: readonly string[]): ExportFilter {
  const filter: ExportFilter = { lists: [], countries: [], kinds: [], since: null };
  for (const item of items) {
    const [key, value] = [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)];
    if (!item.includes('=') || !value) throw new Error(`--filter ${item}: expected KEY=VALUE (list, country, kind or since)`);
    if (key === 'list') filter.lists.push(value);
    else if (key === 'country') filter.countries.push(value.toUpperCase());
    else if (key === 'kind') {
      if (!Object.values(EntityKind).includes(value.toUpperCase() as EntityKind)) throw new Error(`--filter kind=${value}: one of ${Object.values(EntityKind).join(', ')}`);
      filter.kinds.push(value.toUpperCase());
    } else if (key === 'since') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`--filter since=${value}: expected YYYY-MM-DD`);
      filter.since = value;
    } else throw new Error(`--filter ${item}: unknown key "${key}" (list, country, kind or since)`);
  }
  return filter;
}

export interface ExportOptions {
  format: ExportFormat;
  /** A file; stdout when not given. */
  out?: string;
  filter?: ExportFilter;
  progress?: Progress;
  /** Rows per query page (1000). */
  pageSize?: number;
}

type Row = Record<string, any>;

/** Writes with back-pressure, so a large export never piles up in memory. */
class Output {
  constructor(private readonly stream: NodeJS.WritableStream) {}
  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream as fs.WriteStream, 'drain');
  }
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Sorted object keys, so the same record always gives the same line. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));

function entityWhere(filter: ExportFilter, params: unknown[]): string {
  const parts: string[] = [];
  if (filter.countries.length) {
    parts.push(`e.country_code in (?)`);
    params.push(filter.countries);
  }
  if (filter.kinds.length) {
    parts.push(`e.kind in (?)`);
    params.push(filter.kinds);
  }
  if (filter.lists.length || filter.since) {
    const sub: string[] = [`p.entity_id = e.id`, `p.deleted_at is null`, `a.deleted_at is null`];
    if (filter.lists.length) {
      sub.push(`l.slug in (?)`);
      params.push(filter.lists);
    }
    if (filter.since) {
      sub.push(`a.occurred_on >= ?`);
      params.push(filter.since);
    }
    parts.push(`exists (select 1 from participation p join government_action a on a.id = p.action_id left join sanctions_list l on l.id = a.list_id where ${sub.join(' and ')})`);
  }
  return parts.length ? ` and ${parts.join(' and ')}` : '';
}

const ENTITY_COLUMNS = `e.id, e.slug, e.kind, e.name, e.aliases, e.country_code, e.addresses, e.identifiers, e.description, e.website, e.verified, e.note, e.deleted_at,
  coalesce((select array_agg(s.url order by s.url) from entity_source es join source s on s.id = es.source_id where es.entity_id = e.id), '{}') as sources,
  coalesce((select array_agg(t.slug order by t.slug) from entity_technology et join technology_category t on t.id = et.technology_category_id where et.entity_id = e.id), '{}') as technologies`;

/**
 * Streams the database out in the chosen format, page by page (keyset on the natural key), so
 * memory stays flat whatever the size. Returns the number of records written.
 */
export async function exportData(orm: MikroORM, options: ExportOptions): Promise<number> {
  const filter = options.filter ?? { lists: [], countries: [], kinds: [], since: null };
  const progress = options.progress ?? silentProgress;
  const pageSize = options.pageSize ?? 1000;
  const conn = orm.em.fork().getConnection();
  const sql = <T = Row>(query: string, params: unknown[] = []) => conn.execute<T[]>(query, params);
  const stream = options.out ? fs.createWriteStream(options.out) : process.stdout;
  const out = new Output(stream);
  let count = 0;

  /** Every row of a query, in pages ordered by `key` (a unique text column aliased as "k"). */
  async function* pages(select: string, params: unknown[] = []): AsyncGenerator<Row> {
    let last: string | null = null;
    for (;;) {
      const rows: Row[] = await sql(`select * from (${select}) q where (?::text is null or q.k collate "C" > ?) order by q.k collate "C" limit ${pageSize}`, [...params, last, last]);
      for (const r of rows) yield r;
      if (rows.length < pageSize) return;
      last = rows[rows.length - 1].k as string;
    }
  }
  const emit = async (line: string) => {
    await out.write(line);
    count++;
    progress.update(count);
  };

  progress.start(null, `export ${options.format}`);
  try {
    if (options.format === 'csv') {
      await emit(
        `${['list', 'list_name', 'authority', 'action', 'citation', 'occurred_on', 'effective_on', 'entity', 'entity_name', 'kind', 'country', 'aliases', 'addresses', 'identifiers', 'name_as_listed', 'grounds', 'license_requirement', 'license_policy', 'sources'].join(',')}\n`,
      );
      count--;
      const params: unknown[] = [];
      const where = entityWhere(filter, params);
      const listParams: unknown[] = [];
      let listWhere = '';
      if (filter.lists.length) {
        listWhere += ` and l.slug in (?)`;
        listParams.push(filter.lists);
      }
      if (filter.since) {
        listWhere += ` and a.occurred_on >= ?`;
        listParams.push(filter.since);
      }
      for await (const r of pages(
        `select l.slug || ' ' || a.slug || ' ' || e.slug as k, l.slug as list, l.name as list_name, au.name as authority, a.slug as action, a.citation, a.occurred_on::text, a.effective_on::text,
           e.slug as entity, e.name as entity_name, e.kind, e.country_code, e.aliases, e.addresses, e.identifiers, p.name_as_listed, p.grounds, p.license_requirement, p.license_policy,
           coalesce((select array_agg(s.url order by s.url) from action_source x join source s on s.id = x.source_id where x.action_id = a.id), '{}') as sources
         from participation p join government_action a on a.id = p.action_id join sanctions_list l on l.id = a.list_id join authority au on au.id = a.authority_id join entity e on e.id = p.entity_id
         where a.kind = 'LISTING' and p.role = 'TARGET' and p.deleted_at is null and a.deleted_at is null and e.deleted_at is null${where}${listWhere}`,
        [...params, ...listParams],
      )) {
        await emit(
          `${[r.list, r.list_name, r.authority, r.action, r.citation, r.occurred_on, r.effective_on, r.entity, r.entity_name, r.kind, r.country_code, r.aliases, (r.addresses as { full: string }[]).map((a) => a.full), (r.identifiers as { scheme: string; value: string }[]).map((i) => `${i.scheme}: ${i.value}`), r.name_as_listed, r.grounds, r.license_requirement, r.license_policy, r.sources]
            .map(csvCell)
            .join(',')}\n`,
        );
      }
    } else if (options.format === 'ftm') {
      await exportFtm(pages, emit, filter);
    } else {
      await exportPolicyKb(pages, emit);
    }
  } finally {
    progress.stop();
    if (options.out) {
      (stream as fs.WriteStream).end();
      await once(stream as fs.WriteStream, 'finish');
    }
  }
  return count;
}

type Pages = (select: string, params?: unknown[]) => AsyncGenerator<Row>;
type Emit = (line: string) => Promise<void>;

const FTM_SCHEMA: Record<string, string> = {
  PERSON: 'Person',
  COMPANY: 'Company',
  GOVERNMENT_AGENCY: 'PublicBody',
  MILITARY: 'PublicBody',
  EDUCATIONAL_INSTITUTION: 'Organization',
  RESEARCH_INSTITUTE: 'Organization',
  NGO: 'Organization',
  OTHER: 'LegalEntity',
};
const ftmId = (kind: string, slug: string) => `pkb-${kind}-${slug}`;
const compact = (props: Record<string, unknown[]>) => Object.fromEntries(Object.entries(props).filter(([, v]) => v.length && v.every((x) => x !== null && x !== undefined && x !== '')));

/** FollowTheMoney JSON lines: parties, then a Sanction per listing, then Ownership/UnknownLink per relation. Ids are built from slugs, so they are stable. */
async function exportFtm(pages: Pages, emit: Emit, filter: ExportFilter): Promise<void> {
  const params: unknown[] = [];
  const where = entityWhere(filter, params);
  for await (const e of pages(`select e.slug as k, ${ENTITY_COLUMNS} from entity e where e.deleted_at is null${where}`, params)) {
    const ids = e.identifiers as { scheme: string; value: string }[];
    const props = compact({
      name: [e.name],
      alias: e.aliases,
      country: e.country_code ? [String(e.country_code).toLowerCase()] : [],
      address: (e.addresses as { full: string }[]).map((a) => a.full),
      website: e.website ? [e.website] : [],
      notes: e.description ? [e.description] : [],
      sourceUrl: e.sources,
      registrationNumber: ids.filter((i) => i.scheme !== 'ftm').map((i) => `${i.scheme}: ${i.value}`),
      topics: ['sanction'],
    });
    await emit(`${JSON.stringify({ id: ftmId('entity', e.slug), schema: FTM_SCHEMA[e.kind] ?? 'LegalEntity', properties: props, datasets: ['policy-kb'] })}\n`);
  }
  const listParams: unknown[] = [...params];
  for await (const r of pages(
    `select a.slug || ' ' || e.slug as k, a.slug as action, e.slug as entity, a.occurred_on::text, a.effective_on::text, a.ended_on::text, a.citation, l.name as list_name, au.name as authority, p.grounds,
       coalesce((select array_agg(s.url order by s.url) from action_source x join source s on s.id = x.source_id where x.action_id = a.id), '{}') as sources
     from participation p join government_action a on a.id = p.action_id join sanctions_list l on l.id = a.list_id join authority au on au.id = a.authority_id join entity e on e.id = p.entity_id
     where a.kind = 'LISTING' and p.role = 'TARGET' and p.deleted_at is null and a.deleted_at is null and e.deleted_at is null${where}`,
    listParams,
  )) {
    const props = compact({
      entity: [ftmId('entity', r.entity)],
      authority: [r.authority],
      program: [r.list_name],
      startDate: [r.effective_on ?? r.occurred_on],
      endDate: r.ended_on ? [r.ended_on] : [],
      reason: r.grounds ? [r.grounds] : [],
      sourceUrl: r.sources,
      summary: r.citation ? [r.citation] : [],
    });
    await emit(`${JSON.stringify({ id: ftmId('sanction', `${r.action}--${r.entity}`), schema: 'Sanction', properties: props, datasets: ['policy-kb'] })}\n`);
  }
  for await (const r of pages(
    `select f.slug || ' ' || t.slug || ' ' || rel.kind as k, f.slug as from_slug, t.slug as to_slug, rel.kind, rel.since::text, rel.until::text
     from entity_relation rel join entity f on f.id = rel.from_id join entity t on t.id = rel.to_id where f.deleted_at is null and t.deleted_at is null`,
  )) {
    const dates = compact({ startDate: r.since ? [r.since] : [], endDate: r.until ? [r.until] : [] });
    const id = ftmId('relation', `${r.from_slug}--${String(r.kind).toLowerCase()}--${r.to_slug}`);
    const line =
      r.kind === 'SUBSIDIARY_OF'
        ? { id, schema: 'Ownership', properties: { owner: [ftmId('entity', r.to_slug)], asset: [ftmId('entity', r.from_slug)], ...dates } }
        : r.kind === 'PARENT_OF'
          ? { id, schema: 'Ownership', properties: { owner: [ftmId('entity', r.from_slug)], asset: [ftmId('entity', r.to_slug)], ...dates } }
          : { id, schema: 'UnknownLink', properties: { subject: [ftmId('entity', r.from_slug)], object: [ftmId('entity', r.to_slug)], role: [String(r.kind)], ...dates } };
    await emit(`${JSON.stringify({ ...line, datasets: ['policy-kb'] })}\n`);
  }
}

/**
 * The project's own format: one JSON object per line, `{"type": ..., ...}`, every table in
 * dependency order, records referring to each other by natural key (slug, code, URL), never by
 * database id, so an export imported elsewhere and exported again is byte for byte the same.
 */
async function exportPolicyKb(pages: Pages, emit: Emit): Promise<void> {
  const line = (type: string, record: Row) => emit(`${stable({ type, ...record })}\n`);
  await emit(`${JSON.stringify({ type: 'policy-kb-export', version: 1 })}\n`);
  for await (const r of pages(`select code as k, code, name, official_name, alpha3, region, subregion from country`)) {
    await line('country', { code: r.code, name: r.name, officialName: r.official_name, alpha3: r.alpha3, region: r.region, subregion: r.subregion });
  }
  for await (const r of pages(`select t.slug as k, t.slug, t.name, t.description, p.slug as parent from technology_category t left join technology_category p on p.id = t.parent_id`)) {
    await line('technology', { slug: r.slug, name: r.name, description: r.description, parent: r.parent });
  }
  for await (const r of pages(`select a.slug as k, a.slug, a.name, a.abbreviation, a.kind, a.country_code, p.slug as parent from authority a left join authority p on p.id = a.parent_id`)) {
    await line('authority', { slug: r.slug, name: r.name, abbreviation: r.abbreviation, kind: r.kind, country: r.country_code, parent: r.parent });
  }
  for await (const r of pages(`select l.slug as k, l.slug, l.name, a.slug as authority, l.description, l.url from sanctions_list l join authority a on a.id = l.authority_id`)) {
    await line('list', { slug: r.slug, name: r.name, authority: r.authority, description: r.description, url: r.url });
  }
  for await (const r of pages(`select url as k, url, kind, title, publisher, published_on::text, retrieved_on::text, archive_url from source`)) {
    await line('source', { url: r.url, kind: r.kind, title: r.title, publisher: r.publisher, publishedOn: r.published_on, retrievedOn: r.retrieved_on, archiveUrl: r.archive_url });
  }
  for await (const e of pages(`select e.slug as k, ${ENTITY_COLUMNS} from entity e`)) {
    await line('entity', {
      slug: e.slug, kind: e.kind, name: e.name, aliases: e.aliases, country: e.country_code, addresses: e.addresses, identifiers: e.identifiers,
      description: e.description, website: e.website, verified: e.verified, note: e.note, technologies: e.technologies, sources: e.sources,
      deletedAt: e.deleted_at ? new Date(e.deleted_at).toISOString() : null,
    });
  }
  for await (const r of pages(
    `select f.slug || ' ' || t.slug || ' ' || rel.kind as k, f.slug as from_slug, t.slug as to_slug, rel.kind, rel.since::text, rel.until::text,
       coalesce((select array_agg(s.url order by s.url) from entity_relation_source x join source s on s.id = x.source_id where x.entity_relation_id = rel.id), '{}') as sources
     from entity_relation rel join entity f on f.id = rel.from_id join entity t on t.id = rel.to_id`,
  )) {
    await line('entity-relation', { from: r.from_slug, to: r.to_slug, kind: r.kind, since: r.since, until: r.until, sources: r.sources });
  }
  for await (const a of pages(
    `select a.slug as k, a.*, a.occurred_on::text as occurred, a.announced_on::text as announced, a.published_on::text as published, a.effective_on::text as effective, a.ended_on::text as ended,
       au.slug as authority_slug, l.slug as list_slug,
       coalesce((select array_agg(s.url order by s.url) from action_source x join source s on s.id = x.source_id where x.action_id = a.id), '{}') as sources,
       coalesce((select json_agg(json_build_object('role', p.role, 'entity', e.slug, 'country', p.country_code, 'grounds', p.grounds, 'nameAsListed', p.name_as_listed,
            'addressAsListed', p.address_as_listed, 'licenseRequirement', p.license_requirement, 'licensePolicy', p.license_policy, 'note', p.note, 'deleted', p.deleted_at is not null)
          order by p.role, coalesce(e.slug, p.country_code) collate "C")
          from participation p left join entity e on e.id = p.entity_id where p.action_id = a.id), '[]') as participants
     from government_action a join authority au on au.id = a.authority_id left join sanctions_list l on l.id = a.list_id`,
  )) {
    await line('action', {
      slug: a.slug, kind: a.kind, title: a.title, summary: a.summary, authority: a.authority_slug, list: a.list_slug, occurredOn: a.occurred, announcedOn: a.announced,
      publishedOn: a.published, effectiveOn: a.effective, endedOn: a.ended, citation: a.citation, documentNumber: a.document_number, grounds: a.grounds, tags: a.tags,
      verified: a.verified, note: a.note, sources: a.sources, participants: a.participants, deletedAt: a.deleted_at ? new Date(a.deleted_at).toISOString() : null,
    });
  }
  for await (const r of pages(
    `select f.slug || ' ' || r.kind || ' ' || t.slug as k, f.slug as from_slug, t.slug as to_slug, r.kind from action_relation r join government_action f on f.id = r.from_id join government_action t on t.id = r.to_id`,
  )) {
    await line('action-relation', { from: r.from_slug, kind: r.kind, to: r.to_slug });
  }
}
