import { empty, externalLink, h } from './dom';
import { formatDate, humanize } from './format';

interface Source {
  kind: string;
  title: string;
  publisher?: string | null;
  publishedOn?: string | null;
  url: string;
}

/** Long grounds fold away behind their first sentence. */
export function grounds(text: string | null | undefined): HTMLElement | string {
  if (!text) return '';
  if (text.length < 220) return h('span', { class: 'grounds' }, text);
  return h('details', { class: 'grounds' }, h('summary', null, `${text.slice(0, 180).trimEnd()}…`), h('p', null, text));
}

export function sourceList(sources: readonly Source[]): HTMLElement {
  if (!sources.length) return empty('No source recorded.');
  return h(
    'ul',
    { class: 'sources' },
    sources.map((s) =>
      h(
        'li',
        null,
        externalLink(s.url, s.title),
        h('span', { class: 'muted' }, [` · ${humanize(s.kind)}`, s.publisher ? ` · ${s.publisher}` : '', s.publishedOn ? ` · ${formatDate(s.publishedOn)}` : ''].join('')),
      ),
    ),
  );
}

