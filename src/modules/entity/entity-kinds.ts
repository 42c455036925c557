import { registerEnumType } from 'type-graphql';

export enum EntityKind {
  COMPANY = 'COMPANY',
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY',
  PERSON = 'PERSON',
  EDUCATIONAL_INSTITUTION = 'EDUCATIONAL_INSTITUTION',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  MILITARY = 'MILITARY',
  NGO = 'NGO',
  OTHER = 'OTHER',
}
registerEnumType(EntityKind, { name: 'EntityKind', description: 'What sort of organisation or person an entity is.' });

export enum EntityRelationKind {
  SUBSIDIARY_OF = 'SUBSIDIARY_OF',
  PARENT_OF = 'PARENT_OF',
  SUBORDINATE_OF = 'SUBORDINATE_OF',
  SUPERIOR_OF = 'SUPERIOR_OF',
  AFFILIATE_OF = 'AFFILIATE_OF',
  SUPPLIER_OF = 'SUPPLIER_OF',
  CUSTOMER_OF = 'CUSTOMER_OF',
  SUCCESSOR_OF = 'SUCCESSOR_OF',
  PREDECESSOR_OF = 'PREDECESSOR_OF',
}
registerEnumType(EntityRelationKind, {
  name: 'EntityRelationKind',
  description: 'How two entities are related, read from the entity whose relations are asked for.',
});

/** The same relation read from the other end: A SUBSIDIARY_OF B is B PARENT_OF A. */
export const INVERSE_ENTITY_RELATION: Readonly<Record<EntityRelationKind, EntityRelationKind>> = {
  SUBSIDIARY_OF: EntityRelationKind.PARENT_OF,
  PARENT_OF: EntityRelationKind.SUBSIDIARY_OF,
  SUBORDINATE_OF: EntityRelationKind.SUPERIOR_OF,
  SUPERIOR_OF: EntityRelationKind.SUBORDINATE_OF,
  AFFILIATE_OF: EntityRelationKind.AFFILIATE_OF,
  SUPPLIER_OF: EntityRelationKind.CUSTOMER_OF,
  CUSTOMER_OF: EntityRelationKind.SUPPLIER_OF,
  SUCCESSOR_OF: EntityRelationKind.PREDECESSOR_OF,
  PREDECESSOR_OF: EntityRelationKind.SUCCESSOR_OF,
};
