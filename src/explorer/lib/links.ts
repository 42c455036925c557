import { actionHref, entityHref, href } from './view';

/** What the explorer shows for a record of a given GraphQL type: its own page, or the timeline filtered by it. */
export function pageOf(type: string, node: { slug?: string | null; code?: string | null }): string | null {
  switch (type) {
    case 'Entity':
      return node.slug ? entityHref(node.slug) : null;
    case 'GovernmentAction':
      return node.slug ? actionHref(node.slug) : null;
    case 'Country':
      return node.code ? href('timeline', { country: node.code, role: 'concerning' }) : null;
    case 'Authority':
      return node.slug ? href('timeline', { authority: node.slug }) : null;
    case 'TechnologyCategory':
      return node.slug ? href('timeline', { technology: node.slug }) : null;
    default:
      return null;
  }
}

export const TYPE_LABELS: Record<string, [one: string, many: string]> = {
  Entity: ['Entity', 'Entities'],
  GovernmentAction: ['Action', 'Actions'],
  Country: ['Country', 'Countries'],
  Authority: ['Authority', 'Authorities'],
  SanctionsList: ['List', 'Lists'],
  TechnologyCategory: ['Technology', 'Technologies'],
};
