import { connectionTypes } from '../../graphql/connection';
import { LegalEntity } from './legal-entity.entity';

export const { ConnectionType: EntityConnection } = connectionTypes(LegalEntity, 'Entity', 'entity');
