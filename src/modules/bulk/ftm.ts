import { ParticipantRole } from '../action/action-kinds';
import { AuthorityKind } from '../authority/authority-kind';
import { EntityKind, EntityRelationKind } from '../entity/entity-kinds';
import type { AddressValue } from '../entity/entity-values';
import { SourceKind } from '../source/source-kind';
import { EntitySpec, FtmRef, ImportItem, isHttpUrl, RowRejected, SourceSpec } from './model';
import { ImportContext, slugify } from './writer';

/*
 * FollowTheMoney entities (OpenSanctions), one JSON object per line:
 * {"id": "...", "schema": "Company", "properties": {"name": ["..."], ...}}.
 * Pass 1 writes the parties (Company, Organization, PublicBody, Person, LegalEntity); pass 2
 * the records that point to them (Sanction, Ownership, Directorship, Address), so the order of
 * the file does not matter. Other schemata are counted as skipped.
 */

export const FTM_PASSES = 2;

export const FTM_PARTY_KINDS: Record<string, EntityKind> = {
  Company: EntityKind.COMPANY,
  Organization: EntityKind.OTHER,
  PublicBody: EntityKind.GOVERNMENT_AGENCY,
  Person: EntityKind.PERSON,
  LegalEntity: EntityKind.OTHER,
};
const LINK_SCHEMATA = new Set(['Sanction', 'Ownership', 'Directorship', 'Address']);

const IDENTIFIER_PROPS = ['registrationNumber', 'taxNumber', 'leiCode', 'innCode', 'ogrnCode', 'swiftBic', 'imoNumber', 'idNumber', 'passportNumber', 'vatCode', 'okpoCode', 'uscCode'];

interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, unknown[]>;
}

function values(props: Record<string, unknown[]>, key: string): string[] {
  const v = props[key];
  if (!Array.isArray(v)) return [];
  return v
    .map((x) => (typeof x === 'string' ? x.trim() : x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? ((x as { id: string }).id) : ''))
    .filter(Boolean);
}

/** FtM dates may be partial ("2019", "2019-10"): the first day of the period. */
function ftmDate(value: string | undefined, field: string): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) throw new RowRejected(`${field} "${value.slice(0, 40)}" is not a date`);
  const date = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new RowRejected(`${field} "${value.slice(0, 40)}" is not a date`);
  return date;
}

function sources(props: Record<string, unknown[]>, title: string): SourceSpec[] {
  return values(props, 'sourceUrl')
    .filter(isHttpUrl)
    .map((url) => ({ url, kind: SourceKind.OTHER, title }));
}

function parse(value: unknown): FtmEntity {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RowRejected('not an FtM entity (expected an object)');
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || !v.id) throw new RowRejected('the entity has no "id"');
  if (typeof v.schema !== 'string' || !v.schema) throw new RowRejected('the entity has no "schema"');
  const props = v.properties && typeof v.properties === 'object' && !Array.isArray(v.properties) ? (v.properties as Record<string, unknown[]>) : {};
  return { id: v.id, schema: v.schema, properties: props };
}

function party(e: FtmEntity, countries: ReadonlySet<string>): EntitySpec {
  const p = e.properties;
  const names = values(p, 'name');
  if (!names.length) throw new RowRejected(`${e.schema} ${e.id} has no name`);
  const country =
    ['country', 'jurisdiction', 'nationality', 'citizenship', 'mainCountry']
      .flatMap((k) => values(p, k))
      .map((c) => c.toUpperCase())
      .find((c) => countries.has(c)) ?? null;
  return {
    kind: FTM_PARTY_KINDS[e.schema],
    name: names[0].replace(/\s+/g, ' '),
    aliases: [...new Set([...names.slice(1), ...values(p, 'alias'), ...values(p, 'previousName'), ...values(p, 'weakAlias')])],
    country,
    addresses: values(p, 'address').map((full): AddressValue => ({ street: null, city: null, region: null, postalCode: null, country: null, full })),
    identifiers: IDENTIFIER_PROPS.flatMap((scheme) => values(p, scheme).map((value) => ({ scheme, value }))),
    sources: sources(p, `Source for ${names[0]}`),
    website: values(p, 'website').find(isHttpUrl) ?? null,
    description: values(p, 'notes')[0] ?? values(p, 'summary')[0] ?? null,
    ftmId: e.id,
    addressRefs: values(p, 'addressEntity'),
  };
}

/** A reference to a party by FtM id; whether it exists is checked per batch in the database (see checkFtmRefs). */
function known(refs: FtmRef[], id: string | undefined, what: string, e: FtmEntity): string {
  if (!id) throw new RowRejected(`${e.schema} ${e.id} has no ${what}`);
  refs.push({ id, reason: `${e.schema} ${e.id}: its ${what} ${id} is neither in the file nor in the database` });
  return id;
}

/** One FtM entity -> what to write in this pass ('later' when another pass handles it, 'skip' for unsupported schemata). */
export function mapFtmRecord(value: unknown, pass: number, ctx: ImportContext): ImportItem | 'skip' | 'later' {
  if (pass === 1) {
    const e = parse(value);
    if (!(e.schema in FTM_PARTY_KINDS)) return 'later';
    return { entity: party(e, ctx.countries) };
  }
  let e: FtmEntity;
  try {
    e = parse(value);
  } catch {
    return 'later'; // rejected in pass 1
  }
  if (e.schema in FTM_PARTY_KINDS) return 'later';
  if (!LINK_SCHEMATA.has(e.schema)) return 'skip';
  const p = e.properties;
  switch (e.schema) {
    case 'Address': {
      const full = values(p, 'full')[0] ?? ['street', 'city', 'postalCode', 'region', 'country'].map((k) => values(p, k)[0]).filter(Boolean).join(', ');
      if (!full) throw new RowRejected(`Address ${e.id} is empty`);
      const country = values(p, 'country')[0]?.toUpperCase() ?? null;
      return {
        address: {
          ftmId: e.id,
          address: {
            street: values(p, 'street')[0] ?? null,
            city: values(p, 'city')[0] ?? null,
            region: values(p, 'region')[0] ?? null,
            postalCode: values(p, 'postalCode')[0] ?? null,
            country: country && ctx.countries.has(country) ? country : null,
            full,
          },
        },
      };
    }
    case 'Ownership':
    case 'Directorship': {
      const [fromProp, toProp, kind] = e.schema === 'Ownership' ? ['asset', 'owner', EntityRelationKind.SUBSIDIARY_OF] : ['director', 'organization', EntityRelationKind.AFFILIATE_OF];
      const refs: FtmRef[] = [];
      const from = known(refs, values(p, fromProp)[0], fromProp, e);
      const to = known(refs, values(p, toProp)[0], toProp, e);
      const since = ftmDate(values(p, 'startDate')[0], 'startDate');
      const until = ftmDate(values(p, 'endDate')[0], 'endDate');
      return { relation: { fromFtmId: from, toFtmId: to, kind: kind as EntityRelationKind, since, until, sources: sources(p, `${e.schema} ${e.id}`) }, ftmRefs: refs };
    }
    default: {
      // Sanction
      const refs: FtmRef[] = [];
      const target = known(refs, values(p, 'entity')[0], 'entity', e);
      const authorityName = values(p, 'authority')[0] ?? values(p, 'publisher')[0] ?? 'Unknown authority (FtM)';
      const program = values(p, 'program')[0] ?? null;
      const listName = program ?? authorityName;
      const rawDate = values(p, 'startDate')[0] ?? values(p, 'listingDate')[0] ?? values(p, 'date')[0];
      const date = ftmDate(rawDate, 'startDate');
      const authorityCountry = values(p, 'country')[0]?.toUpperCase() ?? null;
      const src = sources(p, `${listName}: sanction ${e.id}`);
      return {
        listing: {
          list: {
            slug: `ftm-${slugify(listName, 'sanctions')}`,
            name: listName,
            authority: { slug: `ftm-${slugify(authorityName, 'authority')}`, name: authorityName, kind: AuthorityKind.GOVERNMENT_AGENCY, country: authorityCountry },
            description: 'Imported from FollowTheMoney Sanction entities.',
          },
          citation: null,
          keyPart: date ?? 'undated',
          occurredOn: date,
          title: `${listName}: designations${date ? ` of ${date}` : ''} (FtM import)`,
          sources: src,
          participation: {
            role: ParticipantRole.TARGET,
            grounds: values(p, 'reason')[0] ?? null,
            note: [values(p, 'provisions')[0], values(p, 'endDate')[0] && `Listed until ${values(p, 'endDate')[0]}`, `FtM sanction ${e.id}`].filter(Boolean).join('. '),
          },
          targetFtmId: target,
        },
        ftmRefs: refs,
      };
    }
  }
}
