import { connectionTypes } from '../../graphql/connection';
import { Listing } from './listing.type';

export const { ConnectionType: ListingConnection } = connectionTypes(Listing, 'Listing', 'list entry');
