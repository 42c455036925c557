import { ExplorerCountrySignedDocument, ExplorerLettersDocument, type ExplorerLetterFragment } from '../../generated/explorer';
import { request } from '../lib/api';
import { empty, h } from '../lib/dom';
import { formatDate, humanize, plural } from '../lib/format';
import { actionHref, href, NotFound, type View } from '../lib/view';

/** The July 2019 letters to the UN Human Rights Council on Xinjiang: the letter of 22 and the counter-letter. */
export const DEFAULT_LETTERS = { a: 'unhrc-2019-07-08-joint-letter-22', b: 'unhrc-2019-07-12-joint-letter-37' };

const letters: View = async (ctx) => {
  const a = ctx.query.get('a') || DEFAULT_LETTERS.a;
  const b = ctx.query.get('b') || DEFAULT_LETTERS.b;
  const country = ctx.query.get('country')?.toUpperCase() || null;
  const [data, signed] = await Promise.all([
    request(ExplorerLettersDocument, { a, b }),
    country ? request(ExplorerCountrySignedDocument, { code: country }) : Promise.resolve(null),
  ]);
  if (!data.a) throw new NotFound(`No action has the slug "${a}".`);
  if (!data.b) throw new NotFound(`No action has the slug "${b}".`);
  const left = data.a;
  const right = data.b;
  const inA = new Set(left.signatories.map((c) => c.code));
  const inB = new Set(right.signatories.map((c) => c.code));
  const both = left.signatories.filter((c) => inB.has(c.code));
  const link = (changes: Record<string, string | null>) => href('letters', { a: ctx.query.get('a'), b: ctx.query.get('b'), country, ...changes });

  const column = (letter: ExplorerLetterFragment, side: 'a' | 'b', other: Set<string>) =>
    h(
      'section',
      { class: 'card letter', 'data-testid': `letter-${side}` },
      h(
        'label',
        { class: 'pick' },
        'Compare ',
        h(
          'select',
          { onchange: (event: Event) => ctx.go(link({ [side]: (event.target as HTMLSelectElement).value })) },
          data.choices.nodes.map((c) => h('option', { value: c.slug, selected: c.slug === letter.slug }, `${c.occurredOn} · ${c.title}`)),
        ),
      ),
      h('h2', null, h('a', { href: actionHref(letter.slug) }, letter.title)),
      h('p', { class: 'muted' }, `${humanize(letter.kind)} · ${formatDate(letter.occurredOn)} · ${letter.authority.name}`),
      letter.note ? h('details', { class: 'note' }, h('summary', null, 'Curator’s note'), h('p', null, letter.note)) : null,
      h('h3', null, `${plural(letter.signatories.length, 'signatory', 'signatories')}`),
      letter.signatories.length
        ? h(
            'ol',
            { class: 'countries' },
            letter.signatories.map((c) =>
              h(
                'li',
                { class: [other.has(c.code) ? 'both' : '', c.code === country ? 'selected' : ''].join(' ').trim() || null, 'data-code': c.code },
                h('a', { href: link({ country: c.code === country ? null : c.code }) }, h('code', null, c.code), ' ', c.name),
              ),
            ),
          )
        : empty('No signatory recorded.'),
    );

  const relation = left.related.find((r) => r.action.slug === right.slug);
  const element = h(
    'div',
    { class: 'view letters' },
    h('h1', null, 'Who signed which letter'),
    h(
      'section',
      { class: 'card summary', 'data-testid': 'letters-summary' },
      h(
        'p',
        null,
        `${plural(left.signatories.length, 'country', 'countries')} signed the first, ${plural(right.signatories.length, 'country', 'countries')} the second. `,
        both.length
          ? h('strong', null, `${plural(both.length, 'country', 'countries')} signed both (highlighted): ${both.map((c) => c.name).join(', ')}.`)
          : h('strong', null, 'No country signed both.'),
        relation ? ` The first is ${humanize(relation.kind).toLowerCase()} the second.` : '',
      ),
      h('p', { class: 'muted small' }, 'Click a country to see every letter, resolution or statement it signed.'),
      signed?.country
        ? h(
            'div',
            { class: 'signed', 'data-testid': 'country-signed' },
            h('h3', null, `${signed.country.name} signed ${plural(signed.country.actionsSigned.totalCount, 'action')}`, inA.has(signed.country.code) || inB.has(signed.country.code) ? '' : ' (neither of these two)'),
            h(
              'ul',
              null,
              signed.country.actionsSigned.nodes.map((s) => h('li', null, `${s.occurredOn} `, h('a', { href: actionHref(s.slug) }, s.title), h('span', { class: 'muted' }, ` · ${humanize(s.kind)}`))),
            ),
          )
        : null,
    ),
    h('div', { class: 'side-by-side' }, column(left, 'a', inB), column(right, 'b', inA)),
  );
  return { title: 'Letters', element };
};

export default letters;
