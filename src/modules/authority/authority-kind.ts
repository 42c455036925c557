import { registerEnumType } from 'type-graphql';

export enum AuthorityKind {
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY',
  LEGISLATURE = 'LEGISLATURE',
  HEAD_OF_STATE_OR_GOVERNMENT = 'HEAD_OF_STATE_OR_GOVERNMENT',
  INTERGOVERNMENTAL_BODY = 'INTERGOVERNMENTAL_BODY',
  SUPRANATIONAL_BODY = 'SUPRANATIONAL_BODY',
  COURT = 'COURT',
  OTHER = 'OTHER',
}
registerEnumType(AuthorityKind, { name: 'AuthorityKind', description: 'What sort of body an authority is.' });
