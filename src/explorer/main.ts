import './style.css';
import { ApiError } from './lib/api';
import { h } from './lib/dom';
import { BASE, href, NotFound, Rendered, View, ViewContext } from './lib/view';

/** Each view is its own chunk: the timeline loads echarts, the network cytoscape. */
const ROUTES: Record<string, () => Promise<{ default: View }>> = {
  timeline: () => import('./views/timeline'),
  network: () => import('./views/network'),
  letters: () => import('./views/letters'),
  entity: () => import('./views/entity'),
  action: () => import('./views/action'),
};

const app = document.getElementById('app') as HTMLElement;
const busy = document.getElementById('busy') as HTMLElement;
let generation = 0;
let cleanup: (() => void) | void;
let firstRender = true;

function parseLocation(): { name: string; params: string[] } {
  const path = location.pathname;
  const rest = path === BASE || path.startsWith(`${BASE}/`) ? path.slice(BASE.length) : path;
  const segments = rest.split('/').filter(Boolean);
  let params: string[];
  try {
    params = segments.slice(1).map(decodeURIComponent);
  } catch {
    params = segments.slice(1);
  }
  return { name: segments[0] ?? 'timeline', params };
}

function problemView(error: unknown): Rendered {
  if (error instanceof NotFound) {
    return {
      title: 'Not found',
      element: h(
        'section',
        { class: 'card problem not-found', 'data-testid': 'not-found' },
        h('h1', null, 'Not found'),
        h('p', null, error.message),
        h('p', null, 'Try the ', h('a', { href: href('network') }, 'search box of the network view'), ' or the ', h('a', { href: href('timeline') }, 'timeline'), '.'),
      ),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: 'Error',
    element: h(
      'section',
      { class: 'card problem error', role: 'alert', 'data-testid': 'error' },
      h('h1', null, error instanceof ApiError ? 'The API answered with an error' : 'Something went wrong'),
      h('pre', { class: 'message' }, message),
      h('p', null, h('a', { href: href('timeline') }, 'Back to the timeline')),
    ),
  };
}

async function render(): Promise<void> {
  const current = ++generation;
  busy.hidden = false;
  const { name, params } = parseLocation();
  const ctx: ViewContext = { params, query: new URLSearchParams(location.search), go };
  let rendered: Rendered;
  try {
    const load = ROUTES[name];
    if (!load) throw new NotFound(`There is no explorer page at ${location.pathname}.`);
    rendered = await (await load()).default(ctx);
  } catch (error) {
    rendered = problemView(error);
  }
  if (current !== generation) return; // a newer navigation won
  cleanup?.();
  cleanup = undefined;
  app.replaceChildren(rendered.element);
  app.dataset.view = name;
  document.title = `${rendered.title} – policy-kb explorer`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) link.classList.toggle('active', link.dataset.nav === name);
  try {
    cleanup = rendered.mounted?.();
  } catch (error) {
    app.replaceChildren(problemView(error).element);
  }
  busy.hidden = true;
  app.dataset.rendered = String(current);
  if (firstRender) {
    firstRender = false;
    performance.mark('explorer:first-render');
  }
}

function go(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', url);
  else {
    history.pushState(null, '', url);
    window.scrollTo(0, 0);
  }
  void render();
}

// Links inside the explorer change the view without reloading the page.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !(url.pathname === BASE || url.pathname.startsWith(`${BASE}/`))) return;
  event.preventDefault();
  go(url.pathname + url.search);
});
window.addEventListener('popstate', () => void render());

void render();
