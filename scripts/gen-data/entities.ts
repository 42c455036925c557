import { entitySearchText, nameKey } from '../../src/modules/search/normalize';
import { SYNTHETIC_NOTE, FIRST_DAY, isoDay, LAST_DAY } from './actions';
import type { ActionOutcome } from './actions';
import { arrayLiteral, CopyWriter } from './copy';
import { entityName, GeneratedName, KindCode, scriptFor, slugPart } from './names';
import { Random, WeightedPicker } from './random';
import type { TechnologyTree } from './technology';
import { NEWS_PUBLISHERS, NGO_PUBLISHERS } from './texts';
import { KINDS, PERSON, poolGroup, poolOf, World } from './world';

/*
 * The entity rows, written after the actions so each entity knows which actions named it: it
 * cites the first one's source (and sometimes the last one's), and gets a source of its own when
 * no action names it (and now and then anyway). Also its technology categories and its
 * relations to other entities (to older entities of its country: the hubs of the graph).
 * search_text and name_key come from the project's own functions, as on real data.
 */

export interface EntityWriters {
  entity: CopyWriter;
  entitySource: CopyWriter;
  entityTechnology: CopyWriter;
  entityRelation: CopyWriter;
  source: CopyWriter;
}

export interface EntityInput {
  world: World;
  entityIdBase: number;
  relationIdBase: number;
  /** The next source id is sourceIdBase + 1. */
  sourceIdBase: number;
  technology: TechnologyTree;
  actions: ActionOutcome;
  random: Random;
}

export interface EntityOutcome {
  entities: number;
  relations: number;
  sources: number;
  technologyLinks: number;
  /** Entities per script of their name or aliases, for the log. */
  scripts: Record<string, number>;
}

const RELATION_KINDS: Record<string, WeightedPicker<string>> = {
  COMPANY: WeightedPicker.of([
    ['SUBSIDIARY_OF', 55],
    ['AFFILIATE_OF', 15],
    ['SUPPLIER_OF', 12],
    ['CUSTOMER_OF', 5],
    ['SUCCESSOR_OF', 8],
    ['PARENT_OF', 5],
  ]),
  STATE: WeightedPicker.of([
    ['SUBORDINATE_OF', 70],
    ['AFFILIATE_OF', 25],
    ['SUPERIOR_OF', 5],
  ]),
  OTHER: WeightedPicker.of([
    ['AFFILIATE_OF', 80],
    ['SUBSIDIARY_OF', 20],
  ]),
};
const STATE_KINDS = new Set<KindCode>(['GOVERNMENT_AGENCY', 'MILITARY', 'RESEARCH_INSTITUTE', 'EDUCATIONAL_INSTITUTION']);

const CN_STREETS = ['Keji', 'Gongye', 'Jianshe', 'Renmin', 'Zhongshan', 'Xinhua', 'Changjiang', 'Huanghe', 'Gaoxin', 'Chuangye'];
const RU_STREETS = ['Lenina', 'Sovetskaya', 'Mira', 'Gagarina', 'Promyshlennaya', 'Naberezhnaya', 'Sadovaya', 'Pushkina'];
const STREETS = ['Industrial', 'Commerce', 'Harbor', 'Airport', 'Station', 'Trade Center', 'Free Zone', 'Market'];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function chars(r: Random, alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(r.next() * alphabet.length)];
  return s;
}
const digits = (r: Random, length: number) => chars(r, '0123456789', length);

function scriptsOf(texts: readonly string[], seen: Record<string, number>): void {
  const joined = texts.join(' ');
  if (/[\u4e00-\u9fff]/.test(joined)) seen.han = (seen.han ?? 0) + 1;
  if (/[\u0400-\u04ff]/.test(joined)) seen.cyrillic = (seen.cyrillic ?? 0) + 1;
  if (/[\u0600-\u06ff]/.test(joined)) seen.arabic = (seen.arabic ?? 0) + 1;
  if (/[\uac00-\ud7af]/.test(joined)) seen.hangul = (seen.hangul ?? 0) + 1;
}

export async function generateEntities(input: EntityInput, writers: EntityWriters): Promise<EntityOutcome> {
  const { world, random: r, actions } = input;
  const { codes, names: countryNames } = world.countries;
  const technology = new WeightedPicker(Array.from(input.technology.ids), input.technology.weights);
  let relationId = input.relationIdBase;
  let sourceId = input.sourceIdBase;
  let technologyLinks = 0;
  const scripts: Record<string, number> = {};
  let p: Promise<void> | undefined;

  for (let i = 0; i < world.n; i++) {
    const id = input.entityIdBase + 1 + i;
    const kind = KINDS[world.kind[i]];
    const c = world.country[i];
    const cc = c < codes.length ? codes[c] : null;
    const countryName = cc ? countryNames[c] : 'an unknown country';
    const generated: GeneratedName = entityName(r, kind, cc, cc ? countryName : null, scriptFor(r, cc));
    const name = generated.name;
    const aliases = [...new Set(generated.aliases)].filter((a) => a !== name);
    const slug = `gen-${(cc ?? 'xx').toLowerCase()}-${slugPart(generated.latin, 40)}-${(i + 1).toString(36)}`;
    if (i % 64 === 0) scriptsOf([name, ...aliases], scripts); // a sample is enough for the log
    const person = world.kind[i] === PERSON;
    const city = generated.city;

    // Description, addresses, identifiers, website.
    const where = city ? `${city}, ${countryName}` : countryName;
    const description = person
      ? `Individual associated with ${countryName}.`
      : kind === 'COMPANY'
        ? `${generated.trade ?? 'Trading'} company based in ${where}.`
        : `${kind.toLowerCase().replace(/_/g, ' ')} based in ${where}.`.replace(/^./, (ch) => ch.toUpperCase());
    const addresses: object[] = [];
    if (!person && r.chance(0.55)) {
      const n = r.int(1, 999);
      const street = cc === 'CN' ? `No. ${n} ${r.pick(CN_STREETS)} Road` : cc === 'RU' || cc === 'BY' ? `ul. ${r.pick(RU_STREETS)}, d. ${n}` : `${n} ${r.pick(STREETS)} Street`;
      addresses.push(city ? { street, city, country: cc, full: `${street}, ${city}, ${countryName}` } : { street, country: cc, full: `${street}, ${countryName}` });
    } else if (person && city && r.chance(0.15)) addresses.push({ city, country: cc, full: `${city}, ${countryName}` });
    const identifiers: { scheme: string; value: string }[] = [];
    if (kind === 'COMPANY') {
      if (cc === 'CN' && r.chance(0.4)) identifiers.push({ scheme: 'USCC', value: `91${chars(r, USCC_CHARS, 16)}` });
      else if ((cc === 'RU' || cc === 'BY') && r.chance(0.4)) identifiers.push({ scheme: 'OGRN', value: `1${digits(r, 12)}` }, { scheme: 'INN', value: digits(r, 10) });
      else if (cc === 'IR' && r.chance(0.2)) identifiers.push({ scheme: 'National ID', value: digits(r, 11) });
      if (r.chance(0.08)) identifiers.push({ scheme: 'LEI', value: chars(r, ALNUM, 20) });
    } else if (person && r.chance(0.25)) identifiers.push({ scheme: 'Passport', value: `${chars(r, 'ABCDEFGHJKLMNPRSTUVWXYZ', 2)}${digits(r, 7)}` });
    else if (kind === 'OTHER' && /^M\/?[VT]\b|^MV\b/.test(name)) identifiers.push({ scheme: 'IMO', value: digits(r, 7) });
    const website = kind === 'COMPANY' && r.chance(0.25) ? `https://${slugPart(generated.latin, 24)}-${(i + 1).toString(36)}.example.com` : null;

    p = writers.entity.write([
      id,
      slug,
      kind,
      name,
      arrayLiteral(aliases),
      cc,
      JSON.stringify(addresses),
      JSON.stringify(identifiers),
      description,
      website,
      false,
      SYNTHETIC_NOTE,
      entitySearchText(name, aliases),
      nameKey(name),
    ]);
    if (p) await p;

    // Sources: the first action's document, sometimes the last one's, sometimes its own.
    const first = actions.firstAction[i];
    const cited: number[] = [];
    if (first >= 0) cited.push(actions.primarySource[first]);
    const last = actions.lastAction[i];
    if (last >= 0 && actions.degree[i] >= 2 && actions.primarySource[last] !== cited[0] && r.chance(0.5)) cited.push(actions.primarySource[last]);
    if (first < 0 || r.chance(0.12)) {
      const roll = r.next();
      const [sourceKind, title, publisher] = person
        ? roll < 0.7
          ? ['NEWS', `Profile: ${name}`, r.pick(NEWS_PUBLISHERS)]
          : ['NGO_REPORT', `${name}: role in ${countryName}`, r.pick(NGO_PUBLISHERS)]
        : roll < 0.5
          ? ['OTHER', `Company registry extract: ${name}`, 'Synthetic Registry']
          : roll < 0.85
            ? ['NEWS', `${name} under scrutiny`, r.pick(NEWS_PUBLISHERS)]
            : ['NGO_REPORT', `Investigation: ${name}`, r.pick(NGO_PUBLISHERS)];
      const published = first >= 0 ? actions.day[first] + r.int(0, 60) : FIRST_DAY + r.int(0, LAST_DAY - FIRST_DAY);
      p = writers.source.write([++sourceId, sourceKind, `https://example.org/synthetic/entities/${slug}`, title, publisher, isoDay(published)]);
      if (p) await p;
      cited.push(sourceId);
    }
    for (const source of cited) {
      p = writers.entitySource.write([id, source]);
      if (p) await p;
    }

    // Technology categories: about half of all entities, organisations only, one or two.
    if (!person && r.chance(0.6)) {
      const a = technology.pick(r);
      p = writers.entityTechnology.write([id, a]);
      if (p) await p;
      technologyLinks++;
      if (r.chance(0.3)) {
        const b = technology.pick(r);
        if (b !== a) {
          p = writers.entityTechnology.write([id, b]);
          if (p) await p;
          technologyLinks++;
        }
      }
    }

    // Relations: about 0.3 per entity, to older entities of its country (people to organisations).
    const roll = r.next();
    const wanted = roll < 0.2 ? 1 : roll < 0.24 ? 2 : roll < 0.246 ? 3 : 0;
    if (wanted) {
      const targets = person ? world.poolMembers[poolOf(poolGroup(world.pool[i]), false)] : world.poolMembers[world.pool[i]];
      const limit = person ? targets.length : world.poolPosition[i];
      const picker = person ? null : STATE_KINDS.has(kind) ? RELATION_KINDS.STATE : kind === 'COMPANY' ? RELATION_KINDS.COMPANY : RELATION_KINDS.OTHER;
      const used: number[] = [];
      for (let k = 0; k < wanted * 3 && used.length < wanted && limit > 0; k++) {
        const u = r.next();
        const to = targets[Math.floor(limit * u * u)];
        if (to === i || used.includes(to)) continue;
        used.push(to);
        const since = r.chance(0.5) ? FIRST_DAY - 4000 + r.int(0, LAST_DAY - FIRST_DAY + 3000) : null;
        const until = since !== null && r.chance(0.08) ? since + r.int(200, 3000) : null;
        p = writers.entityRelation.write([
          ++relationId,
          id,
          input.entityIdBase + 1 + to,
          picker ? picker.pick(r) : 'AFFILIATE_OF',
          since === null ? null : isoDay(since),
          until === null || until > LAST_DAY ? null : isoDay(until),
        ]);
        if (p) await p;
      }
    }
  }
  return { entities: world.n, relations: relationId - input.relationIdBase, sources: sourceId - input.sourceIdBase, technologyLinks, scripts };
}
