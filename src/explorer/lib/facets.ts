import { ExplorerFacetsDocument, type ExplorerFacetsQuery } from '../../generated/explorer';
import { request } from './api';

let facets: Promise<ExplorerFacetsQuery> | undefined;

/** The timeline's filter choices; asked once per page load. */
export function loadFacets(): Promise<ExplorerFacetsQuery> {
  facets ??= request(ExplorerFacetsDocument).catch((error) => {
    facets = undefined;
    throw error;
  });
  return facets;
}
