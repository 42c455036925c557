/** What a view gets: the URL it renders, and how to move to another one. */
export interface ViewContext {
  /** Path segments after /explore/<view>/, decoded. */
  params: string[];
  query: URLSearchParams;
  /** Goes to another explorer URL (pushes a history entry unless `replace`) and renders it. */
  go(url: string, options?: { replace?: boolean }): void;
}

export interface Rendered {
  element: HTMLElement;
  /** The page title (after "policy-kb explorer – "). */
  title: string;
  /** Runs once the element is in the document (charts need their size); returns the cleanup. */
  mounted?: () => (() => void) | void;
}

export type View = (ctx: ViewContext) => Promise<Rendered>;

/** Thrown by a view when the record in the URL does not exist. */
export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

export const BASE = '/explore';

/** An explorer URL: `path` under /explore, with the non-empty query values. */
export function href(path: string, query: Record<string, string | number | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  const qs = search.toString();
  return `${BASE}/${path.replace(/^\//, '')}${qs ? `?${qs}` : ''}`;
}

export const entityHref = (slug: string) => href(`entity/${encodeURIComponent(slug)}`);
export const actionHref = (slug: string) => href(`action/${encodeURIComponent(slug)}`);
export const networkHref = (query: { slug?: string; id?: string; depth?: number }) => href('network', query);

/** Handles that the browser tests (and curious developers) can reach from the console. */
export function debugHandles(): Record<string, unknown> {
  const w = window as unknown as { policyKbExplorer?: Record<string, unknown> };
  w.policyKbExplorer ??= {};
  return w.policyKbExplorer;
}
