/**
 * Writes N synthetic Consolidated Screening List rows in the real CSV column layout (or JSON with
 * --json), for load tests: `ts-node -T scripts/gen-csl.ts 100000 > /tmp/csl-100k.csv`.
 * Deterministic: the same N gives the same file. About 1 in 8 names repeats an earlier one in
 * another list, so deduplication is exercised; no row is invalid.
 */
import { CSL_COLUMNS } from '../src/modules/bulk/csl';

const n = Number(process.argv[2] ?? 1000);
const json = process.argv.includes('--json');
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: gen-csl.ts N [--json]');
  process.exit(2);
}

const LISTS = [
  ['Entity List (EL) - Bureau of Industry and Security', 'https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list'],
  ['Specially Designated Nationals (SDN) - Treasury Department', 'https://www.treasury.gov/ofac/downloads/sdn.xml'],
  ['Military End User (MEU) List - Bureau of Industry and Security', 'https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/meu-list'],
  ['Nonproliferation Sanctions (ISN) - State Department', 'https://www.state.gov/key-topics-bureau-of-international-security-and-nonproliferation/nonproliferation-sanctions/'],
];
const COUNTRIES = ['CN', 'RU', 'IR', 'HK', 'AE', 'TR', 'KP', 'SY', 'BY', 'MM'];
const WORDS = ['Star', 'Ocean', 'Dragon', 'Vision', 'Northern', 'Unity', 'Apex', 'Silk', 'Harbor', 'Falcon', 'Crystal', 'Golden', 'Iron', 'Pioneer', 'Summit', 'Delta'];
const SUFFIXES = ['Co., Ltd.', 'Trading LLC', 'Technology Co.', 'Industries', 'Electronics Co. Ltd.', 'Institute'];

function row(i: number): Record<string, string> {
  const base = i % 8 === 7 ? i - 7 : i; // every 8th row repeats the name of an earlier one
  const [source, url] = LISTS[i % LISTS.length];
  const country = COUNTRIES[base % COUNTRIES.length];
  const name = `${WORDS[base % 16]} ${WORDS[Math.floor(base / 16) % 16]} ${base} ${SUFFIXES[base % SUFFIXES.length]}`;
  const notice = `${80 + (i % 7)} FR ${1000 + (i % 400) * 13}`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (i % 12)).padStart(2, '0');
  const person = i % 10 === 3;
  return {
    _id: `gen-${i}`,
    source,
    entity_number: source.includes('SDN') ? String(30000 + i) : '',
    type: person ? 'Individual' : 'Entity',
    programs: source.includes('SDN') ? 'GLOMAG' : '',
    name: person ? `PERSON ${WORDS[base % 16].toUpperCase()} ${base}` : name,
    title: '',
    addresses: `${i} ${WORDS[(i + 3) % 16]} Road, City ${i % 50}, ${country}`,
    federal_register_notice: source.includes('SDN') ? '' : notice,
    start_date: `20${10 + (i % 12)}-${month}-${day}`,
    end_date: '',
    standard_order: '',
    license_requirement: source.includes('Entity List') ? 'For all items subject to the EAR.' : '',
    license_policy: source.includes('Entity List') ? 'Presumption of denial.' : '',
    call_sign: '',
    vessel_type: '',
    gross_tonnage: '',
    gross_registered_tonnage: '',
    vessel_flag: '',
    vessel_owner: '',
    remarks: '',
    source_list_url: url,
    alt_names: `${WORDS[base % 16]} ${base}; ${WORDS[(base + 5) % 16]} Group ${base}`,
    citizenships: person ? country : '',
    dates_of_birth: person ? '1970-01-01' : '',
    nationalities: person ? country : '',
    places_of_birth: '',
    source_information_url: '',
    ids: i % 5 === 0 ? `Registration Number, R${i}, ${country}` : '',
  };
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const out = process.stdout;
const columns = ['_id', ...CSL_COLUMNS];
let buffer = json ? '{"results":[\n' : `${columns.join(',')}\n`;
for (let i = 0; i < n; i++) {
  const r = row(i);
  buffer += json ? `${i ? ',' : ''}${JSON.stringify(r)}\n` : `${columns.map((c) => csvCell(r[c] ?? '')).join(',')}\n`;
  if (buffer.length > 1 << 16) {
    out.write(buffer);
    buffer = '';
  }
}
out.write(json ? `${buffer}]}\n` : buffer);
