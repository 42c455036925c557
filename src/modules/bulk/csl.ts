import { ParticipantRole } from '../action/action-kinds';
import { AuthorityKind } from '../authority/authority-kind';
import { EntityKind } from '../entity/entity-kinds';
import type { AddressValue } from '../entity/entity-values';
import { SourceKind } from '../source/source-kind';
import { AuthoritySpec, EntitySpec, ImportItem, isHttpUrl, ListSpec, parseDate, RowRejected, SourceSpec } from './model';
import { slugify } from './writer';

/*
 * The Consolidated Screening List (trade.gov): the Entity List, SDN and ten other US lists in
 * one table. The CSV and JSON downloads have the same columns; in the CSV, lists are joined with
 * "; " and an address or id is one ", "-separated string.
 */

export const CSL_COLUMNS = [
  'source', 'entity_number', 'type', 'programs', 'name', 'title', 'addresses', 'federal_register_notice', 'start_date', 'end_date',
  'standard_order', 'license_requirement', 'license_policy', 'call_sign', 'vessel_type', 'gross_tonnage', 'gross_registered_tonnage',
  'vessel_flag', 'vessel_owner', 'remarks', 'source_list_url', 'alt_names', 'citizenships', 'dates_of_birth', 'nationalities',
  'places_of_birth', 'source_information_url', 'ids',
] as const;

/** Without these a row cannot be mapped; the CSV header must have them. */
export const CSL_REQUIRED_COLUMNS = ['source', 'name', 'type'] as const;

const AUTHORITIES: Record<string, AuthoritySpec> = {
  'Bureau of Industry and Security': { slug: 'us-bis', name: 'Bureau of Industry and Security', abbreviation: 'BIS', kind: AuthorityKind.GOVERNMENT_AGENCY, country: 'US' },
  'Treasury Department': { slug: 'us-ofac', name: 'Office of Foreign Assets Control', abbreviation: 'OFAC', kind: AuthorityKind.GOVERNMENT_AGENCY, country: 'US' },
  'State Department': { slug: 'us-state', name: 'US Department of State', kind: AuthorityKind.GOVERNMENT_AGENCY, country: 'US' },
};

/** CSL sources that are lists the curated seeds already have. */
const KNOWN_LISTS: Record<string, string> = {
  'Entity List (EL) - Bureau of Industry and Security': 'us-entity-list',
  'Specially Designated Nationals (SDN) - Treasury Department': 'us-sdn-list',
  'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department': 'us-ns-cmic-list',
};

const listCache = new Map<string, ListSpec>();

/** The list a CSL `source` names: a seeded one, or "csl-<name>" under its agency. */
export function cslList(source: string, url: string | null): ListSpec {
  const cached = listCache.get(source);
  if (cached) return cached;
  const dash = source.lastIndexOf(' - ');
  const agency = dash > 0 ? source.slice(dash + 3).trim() : '';
  const name = (dash > 0 ? source.slice(0, dash) : source).trim();
  const authority = AUTHORITIES[agency] ?? {
    slug: `csl-${slugify(agency || 'unknown-agency', 'agency')}`,
    name: agency || 'Unknown agency (CSL)',
    kind: AuthorityKind.GOVERNMENT_AGENCY,
    country: 'US',
  };
  const spec: ListSpec = {
    slug: KNOWN_LISTS[source] ?? `csl-${slugify(name.replace(/\([^)]*\)/g, ''), 'list')}`,
    name,
    authority,
    url,
    description: `Imported from the Consolidated Screening List (source "${source}").`,
  };
  listCache.set(source, spec);
  return spec;
}

type Row = Record<string, unknown>;

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** A multi-valued column: a JSON array, or "; "-separated text in the CSV. */
function many(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  const t = text(v);
  return t ? t.split(/;\s*/).map((s) => s.trim()).filter(Boolean) : [];
}

function address(v: unknown, countries: ReadonlySet<string>): AddressValue | null {
  if (v && typeof v === 'object') {
    const a = v as Record<string, unknown>;
    const country = text(a.country).toUpperCase();
    const parts = { street: text(a.address) || null, city: text(a.city) || null, region: text(a.state) || null, postalCode: text(a.postal_code) || null };
    const code = countries.has(country) ? country : null;
    const full = [parts.street, parts.city, parts.region, parts.postalCode, text(a.country) || null].filter(Boolean).join(', ');
    return full ? { ...parts, country: code, full } : null;
  }
  const full = text(v);
  if (!full) return null;
  const last = full.split(',').pop()?.trim().toUpperCase() ?? '';
  return { street: null, city: null, region: null, postalCode: null, country: countries.has(last) ? last : null, full };
}

function identifier(v: unknown): { scheme: string; value: string } | null {
  if (v && typeof v === 'object') {
    const i = v as Record<string, unknown>;
    const scheme = text(i.type);
    const value = [text(i.number), text(i.country)].filter(Boolean).join(', ');
    return scheme && text(i.number) ? { scheme, value } : null;
  }
  const parts = text(v).split(/,\s*/);
  if (parts.length < 2 || !parts[0] || !parts[1]) return null;
  return { scheme: parts[0], value: parts.slice(1).join(', ') };
}

const COMPANY_WORDS = /\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|ag|sa|bv|nv|group|holdings?|enterprises?|industries|technolog(y|ies)|trading|ooo|zao|oao|pjsc|jsc|s\.?a\.?|s\.?r\.?l\.?)\b/i;

function kindOf(type: string, name: string): EntityKind {
  switch (type.toLowerCase()) {
    case 'individual':
      return EntityKind.PERSON;
    case 'vessel':
    case 'aircraft':
      return EntityKind.OTHER;
    case 'entity':
    case '':
      return COMPANY_WORDS.test(name) ? EntityKind.COMPANY : EntityKind.OTHER;
    default:
      throw new RowRejected(`type "${type}" is not Entity, Individual, Vessel or Aircraft`);
  }
}

function url(v: unknown, field: string): string | null {
  const t = text(v);
  if (!t) return null;
  if (!isHttpUrl(t)) throw new RowRejected(`${field} "${t.slice(0, 60)}" is not an http(s) URL`);
  return t;
}

/** "84 FR 54002" -> its page on federalregister.gov. */
export function federalRegisterUrl(citation: string): string | null {
  const m = /^(\d+)\s*FR\s*(\d+)$/i.exec(citation.trim());
  return m ? `https://www.federalregister.gov/citation/${m[1]}-FR-${m[2]}` : null;
}

/** One CSL row (CSV or JSON) -> an entity and its listing; a RowRejected says why not. */
export function mapCslRow(value: unknown, countries: ReadonlySet<string>): ImportItem {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RowRejected('not a CSL record (expected an object)');
  const row = value as Row;
  const source = text(row.source);
  const name = text(row.name).replace(/\s+/g, ' ');
  if (!source) throw new RowRejected('source is empty');
  if (!name) throw new RowRejected('name is empty');
  if (name.length > 500) throw new RowRejected('name is longer than 500 characters');
  const type = text(row.type);
  const kind = kindOf(type, name);
  const startDate = parseDate(row.start_date, 'start_date');
  const endDate = parseDate(row.end_date, 'end_date');
  if (startDate && endDate && endDate < startDate) throw new RowRejected(`end_date ${endDate} is before start_date ${startDate}`);
  const listUrl = url(row.source_list_url, 'source_list_url');
  const infoUrl = url(row.source_information_url, 'source_information_url');

  const addresses = many(row.addresses).map((a) => address(a, countries)).filter((a): a is AddressValue => Boolean(a));
  const identifiers = many(row.ids).map(identifier).filter((i): i is { scheme: string; value: string } => Boolean(i));
  const entityNumber = text(row.entity_number);
  if (entityNumber) identifiers.unshift({ scheme: 'CSL entity_number', value: `${source.replace(/ - .*$/, '')} ${entityNumber}` });
  const callSign = text(row.call_sign);
  if (callSign) identifiers.push({ scheme: 'Call Sign', value: callSign });

  const codes = [...many(row.nationalities), ...many(row.citizenships)].map((c) => text(c).toUpperCase());
  const country = addresses.find((a) => a.country)?.country ?? codes.find((c) => countries.has(c)) ?? null;

  const list = cslList(source, listUrl);
  const sources: SourceSpec[] = [];
  if (listUrl) sources.push({ url: listUrl, kind: SourceKind.OFFICIAL_DOCUMENT, title: `${list.name} (as published)`, publisher: list.authority.name });
  if (infoUrl && infoUrl !== listUrl) sources.push({ url: infoUrl, kind: SourceKind.OFFICIAL_DOCUMENT, title: `${list.name}: information`, publisher: list.authority.name });

  const notices = text(Array.isArray(row.federal_register_notice) ? row.federal_register_notice.join('; ') : row.federal_register_notice)
    .split(/[;|]\s*|,\s+(?=\d+\s*FR)/i)
    .map((n) => n.trim())
    .filter(Boolean);
  const citation = notices[0] ?? null;
  const frUrl = citation ? federalRegisterUrl(citation) : null;
  const actionSources: SourceSpec[] = [...sources];
  if (frUrl) actionSources.unshift({ url: frUrl, kind: SourceKind.FEDERAL_REGISTER, title: `${citation}`, publisher: 'Federal Register', publishedOn: startDate });
  if (!actionSources.length) throw new RowRejected('no source_list_url, source_information_url or Federal Register notice to cite');
  const entitySources = sources.length ? sources : actionSources;

  const extras = [
    ['Programs', many(row.programs).map(text).join(', ')],
    ['Title', text(row.title)],
    ['Remarks', text(row.remarks)],
    ['Listed until', endDate ?? ''],
    ['Standard order', text(row.standard_order)],
    ['Other notices', notices.slice(1).join('; ')],
    ['Dates of birth', many(row.dates_of_birth).map(text).join('; ')],
    ['Places of birth', many(row.places_of_birth).map(text).join('; ')],
    ['Nationalities', many(row.nationalities).map(text).join(', ')],
    ['Citizenships', many(row.citizenships).map(text).join(', ')],
    ['Vessel', [text(row.vessel_type), text(row.vessel_flag) && `flag ${text(row.vessel_flag)}`, text(row.vessel_owner) && `owner ${text(row.vessel_owner)}`, text(row.gross_tonnage) && `${text(row.gross_tonnage)} GT`, text(row.gross_registered_tonnage) && `${text(row.gross_registered_tonnage)} GRT`].filter(Boolean).join(', ')],
  ].filter(([, v]) => v);

  const entity: EntitySpec = {
    kind,
    name,
    aliases: [...new Set(many(row.alt_names).map((a) => text(a).replace(/\s+/g, ' ')).filter((a) => a && a !== name))],
    country,
    addresses,
    identifiers,
    sources: entitySources,
  };
  return {
    entity,
    listing: {
      list,
      citation,
      occurredOn: startDate,
      title: citation ? `${list.name}: entries added by ${citation}` : `${list.name}: entries without a Federal Register notice (Consolidated Screening List)`,
      sources: actionSources,
      participation: {
        role: ParticipantRole.TARGET,
        nameAsListed: name,
        addressAsListed: addresses.map((a) => a.full).join('; ') || null,
        licenseRequirement: text(row.license_requirement) || null,
        licensePolicy: text(row.license_policy) || null,
        note: extras.length ? extras.map(([k, v]) => `${k}: ${v}`).join('. ') : null,
      },
    },
  };
}
