import {
  ExplorerActionsDocument,
  ExplorerTimelineDocument,
  type ActionFilter,
  type ActionKind,
  type ExplorerActionsQuery,
  type Granularity,
} from '../../generated/explorer';
import { request } from '../lib/api';
import { empty, h } from '../lib/dom';
import { loadFacets } from '../lib/facets';
import { formatDate, humanize, KIND_COLORS, periodEnd, periodLabel, periodStart, plural } from '../lib/format';
import { actionHref, debugHandles, href, networkHref, type View } from '../lib/view';

const GRANULARITIES: Granularity[] = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];
const COUNTRY_ROLES = { issued: 'issued by', concerning: 'concerning', signed: 'signed by' } as const;
type CountryRole = keyof typeof COUNTRY_ROLES;
const FILTER_KEYS = ['kind', 'authority', 'technology', 'country', 'role'] as const;

/** The ActionFilter the URL asks for: one value per facet (the API checks them). */
export function filterFromQuery(query: URLSearchParams): ActionFilter {
  const filter: ActionFilter = {};
  const kind = query.get('kind');
  if (kind) filter.kind = [kind as ActionKind];
  const authority = query.get('authority');
  if (authority) filter.authority = [authority];
  const technology = query.get('technology');
  if (technology) filter.technology = [technology];
  const country = query.get('country');
  if (country) {
    const role = (query.get('role') ?? 'issued') as CountryRole;
    if (role === 'concerning') filter.concerning = [country];
    else if (role === 'signed') filter.signatory = [country];
    else filter.issuingCountry = [country];
  }
  return filter;
}

type ActionRow = ExplorerActionsQuery['actions']['nodes'][number];

function actionRow(action: ActionRow): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-slug': action.slug },
    h('td', { class: 'date' }, formatDate(action.occurredOn)),
    h('td', null, h('span', { class: 'badge', style: `--kind: ${KIND_COLORS[action.kind]}` }, humanize(action.kind))),
    h(
      'td',
      null,
      h('a', { href: actionHref(action.slug) }, action.title),
      action.citation ? h('span', { class: 'muted' }, ` · ${action.citation}`) : null,
    ),
    h('td', null, action.authority.abbreviation ?? action.authority.name),
    h('td', { class: 'num' }, action.targets.totalCount || ''),
    h('td', null, h('a', { href: networkHref({ slug: action.slug }), title: 'Network around this action' }, 'network')),
  );
}

const timeline: View = async (ctx) => {
  const query = ctx.query;
  const granularity = (query.get('granularity') ?? 'MONTH').toUpperCase() as Granularity;
  const filter = filterFromQuery(query);
  // The clicked period, as the start of the period that holds the date in the URL.
  const period = /^\d{4}-\d{2}-\d{2}$/.test(query.get('period') ?? '') ? periodStart(query.get('period')!, granularity) : null;
  const listFilter: ActionFilter = period ? { ...filter, occurredBetween: { from: period, to: periodEnd(period, granularity) } } : filter;
  // Everything at once: the filter choices, the chart, the list and the charting library.
  const [facets, { timeline: data }, { actions }, { responsiveChart }] = await Promise.all([
    loadFacets(),
    request(ExplorerTimelineDocument, { filter, granularity }),
    request(ExplorerActionsDocument, { filter: listFilter, first: 100 }),
    import('../lib/charts'),
  ]);
  const selected = data.buckets.find((b) => b.start === period);

  /** This URL with some parameters changed; a new filter or granularity forgets the clicked period. */
  const withQuery = (changes: Record<string, string | null>, keepPeriod = false): string => {
    const next: Record<string, string | null> = {};
    for (const key of [...FILTER_KEYS, 'granularity', 'period']) next[key] = query.get(key);
    if (!keepPeriod) next.period = null;
    return href('timeline', { ...next, ...changes });
  };

  const select = (name: (typeof FILTER_KEYS)[number], label: string, options: { key: string; label: string; count?: number }[], any = 'any') =>
    h(
      'label',
      null,
      label,
      h(
        'select',
        {
          name,
          onchange: (event: Event) => ctx.go(withQuery({ [name]: (event.target as HTMLSelectElement).value || null })),
        },
        h('option', { value: '' }, any),
        options.map((o) => h('option', { value: o.key, selected: query.get(name) === o.key }, o.count === undefined ? o.label : `${o.label} (${o.count})`)),
      ),
    );

  const stats = facets.actionStats;
  const countryRole = (query.get('role') ?? 'issued') as CountryRole;
  const form = h(
    'form',
    { class: 'filters', onsubmit: (event: Event) => event.preventDefault() },
    select('kind', 'Kind', stats.byKind.map((f) => ({ key: f.key, label: f.label ?? humanize(f.key), count: f.count }))),
    select('authority', 'Authority', stats.byAuthority.map((f) => ({ key: f.key, label: f.label ?? f.key, count: f.count }))),
    select('technology', 'Technology', stats.byTechnology.map((f) => ({ key: f.key, label: f.label ?? f.key, count: f.count }))),
    h(
      'label',
      null,
      'Country',
      h(
        'select',
        { name: 'role', onchange: (event: Event) => ctx.go(withQuery({ role: (event.target as HTMLSelectElement).value })) },
        Object.entries(COUNTRY_ROLES).map(([key, text]) => h('option', { value: key, selected: countryRole === key }, text)),
      ),
    ),
    select(
      'country',
      '',
      facets.countries.map((c) => ({ key: c.code, label: c.name })),
      'any country',
    ),
    Object.keys(filter).length ? h('a', { class: 'button', href: withQuery({ kind: null, authority: null, technology: null, country: null, role: null }) }, 'Clear filters') : null,
  );

  const zoom = h(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': 'Granularity' },
    GRANULARITIES.map((g) => h('a', { href: withQuery({ granularity: g }), class: g === data.granularity ? 'active' : '', 'aria-current': g === data.granularity ? 'true' : null }, humanize(g))),
  );

  const chartEl = h('div', { class: 'chart', id: 'timeline-chart', role: 'img', 'aria-label': `Actions per ${data.granularity.toLowerCase()}, by kind` });
  const tbody = h('tbody', null, actions.nodes.map(actionRow));
  let pageInfo = actions.pageInfo;
  const more = h('button', {
    type: 'button',
    hidden: !pageInfo.hasNextPage,
    onclick: async () => {
      more.disabled = true;
      const next = await request(ExplorerActionsDocument, { filter: listFilter, first: 100, after: pageInfo.endCursor });
      tbody.append(...next.actions.nodes.map(actionRow));
      pageInfo = next.actions.pageInfo;
      more.hidden = !pageInfo.hasNextPage;
      more.disabled = false;
    },
  }, 'More');

  const heading = period
    ? h('h2', null, `${periodLabel(period, data.granularity)}: ${plural(actions.totalCount, 'action')} `, h('a', { class: 'small', href: withQuery({}) }, 'show every period'))
    : h('h2', null, `All ${plural(actions.totalCount, 'action')}`, h('span', { class: 'muted small' }, ' · click a bar to list its period'));

  const element = h(
    'div',
    { class: 'view timeline' },
    h('h1', null, 'Timeline of actions'),
    h('section', { class: 'card' }, form, h('div', { class: 'chart-head' }, h('span', null, `${plural(data.total, 'action')} per ${data.granularity.toLowerCase()}`), zoom), data.total ? chartEl : empty('No action matches these filters.')),
    h(
      'section',
      { class: 'card', 'data-testid': 'timeline-actions' },
      heading,
      actions.nodes.length
        ? h('table', { class: 'list' }, h('thead', null, h('tr', null, ['Date', 'Kind', 'Title', 'Authority', 'Targets', ''].map((t) => h('th', null, t)))), tbody)
        : empty('No action in this period.'),
      more,
    ),
  );

  return {
    title: 'Timeline',
    element,
    mounted: () => {
      if (!data.total) return;
      const { chart, dispose } = responsiveChart(chartEl);
      const kinds = [...new Set(data.buckets.flatMap((b) => b.byKind.map((k) => k.kind)))];
      const labels = data.buckets.map((b) => periodLabel(b.start, data.granularity));
      const selectedIndex = selected ? data.buckets.indexOf(selected) : -1;
      chart.setOption({
        animation: false,
        grid: { left: 40, right: 16, top: 36, bottom: data.buckets.length > 36 ? 64 : 32 },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', minInterval: 1 },
        dataZoom: data.buckets.length > 36 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
        series: kinds.map((kind, i) => ({
          name: humanize(kind),
          type: 'bar',
          stack: 'actions',
          barMaxWidth: 48,
          itemStyle: { color: KIND_COLORS[kind] },
          data: data.buckets.map((b) => b.byKind.find((k) => k.kind === kind)?.count ?? 0),
          markArea:
            i === 0 && selectedIndex >= 0
              ? { silent: true, itemStyle: { color: 'rgba(37, 99, 235, 0.10)' }, data: [[{ xAxis: labels[selectedIndex] }, { xAxis: labels[selectedIndex] }]] }
              : undefined,
        })),
      });
      // A click anywhere in a period's column (not only on its bar) lists that period.
      chart.getZr().on('click', (event) => {
        const point = [event.offsetX, event.offsetY];
        if (!chart.containPixel('grid', point)) return;
        const [index] = chart.convertFromPixel('grid', point) as number[];
        const bucket = data.buckets[Math.round(index)];
        if (bucket) ctx.go(withQuery({ period: bucket.start }));
      });
      chart.getZr().setCursorStyle('pointer');
      const handles = debugHandles();
      handles.timeline = {
        chart,
        /** Where the column of the period starting on `start` is, in page coordinates. */
        pointOf(start: string) {
          const index = data.buckets.findIndex((b) => b.start === start);
          if (index < 0) return null;
          const [x, y] = chart.convertToPixel('grid', [index, Math.max(data.buckets[index].count / 2, 0.1)]) as number[];
          const rect = chartEl.getBoundingClientRect();
          return { x: rect.left + x, y: rect.top + y };
        },
      };
      return () => {
        delete handles.timeline;
        dispose();
      };
    },
  };
};

export default timeline;
