import { ExplorerEntityDocument, type ExplorerEntityQuery } from '../../generated/explorer';
import { request } from '../lib/api';
import { empty, externalLink, h, section } from '../lib/dom';
import { grounds, sourceList } from '../lib/records';
import { formatDate, humanize, KIND_COLORS, plural } from '../lib/format';
import { actionHref, entityHref, href, networkHref, NotFound, type View } from '../lib/view';

type Entity = NonNullable<ExplorerEntityQuery['entity']>;

const DAY = 86_400_000;

/** A bar per list period, from the day it took effect to the day it ended (or today). */
function listingChart(entity: Entity, { echarts, responsiveChart }: typeof import('../lib/charts')): { element: HTMLElement; mount: () => () => void } | null {
  if (!entity.listings.length) return null;
  const element = h('div', { class: 'chart small-chart', role: 'img', 'aria-label': `${entity.name}'s list memberships over time` });
  return {
    element,
    mount: () => {
      const { chart, dispose } = responsiveChart(element);
      const rows = [...new Set(entity.listings.map((l) => l.list.name))];
      const today = Date.now();
      const starts = entity.listings.map((l) => Date.parse(l.since));
      const data = entity.listings.map((l) => ({
        name: l.list.name,
        value: [rows.indexOf(l.list.name), Date.parse(l.since), l.until ? Date.parse(l.until) : today],
        itemStyle: { color: l.active ? '#c2410c' : '#94a3b8' },
        since: l.since,
        until: l.until,
      }));
      chart.setOption({
        animation: false,
        grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
        tooltip: {
          formatter: (p: { data: (typeof data)[number] }) => `${p.data.name}<br/>${formatDate(p.data.since)} – ${p.data.until ? formatDate(p.data.until) : 'today'}`,
        },
        xAxis: { type: 'time', min: Math.min(...starts) - 180 * DAY, max: today },
        yAxis: { type: 'category', data: rows },
        series: [
          {
            type: 'custom',
            encode: { x: [1, 2], y: 0 },
            data,
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            renderItem: (params: any, api: any) => {
              const row = api.value(0);
              const start = api.coord([api.value(1), row]);
              const end = api.coord([api.value(2), row]);
              const height = api.size([0, 1])[1] * 0.5;
              const shape = echarts.graphic.clipRectByRect(
                { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 2), height },
                { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height },
              );
              return shape && { type: 'rect', transition: ['shape'], shape, style: api.style() };
            },
          },
        ],
      });
      return dispose;
    },
  };
}

const entityView: View = async (ctx) => {
  const slug = ctx.params[0];
  if (!slug) throw new NotFound('No entity was named in the URL: use /explore/entity/<slug>, e.g. /explore/entity/cn-hikvision.');
  const [{ entity }, charts] = await Promise.all([request(ExplorerEntityDocument, { slug }), import('../lib/charts')]);
  if (!entity) throw new NotFound(`No entity has the slug "${slug}".`);

  const chart = listingChart(entity, charts);
  const meta = [humanize(entity.kind), entity.country?.name].filter(Boolean).join(' · ');
  const element = h(
    'div',
    { class: 'view entity', 'data-testid': 'entity' },
    h(
      'section',
      { class: 'card' },
      h('h1', null, entity.name),
      h(
        'p',
        { class: 'muted' },
        meta,
        entity.verified ? '' : h('span', { class: 'badge warn' }, 'not fully verified'),
        ' · ',
        h('a', { href: networkHref({ slug: entity.slug }) }, 'network around it'),
      ),
      entity.aliases.length ? h('p', null, h('strong', null, 'Also known as: '), entity.aliases.join('; ')) : null,
      entity.description ? h('p', null, entity.description) : null,
      entity.note ? h('p', { class: 'note' }, h('strong', null, 'Note: '), entity.note) : null,
      entity.technologies.length
        ? h('p', { class: 'chips' }, entity.technologies.map((t) => h('a', { class: 'chip', href: href('timeline', { technology: t.slug }) }, t.name)))
        : null,
      entity.identifiers.length ? h('p', { class: 'muted small' }, entity.identifiers.map((i) => `${i.scheme} ${i.value}`).join(' · ')) : null,
      entity.website ? h('p', null, externalLink(entity.website, entity.website)) : null,
    ),
    section(
      'Listings over time',
      chart?.element ?? null,
      entity.listings.length
        ? h(
            'table',
            { class: 'list', 'data-testid': 'listings' },
            h('thead', null, h('tr', null, ['List', 'Since', 'Until', 'Added by', 'Removed by', 'Grounds'].map((t) => h('th', null, t)))),
            h(
              'tbody',
              null,
              entity.listings.map((l) =>
                h(
                  'tr',
                  { class: l.active ? 'active' : 'ended' },
                  h('td', null, l.list.name, h('div', { class: 'muted small' }, l.list.authority.name)),
                  h('td', { class: 'date' }, formatDate(l.since)),
                  h('td', { class: 'date' }, l.until ? formatDate(l.until) : h('span', { class: 'badge', style: `--kind: ${KIND_COLORS.LISTING}` }, 'in force')),
                  h('td', null, h('a', { href: actionHref(l.addedBy.slug) }, l.addedBy.citation ?? l.addedBy.title)),
                  h('td', null, l.removedBy ? h('a', { href: actionHref(l.removedBy.slug) }, l.removedBy.citation ?? l.removedBy.title) : ''),
                  h('td', null, grounds(l.grounds)),
                ),
              ),
            ),
          )
        : empty('Not on any list recorded in policy-kb.'),
    ),
    section(
      `Actions that name it (${entity.participations.totalCount})`,
      entity.participations.nodes.length
        ? h(
            'table',
            { class: 'list' },
            h('thead', null, h('tr', null, ['Date', 'Role', 'Action', 'Authority', 'Grounds'].map((t) => h('th', null, t)))),
            h(
              'tbody',
              null,
              entity.participations.nodes.map((p) =>
                h(
                  'tr',
                  null,
                  h('td', { class: 'date' }, formatDate(p.action.occurredOn)),
                  h('td', null, humanize(p.role)),
                  h(
                    'td',
                    null,
                    h('span', { class: 'badge', style: `--kind: ${KIND_COLORS[p.action.kind]}` }, humanize(p.action.kind)),
                    ' ',
                    h('a', { href: actionHref(p.action.slug) }, p.action.title),
                    p.nameAsListed && p.nameAsListed !== entity.name ? h('div', { class: 'muted small' }, `listed as “${p.nameAsListed}”`) : null,
                  ),
                  h('td', null, p.action.authority.abbreviation ?? p.action.authority.name),
                  h('td', null, grounds(p.grounds)),
                ),
              ),
            ),
          )
        : empty('No action names it.'),
    ),
    section(
      'Relations',
      entity.relations.length
        ? h(
            'ul',
            null,
            entity.relations.map((r) =>
              h('li', null, `${humanize(r.kind)} `, h('a', { href: entityHref(r.entity.slug) }, r.entity.name), r.since || r.until ? h('span', { class: 'muted' }, ` (${r.since ?? '…'} – ${r.until ?? ''})`) : null),
            ),
          )
        : empty('No relation to another entity is recorded.'),
    ),
    section(`Sources (${entity.sources.length})`, sourceList(entity.sources)),
  );
  return { title: entity.name, element, mounted: chart?.mount };
};

export default entityView;
