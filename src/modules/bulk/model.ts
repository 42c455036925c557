import { ParticipantRole } from '../action/action-kinds';
import { AuthorityKind } from '../authority/authority-kind';
import { EntityKind, EntityRelationKind } from '../entity/entity-kinds';
import type { AddressValue } from '../entity/entity-values';
import { SourceKind } from '../source/source-kind';

/*
 * What importers produce from one input record, whatever the format: the writer turns these
 * into upserts by natural key (entity: name key + country, or FtM id; list, authority: slug;
 * source: URL; listing action: list + citation; participation: action + role + entity).
 */

export interface SourceSpec {
  url: string;
  kind: SourceKind;
  title: string;
  publisher?: string | null;
  publishedOn?: string | null;
}

export interface AuthoritySpec {
  slug: string;
  name: string;
  abbreviation?: string | null;
  kind: AuthorityKind;
  country?: string | null;
}

export interface ListSpec {
  slug: string;
  name: string;
  authority: AuthoritySpec;
  url?: string | null;
  description?: string | null;
}

export interface EntitySpec {
  kind: EntityKind;
  name: string;
  aliases: string[];
  country: string | null;
  addresses: AddressValue[];
  identifiers: { scheme: string; value: string }[];
  sources: SourceSpec[];
  website?: string | null;
  description?: string | null;
  /** FollowTheMoney id, kept as an identifier (scheme "ftm") and matched before the name. */
  ftmId?: string | null;
  /** FtM Address entity ids this entity points to (resolved when the Address arrives). */
  addressRefs?: string[];
}

export interface ParticipationSpec {
  role: ParticipantRole;
  grounds?: string | null;
  nameAsListed?: string | null;
  addressAsListed?: string | null;
  licenseRequirement?: string | null;
  licensePolicy?: string | null;
  note?: string | null;
}

export interface ListingSpec {
  list: ListSpec;
  /** Federal Register citation ("84 FR 54002") or null: one action per list and citation. */
  citation: string | null;
  /** Extra key part when there is no citation (FtM: the start date). */
  keyPart?: string | null;
  occurredOn: string | null;
  title: string;
  sources: SourceSpec[];
  participation: ParticipationSpec;
  /** The entity of the same item, or a FtM id of one imported before. */
  targetFtmId?: string | null;
}

export interface RelationSpec {
  fromFtmId: string;
  toFtmId: string;
  kind: EntityRelationKind;
  since: string | null;
  until: string | null;
  sources: SourceSpec[];
}

/** An FtM Address entity: its text goes onto the entities that point to it. */
export interface AddressSpec {
  ftmId: string;
  address: AddressValue;
}

/** What one input record maps to; every part is optional. */
export interface ImportItem {
  entity?: EntitySpec;
  listing?: ListingSpec;
  relation?: RelationSpec;
  address?: AddressSpec;
  /** A record of the project's own format (see pkb.ts). */
  pkb?: Record<string, any>;
  /** FtM ids this item needs in the database, each with the reject reason if it is not there. */
  ftmRefs?: FtmRef[];
}

export interface FtmRef {
  id: string;
  reason: string;
}

/** A record the mapping refuses, with the reason (it goes to the rejects file). */
export class RowRejected extends Error {}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date as YYYY-MM-DD, or null when blank; anything else is a reject naming the field. */
export function parseDate(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (!text) return null;
  if (ISO_DATE.test(text)) {
    const d = new Date(`${text}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text) return text;
  }
  throw new RowRejected(`${field} "${text.slice(0, 40)}" is not a date in the form YYYY-MM-DD`);
}

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
