import { registerEnumType } from 'type-graphql';

export enum Role {
  READER = 'READER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'What a caller may do: read; also write; also manage keys.' });
