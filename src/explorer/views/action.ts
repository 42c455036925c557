import { ExplorerActionDocument } from '../../generated/explorer';
import { request } from '../lib/api';
import { empty, h, section } from '../lib/dom';
import { formatDate, humanize, KIND_COLORS } from '../lib/format';
import { actionHref, entityHref, href, networkHref, NotFound, type View } from '../lib/view';
import { grounds, sourceList } from '../lib/records';

const actionView: View = async (ctx) => {
  const slug = ctx.params[0];
  if (!slug) throw new NotFound('No action was named in the URL: use /explore/action/<slug>.');
  const { action } = await request(ExplorerActionDocument, { slug });
  if (!action) throw new NotFound(`No action has the slug "${slug}".`);

  const dates = [
    ['Occurred', action.occurredOn],
    ['Effective', action.effectiveOn],
    ['Ended', action.endedOn],
  ].filter(([, d]) => d) as [string, string][];
  const entities = action.participants.nodes.filter((p) => p.entity);
  const element = h(
    'div',
    { class: 'view action', 'data-testid': 'action' },
    h(
      'section',
      { class: 'card' },
      h('p', null, h('span', { class: 'badge', style: `--kind: ${KIND_COLORS[action.kind]}` }, humanize(action.kind)), action.verified ? '' : h('span', { class: 'badge warn' }, 'not fully verified')),
      h('h1', null, action.title),
      h(
        'p',
        { class: 'muted' },
        h('a', { href: href('timeline', { authority: action.authority.slug }) }, action.authority.name),
        action.issuingCountry ? ` · ${action.issuingCountry.name}` : '',
        action.list ? ` · ${action.list.name}` : '',
        action.citation ? ` · ${action.citation}` : '',
        action.documentNumber ? ` · document ${action.documentNumber}` : '',
        ' · ',
        h('a', { href: networkHref({ slug: action.slug }) }, 'network around it'),
      ),
      h('p', null, dates.map(([label, d], i) => [i ? ' · ' : '', h('strong', null, `${label}: `), formatDate(d)])),
      action.summary ? h('p', null, action.summary) : null,
      action.grounds ? h('p', null, h('strong', null, 'Grounds: '), action.grounds) : null,
      action.note ? h('p', { class: 'note' }, h('strong', null, 'Note: '), action.note) : null,
      action.concerns.length ? h('p', null, h('strong', null, 'Concerns: '), action.concerns.map((c) => c.name).join(', ')) : null,
      action.tags.length ? h('p', { class: 'chips' }, action.tags.map((t) => h('span', { class: 'chip' }, t))) : null,
    ),
    entities.length
      ? section(
          `Entities named (${entities.length})`,
          h(
            'table',
            { class: 'list' },
            h('thead', null, h('tr', null, ['Entity', 'Role', 'Grounds'].map((t) => h('th', null, t)))),
            h(
              'tbody',
              null,
              entities.map((p) =>
                h(
                  'tr',
                  null,
                  h('td', null, h('a', { href: entityHref(p.entity!.slug) }, p.entity!.name), p.nameAsListed && p.nameAsListed !== p.entity!.name ? h('div', { class: 'muted small' }, `listed as “${p.nameAsListed}”`) : null),
                  h('td', null, humanize(p.role), p.licensePolicy ? h('div', { class: 'muted small' }, p.licensePolicy) : null),
                  h('td', null, grounds(p.grounds)),
                ),
              ),
            ),
          ),
        )
      : null,
    action.signatories.length
      ? section(
          `Signatories (${action.signatories.length})`,
          h('p', { class: 'countries-inline' }, action.signatories.map((c, i) => [i ? ', ' : '', h('a', { href: href('letters', { country: c.code }) }, c.name)])),
        )
      : null,
    section(
      'Related actions',
      action.related.length
        ? h('ul', null, action.related.map((r) => h('li', null, `${humanize(r.kind)} `, h('a', { href: actionHref(r.action.slug) }, r.action.title), h('span', { class: 'muted' }, ` (${formatDate(r.action.occurredOn)})`))))
        : empty('None recorded.'),
    ),
    section(`Sources (${action.sources.length})`, sourceList(action.sources)),
  );
  return { title: action.title, element };
};

export default actionView;
