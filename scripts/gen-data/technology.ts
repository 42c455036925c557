import type { Client } from 'pg';
import { slugPart } from './names';

/*
 * Synthetic technology subcategories under the 13 curated ones, up to three levels below them
 * ("Surveillance" > "Internet monitoring" > "Social media monitoring" > "Keyword filtering").
 * Fixed size (about 100): a taxonomy does not grow with the number of entities.
 */

/** name, or [name, children]. */
type Node = string | [string, Node[]];

const TREE: Record<string, Node[]> = {
  'artificial-intelligence': ['Machine translation', ['Large language models', ['Model training infrastructure', 'Chatbots']], 'Predictive policing', 'Emotion recognition'],
  'facial-recognition': ['Liveness detection', 'Ethnicity detection', 'Face search engines'],
  'speech-recognition': ['Voiceprint identification', 'Dialect recognition'],
  'computer-vision': [['Object tracking', ['Multi-camera tracking']], 'Gait recognition', 'License plate recognition', 'Crowd analysis'],
  surveillance: [
    ['Internet monitoring', ['Deep packet inspection', ['Social media monitoring', ['Keyword filtering']]]],
    ['Location tracking', ['IMSI catchers', 'Cell-site data analysis']],
    ['Biometric collection', ['Iris scanning', 'Fingerprint systems', 'DNA sampling kits']],
    ['Smart city platforms', ['Integrated joint operations platforms']],
  ],
  'video-surveillance': [['IP cameras', ['Thermal cameras', 'PTZ cameras']], 'Video analytics software', 'Network video recorders'],
  'digital-forensics': [['Mobile phone extraction', ['Forensic kiosks']], 'Computer forensics', 'Password cracking'],
  'telecommunications-equipment': [
    '5G base stations',
    ['Optical transmission', ['Fiber optic cable']],
    ['Core network equipment', ['Lawful interception gateways']],
    ['Satellite communications', ['Satellite terminals']],
  ],
  semiconductors: [
    ['Memory chips', ['DRAM', 'NAND flash']],
    ['Logic chips', ['FPGAs', 'Microcontrollers']],
    ['Semiconductor manufacturing equipment', ['Lithography', 'Etching and deposition']],
    'EDA software',
    'Power semiconductors',
  ],
  'ai-accelerators': ['GPU design', 'Neural processing units', 'Edge AI modules'],
  drones: [['Fixed-wing UAVs', ['Loitering munitions']], 'Multirotor drones', ['Drone components', ['Flight controllers', 'Drone engines']], 'Counter-drone systems'],
  biotechnology: ['Bioinformatics', 'Synthetic biology', 'Biometric databases'],
  'genetic-analysis': ['DNA sequencers', ['Forensic DNA databases', ['Y-STR profiling']], 'Genotyping kits'],
};

/** Curated roots whose subtrees targets are named for more often. */
const BOOSTED = new Set(['surveillance', 'artificial-intelligence', 'video-surveillance', 'facial-recognition', 'semiconductors']);

export interface TechnologyTree {
  /** Every category id (curated and synthetic) entities may be linked to. */
  ids: Int32Array;
  weights: number[];
  created: number;
}

/** Inserts the synthetic subcategories (ids from `firstId`) and returns the pickable categories. */
export async function createTechnologyTree(client: Client, firstId: number): Promise<TechnologyTree> {
  const curated = (await client.query<{ id: number; slug: string; name: string }>(`select id, slug, name from technology_category where deleted_at is null and slug not like 'gen-%' order by id`)).rows;
  const bySlug = new Map(curated.map((c) => [c.slug, c]));
  const rows: { id: number; slug: string; name: string; description: string; parentId: number }[] = [];
  const pickable: { id: number; boosted: boolean }[] = curated.map((c) => ({ id: c.id, boosted: BOOSTED.has(c.slug) }));
  let nextId = firstId;
  const add = (node: Node, parentId: number, parentName: string, boosted: boolean) => {
    const [name, children] = typeof node === 'string' ? [node, [] as Node[]] : node;
    const id = nextId++;
    rows.push({ id, slug: `gen-tech-${slugPart(name)}`, name, description: `Synthetic subcategory of ${parentName} (npm run gen:data).`, parentId });
    pickable.push({ id, boosted });
    for (const child of children) add(child, id, name, boosted);
  };
  for (const [slug, nodes] of Object.entries(TREE)) {
    const parent = bySlug.get(slug);
    if (!parent) continue; // a curated category renamed or removed: its synthetic branch is skipped
    for (const node of nodes) add(node, parent.id, parent.name, BOOSTED.has(slug));
  }
  if (rows.length) {
    const values: unknown[] = [];
    const tuples = rows.map((r, i) => {
      values.push(r.id, r.slug, r.name, r.description, r.parentId);
      return `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`;
    });
    // Parents come before their children in `rows`, so the FK holds row by row.
    await client.query(`insert into technology_category (id, slug, name, description, parent_id) values ${tuples.join(', ')}`, values);
  }
  return { ids: Int32Array.from(pickable.map((p) => p.id)), weights: pickable.map((p) => (p.boosted ? 3 : 1)), created: rows.length };
}
