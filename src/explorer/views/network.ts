import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
import {
  ExplorerGraphDocument,
  ExplorerRootDocument,
  ExplorerSearchDocument,
  type ExplorerGraphQuery,
  type ExplorerSearchQuery,
} from '../../generated/explorer';
import { request } from '../lib/api';
import { h } from '../lib/dom';
import { KIND_COLORS, humanize, truncate } from '../lib/format';
import { pageOf, TYPE_LABELS } from '../lib/links';
import { debugHandles, networkHref, NotFound, type View, type ViewContext } from '../lib/view';

type GraphNode = ExplorerGraphQuery['graph']['nodes'][number];
type Hit = ExplorerSearchQuery['search'][number];

const MAX_NODES = 200;
const TYPE_ORDER = ['Entity', 'GovernmentAction', 'SanctionsList', 'Authority', 'Country', 'TechnologyCategory'];
const TYPE_COLORS: Record<string, string> = {
  Entity: '#0f766e',
  GovernmentAction: '#c2410c',
  Country: '#ca8a04',
  Authority: '#1e3a8a',
  SanctionsList: '#334155',
  TechnologyCategory: '#16a34a',
};
const ENTITY_COLORS: Record<string, string> = { GOVERNMENT_AGENCY: '#b91c1c', PERSON: '#9333ea', MILITARY: '#7f1d1d', COMPANY: '#0f766e' };
const TYPE_SHAPES: Record<string, string> = {
  Entity: 'ellipse',
  GovernmentAction: 'round-rectangle',
  Country: 'diamond',
  Authority: 'hexagon',
  SanctionsList: 'tag',
  TechnologyCategory: 'triangle',
};
const EXAMPLES = [
  { slug: 'cn-hikvision', label: 'Hikvision' },
  { slug: 'bis-el-2019-10-xinjiang-28', label: 'Entity List rule of October 2019' },
  { slug: 'unhrc-2019-07-08-joint-letter-22', label: 'Letter of 22 (July 2019)' },
  { slug: 'ofac-2021-03-22-glomag', label: 'Sanctions of 22 March 2021' },
];

function hitLabel(hit: Hit): { type: string; id: string; label: string } {
  const node = hit.node;
  switch (node.__typename) {
    case 'Entity':
      return { type: 'Entity', id: node.id, label: node.name };
    case 'GovernmentAction':
      return { type: 'GovernmentAction', id: node.id, label: `${node.title} (${node.occurredOn})` };
    default:
      return { type: node.__typename, id: node.id, label: node.name };
  }
}

/** The search box: `search(query)` as you type; a result re-centres the network on it. */
function searchBox(ctx: ViewContext, depth: number): HTMLElement {
  const results = h('ul', { class: 'search-results', role: 'listbox', 'data-testid': 'search-results' });
  const status = h('p', { class: 'muted small', 'aria-live': 'polite' });
  let timer: number | undefined;
  let asked = 0;
  const input = h('input', {
    type: 'search',
    name: 'q',
    placeholder: 'Search a firm, bureau, person, rule, letter, country…',
    autocomplete: 'off',
    'aria-label': 'Search',
    value: ctx.query.get('q') ?? '',
    oninput: () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 200);
    },
    onkeydown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const first = results.querySelector<HTMLAnchorElement>('a');
      if (first) ctx.go(first.pathname + first.search);
      else void run();
    },
  });
  async function run(): Promise<void> {
    const text = input.value.trim();
    const mine = ++asked;
    if (text.length < 2) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      const { search } = await request(ExplorerSearchDocument, { query: text, first: 12 });
      if (mine !== asked) return;
      status.textContent = search.length ? '' : `Nothing matches "${text}".`;
      results.replaceChildren(
        ...search.map((hit) => {
          const { type, id, label } = hitLabel(hit);
          return h(
            'li',
            null,
            h('span', { class: 'type', style: `--type: ${TYPE_COLORS[type] ?? '#64748b'}` }, TYPE_LABELS[type]?.[0] ?? type),
            h('a', { href: networkHref({ id, depth }) }, label),
            hit.matched && !hit.matched.includes(label) ? h('span', { class: 'muted small' }, ` · ${truncate(hit.matched, 60)}`) : null,
          );
        }),
      );
    } catch (error) {
      if (mine === asked) status.textContent = (error as Error).message;
    }
  }
  if (input.value) void run();
  return h('div', { class: 'search' }, input, status, results);
}

const network: View = async (ctx) => {
  const depthParam = Number.parseInt(ctx.query.get('depth') ?? '2', 10);
  const depth = Number.isNaN(depthParam) ? 2 : depthParam;
  const slug = ctx.query.get('slug');
  let rootId = ctx.query.get('id');
  if (!rootId && slug) {
    const root = await request(ExplorerRootDocument, { slug });
    rootId = root.entity?.id ?? root.action?.id ?? null;
    if (!rootId) throw new NotFound(`No entity or action has the slug "${slug}".`);
  }
  const search = searchBox(ctx, depth);
  if (!rootId) {
    return {
      title: 'Network',
      element: h(
        'div',
        { class: 'view network' },
        h('h1', null, 'Network'),
        h(
          'section',
          { class: 'card' },
          h('p', null, 'Search for a firm, a bureau, a person, a rule, a letter or a country to draw what is connected to it: the actions that name it, their other targets, issuing authorities, lists, countries and technology categories.'),
          search,
          h('p', null, 'Or start from ', EXAMPLES.map((e, i) => [i ? ', ' : '', h('a', { href: networkHref({ slug: e.slug }) }, e.label)]), '.'),
        ),
      ),
    };
  }

  const [{ graph }, { default: cytoscape }] = await Promise.all([
    request(ExplorerGraphDocument, { rootIds: [rootId], depth, maxNodes: MAX_NODES }),
    import('cytoscape'),
  ]);
  if (!graph.nodes.length) throw new NotFound(`No record has the id "${rootId}".`);
  const root = graph.nodes[0];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));

  // Breadth-first distance from the root (edges either way): the rings of the concentric layout.
  const level = new Map<string, number>([[root.id, 0]]);
  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  for (let queue = [root.id]; queue.length; ) {
    const next: string[] = [];
    for (const id of queue) for (const n of neighbours.get(id) ?? []) if (!level.has(n)) (level.set(n, level.get(id)! + 1), next.push(n));
    queue = next;
  }
  const maxLevel = Math.max(...level.values());

  const colorOf = (n: GraphNode): string => {
    const node = n.node;
    if (node.__typename === 'GovernmentAction') return KIND_COLORS[node.actionKind];
    if (node.__typename === 'Entity') return ENTITY_COLORS[node.entityKind] ?? TYPE_COLORS.Entity;
    return TYPE_COLORS[n.type] ?? '#64748b';
  };
  const elements: ElementDefinition[] = [
    ...graph.nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, label: n.label, short: truncate(n.label, n.type === 'GovernmentAction' ? 42 : 30), type: n.type, color: colorOf(n), shape: TYPE_SHAPES[n.type] ?? 'ellipse' },
      classes: n.id === root.id ? 'root' : '',
    })),
    ...graph.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target, kind: e.label ?? humanize(e.kind) } })),
  ];

  const canvas = h('div', { class: 'graph-canvas', id: 'network-canvas', role: 'img', 'aria-label': `Network around ${root.label}` });
  const details = h('div', { class: 'details', 'data-testid': 'node-details' });
  const nodeLink = (n: GraphNode) => pageOf(n.type, n.node as { slug?: string; code?: string });
  let cy: Core | undefined;

  function showDetails(n: GraphNode): void {
    const page = nodeLink(n);
    const node = n.node;
    details.replaceChildren(
      h('h3', null, n.label),
      h(
        'p',
        { class: 'muted' },
        TYPE_LABELS[n.type]?.[0] ?? n.type,
        node.__typename === 'GovernmentAction' ? ` · ${humanize(node.actionKind)} · ${node.occurredOn}` : '',
        node.__typename === 'Entity' ? ` · ${humanize(node.entityKind)}` : '',
        ` · ${plural(neighbours.get(n.id)?.length ?? 0)}`,
      ),
      h(
        'p',
        null,
        page ? h('a', { href: page }, n.type === 'Entity' || n.type === 'GovernmentAction' ? 'Open its page' : 'Its actions on the timeline') : null,
        page && n.id !== root.id ? ' · ' : null,
        n.id !== root.id ? h('a', { href: networkHref({ id: n.id, depth }) }, 'Centre the network here') : null,
      ),
    );
  }
  const plural = (k: number) => `${k} connection${k === 1 ? '' : 's'}`;

  function select(id: string): void {
    const n = byId.get(id);
    if (!n) return;
    showDetails(n);
    if (!cy) return;
    const el = cy.getElementById(id);
    cy.elements().unselect();
    el.select();
    cy.elements().removeClass('faded highlighted');
    const hood = el.closedNeighborhood();
    cy.elements().not(hood).addClass('faded');
    hood.edges().addClass('highlighted');
  }

  const groups = TYPE_ORDER.filter((t) => graph.nodes.some((n) => n.type === t)).concat([...new Set(graph.nodes.map((n) => n.type))].filter((t) => !TYPE_ORDER.includes(t)));
  const list = h(
    'div',
    { class: 'node-list', 'data-testid': 'network-nodes' },
    groups.map((type) => {
      const members = graph.nodes.filter((n) => n.type === type);
      return h(
        'details',
        { open: members.length <= 40 },
        h('summary', null, h('span', { class: 'swatch', style: `--type: ${TYPE_COLORS[type] ?? '#64748b'}` }), `${TYPE_LABELS[type]?.[1] ?? type} (${members.length})`),
        h(
          'ul',
          null,
          members.map((n) => h('li', { 'data-id': n.id }, h('button', { type: 'button', class: 'link', onclick: () => select(n.id) }, n.label))),
        ),
      );
    }),
  );

  const depthLinks = h(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': 'Depth' },
    [1, 2, 3].map((d) => h('a', { href: networkHref({ id: rootId!, depth: d }), class: d === depth ? 'active' : '' }, `${d} step${d > 1 ? 's' : ''}`)),
  );
  // Rings by distance from the root; on each ring, nodes sit near the node that brought them in.
  const positions = new Map<string, { x: number; y: number }>();
  {
    const rings: string[][] = [];
    for (const n of graph.nodes) (rings[level.get(n.id) ?? maxLevel + 1] ??= []).push(n.id);
    const typeRank = (id: string) => TYPE_ORDER.indexOf(byId.get(id)!.type);
    const step = Math.max(170, ...rings.map((ring, k) => (k ? ((ring?.length ?? 0) * 46) / (2 * Math.PI * k) : 0)));
    const angle = new Map<string, number>();
    rings.forEach((ring, k) => {
      if (!ring) return;
      const parentAngle = (id: string) => Math.min(...(neighbours.get(id) ?? []).filter((n) => angle.has(n) && level.get(n) === k - 1).map((n) => angle.get(n)!), 99);
      if (k) ring.sort((a, b) => parentAngle(a) - parentAngle(b) || typeRank(a) - typeRank(b));
      ring.forEach((id, i) => {
        const a = k === 0 && ring.length === 1 ? 0 : (2 * Math.PI * i) / ring.length - Math.PI / 2;
        angle.set(id, a);
        positions.set(id, { x: 1.35 * k * step * Math.cos(a), y: k * step * Math.sin(a) }); // wider than tall, like the canvas
      });
    });
  }
  let layoutName: 'rings' | 'cose' = 'rings';
  const layoutOf = (): LayoutOptions =>
    layoutName === 'rings'
      ? { name: 'preset', positions: Object.fromEntries(positions), fit: true, padding: 24, animate: false }
      : { name: 'cose', animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, randomize: false, fit: true, padding: 24 };
  const layoutSelect = h(
    'select',
    {
      'aria-label': 'Layout',
      onchange: (event: Event) => {
        layoutName = (event.target as HTMLSelectElement).value as typeof layoutName;
        cy?.layout(layoutOf()).run();
      },
    },
    h('option', { value: 'rings' }, 'rings by distance'),
    h('option', { value: 'cose' }, 'force-directed'),
  );

  const rootPage = nodeLink(root);
  const element = h(
    'div',
    { class: 'view network' },
    h('h1', null, 'Network around ', rootPage ? h('a', { href: rootPage }, root.label) : root.label),
    h(
      'section',
      { class: 'card' },
      search,
      h(
        'div',
        { class: 'chart-head' },
        h('span', null, `${graph.nodes.length} nodes, ${graph.edges.length} edges`, graph.truncated ? h('strong', { class: 'warn' }, ` · cut at ${MAX_NODES} nodes: try fewer steps`) : ''),
        h('span', { class: 'controls' }, depthLinks, layoutSelect),
      ),
      h('div', { class: 'network-body' }, canvas, h('aside', null, details, list)),
    ),
  );
  showDetails(root);

  return {
    title: `Network: ${root.label}`,
    element,
    mounted: () => {
      cy = cytoscape({
        container: canvas,
        elements,
        minZoom: 0.2,
        maxZoom: 3,
        style: [
          {
            selector: 'node',
            style: {
              'background-color': 'data(color)',
              shape: 'data(shape)' as never,
              label: 'data(short)',
              width: 18,
              height: 18,
              'font-size': 8,
              color: '#1f2937',
              'text-valign': 'bottom',
              'text-margin-y': 3,
              'text-wrap': 'wrap',
              'text-max-width': '110px',
              'text-background-color': '#ffffff',
              'text-background-opacity': 0.7,
              'text-background-padding': '1px',
            },
          },
          { selector: 'node.root', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#111827', 'font-size': 11, 'font-weight': 'bold' } },
          { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#2563eb' } },
          { selector: 'edge', style: { width: 1, 'line-color': '#cbd5e1', 'target-arrow-color': '#94a3b8', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.6, 'curve-style': 'bezier' } },
          { selector: 'edge.highlighted', style: { 'line-color': '#2563eb', 'target-arrow-color': '#2563eb', width: 2, label: 'data(kind)', 'font-size': 7, 'text-rotation': 'autorotate', color: '#1e3a8a' } },
          { selector: '.faded', style: { opacity: 0.25 } },
        ],
        layout: layoutOf(),
      });
      cy.on('tap', 'node', (event) => select(event.target.id()));
      cy.on('dbltap', 'node', (event) => {
        if (event.target.id() !== root.id) ctx.go(networkHref({ id: event.target.id(), depth }));
      });
      cy.on('tap', (event) => {
        if (event.target === cy) {
          cy!.elements().removeClass('faded highlighted');
          showDetails(root);
        }
      });
      const handles = debugHandles();
      handles.network = { cy };
      return () => {
        delete handles.network;
        cy?.destroy();
        cy = undefined;
      };
    },
  };
};

export default network;
