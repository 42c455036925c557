import { registerEnumType } from 'type-graphql';

export enum SourceKind {
  FEDERAL_REGISTER = 'FEDERAL_REGISTER',
  OFFICIAL_PRESS_RELEASE = 'OFFICIAL_PRESS_RELEASE',
  OFFICIAL_DOCUMENT = 'OFFICIAL_DOCUMENT',
  LAW = 'LAW',
  UN_DOCUMENT = 'UN_DOCUMENT',
  NEWS = 'NEWS',
  NGO_REPORT = 'NGO_REPORT',
  OTHER = 'OTHER',
}
registerEnumType(SourceKind, { name: 'SourceKind', description: 'What kind of document a source is.' });
