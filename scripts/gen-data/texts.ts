import { FOCUS_COUNTRIES } from './countries';
import { Random } from './random';

/*
 * The words of synthetic actions and sources: topics by focus country, titles, summaries,
 * grounds, citations and document numbers in the styles of the real issuers.
 */

export interface Topic {
  /** "human rights abuses in Xinjiang" */
  label: string;
  tags: string[];
}

function topics(spec: string): Topic[] {
  return spec.split('|').map((t) => {
    const [label, tags] = t.split('#');
    return { label, tags: tags.split(',') };
  });
}

/** By focus group (FOCUS_COUNTRIES order, then everything else). */
const TOPICS: Topic[][] = [
  topics(
    'human rights abuses in Xinjiang#xinjiang,uyghur,human-rights|military modernization#military-end-use,export-controls|high-technology surveillance#surveillance,human-rights|advanced computing and artificial intelligence#semiconductors,artificial-intelligence,export-controls|forced labor#forced-labor,supply-chain|repression in Tibet#tibet,human-rights|undermining Hong Kong autonomy#hong-kong,human-rights|diversion of items to Iran#iran,diversion|support for Russia\'s military#russia,diversion',
  ),
  topics(
    "support for Russia's war against Ukraine#russia,ukraine,military-end-use|sanctions evasion networks#sanctions-evasion,russia|malicious cyber activity#cyber,russia|use of chemical weapons#chemical-weapons,russia|human rights abuses against opposition figures#human-rights,russia|procurement of Western microelectronics#microelectronics,export-controls,russia",
  ),
  topics(
    'ballistic missile procurement#missiles,iran,proliferation|UAV production and transfers#drones,iran|the nuclear program#nuclear,iran,proliferation|human rights abuses against protesters#human-rights,iran|oil sanctions evasion#oil,sanctions-evasion,iran|support for terrorist groups#terrorism,iran',
  ),
  topics('transshipment of controlled items to Russia#russia,diversion,transshipment|undermining Hong Kong autonomy#hong-kong,human-rights|front companies for procurement networks#procurement,diversion'),
  topics('weapons of mass destruction programs#wmd,dprk,proliferation|sanctions evasion at sea#shipping,dprk,sanctions-evasion|malicious cyber activity and cryptocurrency theft#cyber,dprk|overseas labor schemes#forced-labor,dprk'),
  topics('support for the Assad regime#syria|use of chemical weapons#chemical-weapons,syria|human rights abuses#human-rights,syria|captagon trafficking#narcotics,syria'),
  topics('election fraud and repression#belarus,human-rights|support for Russia\'s war against Ukraine#belarus,ukraine|forced migration at the EU border#belarus,migration'),
  topics('corruption and undermining democracy#venezuela,corruption|the oil sector#oil,venezuela|human rights abuses#human-rights,venezuela'),
  topics('the military coup#burma,coup|violence against the Rohingya#burma,human-rights,rohingya|arms procurement by the military#burma,arms'),
  topics('transshipment to Russia#russia,transshipment,diversion|Iranian oil sales#iran,oil,sanctions-evasion|money laundering#money-laundering'),
  topics('transshipment to Russia#russia,transshipment,diversion|sanctions evasion#sanctions-evasion'),
  topics('nuclear and missile proliferation#proliferation,pakistan,missiles|unsafeguarded nuclear activities#nuclear,proliferation'),
  topics(
    'sanctions evasion#sanctions-evasion|terrorism financing#terrorism|corruption#corruption|human rights abuses#human-rights|proliferation of weapons of mass destruction#proliferation|transnational crime#crime|diversion of U.S.-origin items#diversion,export-controls',
  ),
];

export function pickTopic(r: Random, group: number): Topic {
  return r.pick(TOPICS[group] ?? TOPICS[TOPICS.length - 1]);
}

/** Countries whose adjective reads better than "in <name>". */
export function countryLabel(code: string | null, names: Map<string, string>): string {
  if (!code) return 'several countries';
  if (code === 'KP') return 'North Korea';
  if (code === 'MM') return 'Burma';
  return names.get(code) ?? code;
}

export const isFocusCountry = (code: string) => (FOCUS_COUNTRIES as readonly string[]).includes(code);

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export interface TitleInput {
  kind: string;
  list: string | null;
  authority: string;
  targets: number;
  country: string;
  topic: Topic;
  year: number;
  eoNumber: number;
  critical: boolean;
}

/** The action's title, in the style of its issuer. */
export function actionTitle(r: Random, t: TitleInput): string {
  const n = t.targets;
  switch (t.kind) {
    case 'LISTING':
      switch (t.list) {
        case 'us-entity-list':
          return r.pick([
            `Addition of Entities to the Entity List`,
            `Addition of ${n} ${plural(n, 'Entity', 'Entities')} to the Entity List`,
            `Additions to the Entity List; Revision of Existing Entries`,
            `Addition of Entities in ${t.country} to the Entity List (${t.topic.label})`,
          ]);
        case 'us-sdn-list':
          return r.pick([`Treasury Sanctions ${n} ${plural(n, 'Target', 'Targets')} over ${t.topic.label}`, `Treasury Designates Network Involved in ${t.topic.label} (${t.country})`, `${t.country}-related Designations`]);
        case 'us-ns-cmic-list':
          return `Identification of ${n} ${plural(n, 'Company', 'Companies')} as Chinese Military-Industrial Complex Companies`;
        case 'us-fcc-covered-list':
          return r.pick(['Public Notice: Additions to the Covered List', 'Update to the Covered List (Secure and Trusted Communications Networks Act)']);
        case 'eu-global-human-rights-sanctions':
          return `Council Implementing Regulation (EU) ${t.year}/${r.int(100, 2999)} implementing Regulation (EU) 2020/1998 concerning restrictive measures against serious human rights violations and abuses (${t.country})`;
        case 'uk-global-human-rights-sanctions':
          return `Global Human Rights sanctions: ${n} ${plural(n, 'designation', 'designations')} (${t.country})`;
        default:
          return `Regulations Amending the Special Economic Measures (People's Republic of China) Regulations (${n} ${plural(n, 'listing', 'listings')})`;
      }
    case 'DELISTING':
      switch (t.list) {
        case 'us-entity-list':
          return r.pick(['Removal of Entities from the Entity List', `Removal of ${n} ${plural(n, 'Entity', 'Entities')} from the Entity List`, 'Revisions to the Entity List: Removals']);
        case 'us-sdn-list':
          return `Treasury Removes ${n} ${plural(n, 'Person', 'Persons')} from the SDN List`;
        case 'us-ns-cmic-list':
          return 'Removal of Companies from the NS-CMIC List';
        case 'us-fcc-covered-list':
          return 'Public Notice: Removal from the Covered List';
        case 'eu-global-human-rights-sanctions':
          return `Council Implementing Regulation (EU) ${t.year}/${r.int(100, 2999)} amending the list of persons subject to Regulation (EU) 2020/1998 (removals)`;
        case 'uk-global-human-rights-sanctions':
          return `Global Human Rights sanctions: ${n} ${plural(n, 'revocation', 'revocations')}`;
        default:
          return 'Regulations Amending the Special Economic Measures (People\'s Republic of China) Regulations (removals)';
      }
    case 'LISTING_AMENDMENT':
      return t.list === 'us-entity-list' ? 'Revision of Entries on the Entity List' : t.list === 'us-sdn-list' ? 'Treasury Updates Existing SDN Entries' : `Amendment of Listings (${t.list})`;
    case 'VISA_RESTRICTION':
      return `Visa Restrictions on ${t.country} Officials Responsible for ${t.topic.label}`;
    case 'TRADE_RESTRICTION':
      return r.pick([`Withhold Release Order on Goods from ${t.country} (${t.topic.label})`, `Import Restrictions Related to ${t.topic.label}`, `Export Restrictions on ${t.country} Related to ${t.topic.label}`]);
    case 'JOINT_LETTER':
      return t.critical ? `Joint letter on the human rights situation in ${t.country}` : `Joint letter in support of ${t.country}'s policies`;
    case 'RESOLUTION':
      return r.pick([`Resolution on the situation of human rights in ${t.country}`, `Resolution condemning ${t.topic.label} (${t.country})`]);
    case 'STATEMENT':
      return r.pick([`Statement on ${t.topic.label} in ${t.country}`, `Press statement: ${t.topic.label}`, `Remarks on ${t.country} and ${t.topic.label}`]);
    case 'LEGISLATION':
      return `${t.country} ${r.pick(['Accountability', 'Sanctions', 'Human Rights', 'Export Control', 'Countering Aggression', 'Supply Chain Security'])} Act of ${t.year}`;
    case 'EXECUTIVE_ORDER':
      return `Executive Order ${t.eoNumber}: ${r.pick(['Blocking Property of Persons Contributing to', 'Addressing the Threat from', 'Prohibiting Transactions Related to'])} ${t.topic.label}`;
    case 'REPORT':
      return `${t.year} Report on ${t.topic.label} (${t.country})`;
    default:
      return `Notice regarding ${t.topic.label}`;
  }
}

const KIND_VERBS: Record<string, string> = {
  LISTING: 'added',
  DELISTING: 'removed',
  LISTING_AMENDMENT: 'revised the entries of',
  VISA_RESTRICTION: 'restricted visas for',
  TRADE_RESTRICTION: 'restricted trade with',
  JOINT_LETTER: 'signed a joint letter naming',
  RESOLUTION: 'adopted a resolution naming',
  STATEMENT: 'issued a statement naming',
  LEGISLATION: 'enacted a law naming',
  EXECUTIVE_ORDER: 'issued an executive order naming',
  REPORT: 'published a report naming',
  OTHER: 'acted on',
};

export function actionSummary(kind: string, authorityName: string, listName: string | null, targets: number, country: string, topic: Topic): string {
  const whom = `${targets} ${plural(targets, 'party', 'parties')}`;
  const where = kind === 'LISTING' ? ` to the ${listName}` : kind === 'DELISTING' ? ` from the ${listName}` : '';
  return `${authorityName} ${KIND_VERBS[kind] ?? 'acted on'} ${whom}${where} over ${topic.label} (${country}). Synthetic record generated for load testing.`;
}

/** Why a target was listed, in the words of its list. */
export function listingGrounds(list: string, topic: Topic): string {
  switch (list) {
    case 'us-entity-list':
      return `Reasonable cause to believe the entity has been involved in activities contrary to the national security or foreign policy interests of the United States: ${topic.label}.`;
    case 'us-sdn-list':
      return `Designated for involvement in ${topic.label}.`;
    case 'us-ns-cmic-list':
      return 'Operates or has operated in the defense and related materiel sector or the surveillance technology sector of the economy of the PRC.';
    case 'us-fcc-covered-list':
      return 'Equipment or services deemed to pose an unacceptable risk to the national security of the United States.';
    default:
      return `Responsible for, involved in or associated with serious human rights violations or abuses: ${topic.label}.`;
  }
}

export const ENTITY_LIST_LICENSE = {
  requirements: ['For all items subject to the EAR.', 'For all items subject to the EAR, including foreign-produced items.', 'For all items subject to the EAR other than EAR99 items.'],
  policies: ['Presumption of denial.', 'Case-by-case review.', 'Case-by-case review for items necessary to detect, identify and treat infectious disease; presumption of denial for all other items.'],
};

export interface Citation {
  citation: string | null;
  documentNumber: string | null;
}

export function citationFor(r: Random, authority: string, kind: string, year: number, month: number, seq: number): Citation {
  const docNumber = `${year}-${String(10000 + (seq % 89999)).padStart(5, '0')}`;
  const rule = !['STATEMENT', 'REPORT', 'JOINT_LETTER', 'RESOLUTION', 'VISA_RESTRICTION'].includes(kind);
  if (!rule) {
    if (authority === 'un-hrc') return { citation: null, documentNumber: `A/HRC/${(year - 2006) * 3 + 1 + Math.floor((month - 1) / 4)}/${r.pick(['L.', 'G/'])}${r.int(1, 60)}` };
    if (authority === 'us-ofac' || authority === 'us-treasury' || authority === 'us-state') return { citation: null, documentNumber: r.chance(0.3) ? `${r.pick(['sb', 'jy', 'sm'])}${String(seq % 10000).padStart(4, '0')}` : null };
    return { citation: null, documentNumber: null };
  }
  if (authority === 'us-bis' || authority === 'us-fcc' || authority === 'us-doc' || kind === 'EXECUTIVE_ORDER') {
    return { citation: `${year - 1935} FR ${r.int(1000, 89999)}`, documentNumber: r.chance(0.85) ? docNumber : null };
  }
  if (authority === 'us-ofac' || authority === 'us-treasury') return { citation: null, documentNumber: r.chance(0.6) ? `${r.pick(['sb', 'jy', 'sm'])}${String(seq % 10000).padStart(4, '0')}` : null };
  if (authority === 'eu-council') return { citation: `OJ L ${r.int(1, 499)}, ${year}`, documentNumber: `(EU) ${year}/${r.int(100, 2999)}` };
  if (authority === 'ca-gac') return { citation: `SOR/${year}-${r.int(10, 299)}`, documentNumber: null };
  if (authority === 'us-congress' && kind === 'LEGISLATION') return { citation: `Public Law ${Math.floor((year - 1789) / 2) + 1}-${r.int(1, 350)}`, documentNumber: null };
  if (authority === 'un-hrc') return { citation: null, documentNumber: `A/HRC/${(year - 2006) * 3 + 1 + Math.floor((month - 1) / 4)}/${r.pick(['L.', 'G/'])}${r.int(1, 60)}` };
  return { citation: null, documentNumber: null };
}

export interface SourceMeta {
  kind: string;
  publisher: string;
  path: string;
}

/** The primary source of an action: the register, press release, law or UN document. */
export function primarySource(authority: string, authorityName: string, kind: string): SourceMeta {
  if (kind === 'LEGISLATION') return { kind: 'LAW', publisher: authorityName, path: 'law' };
  if (authority === 'us-bis' || authority === 'us-fcc' || kind === 'EXECUTIVE_ORDER' || (authority === 'us-doc' && kind !== 'STATEMENT')) return { kind: 'FEDERAL_REGISTER', publisher: 'Federal Register', path: 'federal-register' };
  if (authority === 'un-hrc') return { kind: 'UN_DOCUMENT', publisher: 'United Nations', path: 'un' };
  if (authority.startsWith('us-') && kind !== 'REPORT') return { kind: 'OFFICIAL_PRESS_RELEASE', publisher: authorityName, path: 'press' };
  return { kind: 'OFFICIAL_DOCUMENT', publisher: authorityName, path: 'documents' };
}

export const NEWS_PUBLISHERS = ['Synthetic Wire', 'The Example Times', 'Trade Compliance Daily (synthetic)', 'Example Policy Review'];
export const NGO_PUBLISHERS = ['Example Human Rights Watch (synthetic)', 'Synthetic Research Centre'];
