import { connectionTypes } from '../../graphql/connection';
import { GovernmentAction } from './government-action.entity';
import { Participation } from './participation.entity';

export const { ConnectionType: GovernmentActionConnection } = connectionTypes(GovernmentAction, 'GovernmentAction', 'government action');
export const { ConnectionType: ParticipationConnection } = connectionTypes(Participation, 'Participation', 'participation');
