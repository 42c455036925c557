import { registerEnumType } from 'type-graphql';

export enum ActionKind {
  LISTING = 'LISTING',
  DELISTING = 'DELISTING',
  LISTING_AMENDMENT = 'LISTING_AMENDMENT',
  VISA_RESTRICTION = 'VISA_RESTRICTION',
  TRADE_RESTRICTION = 'TRADE_RESTRICTION',
  JOINT_LETTER = 'JOINT_LETTER',
  RESOLUTION = 'RESOLUTION',
  STATEMENT = 'STATEMENT',
  LEGISLATION = 'LEGISLATION',
  EXECUTIVE_ORDER = 'EXECUTIVE_ORDER',
  REPORT = 'REPORT',
  OTHER = 'OTHER',
}
registerEnumType(ActionKind, {
  name: 'ActionKind',
  description: 'What a government action does.',
  valuesConfig: {
    LISTING: { description: 'Adds targets to a list (an Entity List addition, an SDN designation).' },
    DELISTING: { description: 'Removes targets from a list.' },
    LISTING_AMENDMENT: { description: 'Changes an entry (name, address, licence policy).' },
    VISA_RESTRICTION: { description: 'Restricts visas for named officials or groups.' },
    TRADE_RESTRICTION: { description: 'Import bans, withhold release orders, export rules not tied to a list.' },
    JOINT_LETTER: { description: 'A letter signed by several states.' },
    RESOLUTION: { description: 'A resolution of a legislature or intergovernmental body.' },
    STATEMENT: { description: 'A statement, speech or press release.' },
    LEGISLATION: { description: 'A law.' },
    EXECUTIVE_ORDER: { description: 'An executive order or decree.' },
    REPORT: { description: 'A report or advisory.' },
    OTHER: { description: 'Anything else.' },
  },
});

/** Kinds that change a list's membership; they must name the list. */
export const LIST_ACTION_KINDS: readonly ActionKind[] = [ActionKind.LISTING, ActionKind.DELISTING, ActionKind.LISTING_AMENDMENT];

export enum ParticipantRole {
  TARGET = 'TARGET',
  SIGNATORY = 'SIGNATORY',
  ISSUER = 'ISSUER',
  SUBJECT = 'SUBJECT',
  SUPPORTER = 'SUPPORTER',
  OPPONENT = 'OPPONENT',
}
registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'The part an entity or country plays in an action.',
  valuesConfig: {
    TARGET: { description: 'Listed, sanctioned or restricted by the action.' },
    SIGNATORY: { description: 'Signed the letter, resolution or statement.' },
    ISSUER: { description: 'Issued the action jointly with its authority.' },
    SUBJECT: { description: 'What the action is about (a country whose policy a letter addresses).' },
    SUPPORTER: { description: 'Publicly supported the action.' },
    OPPONENT: { description: 'Publicly opposed the action.' },
  },
});

export enum ActionRelationKind {
  AMENDS = 'AMENDS',
  AMENDED_BY = 'AMENDED_BY',
  REVOKES = 'REVOKES',
  REVOKED_BY = 'REVOKED_BY',
  RESPONDS_TO = 'RESPONDS_TO',
  RESPONDED_TO_BY = 'RESPONDED_TO_BY',
  IMPLEMENTS = 'IMPLEMENTS',
  IMPLEMENTED_BY = 'IMPLEMENTED_BY',
  COORDINATED_WITH = 'COORDINATED_WITH',
  FOLLOWS = 'FOLLOWS',
  FOLLOWED_BY = 'FOLLOWED_BY',
}
registerEnumType(ActionRelationKind, {
  name: 'ActionRelationKind',
  description: 'How two actions are related, read from the action whose relations are asked for.',
});

/** The same relation read from the other end. */
export const INVERSE_ACTION_RELATION: Readonly<Record<ActionRelationKind, ActionRelationKind>> = {
  AMENDS: ActionRelationKind.AMENDED_BY,
  AMENDED_BY: ActionRelationKind.AMENDS,
  REVOKES: ActionRelationKind.REVOKED_BY,
  REVOKED_BY: ActionRelationKind.REVOKES,
  RESPONDS_TO: ActionRelationKind.RESPONDED_TO_BY,
  RESPONDED_TO_BY: ActionRelationKind.RESPONDS_TO,
  IMPLEMENTS: ActionRelationKind.IMPLEMENTED_BY,
  IMPLEMENTED_BY: ActionRelationKind.IMPLEMENTS,
  COORDINATED_WITH: ActionRelationKind.COORDINATED_WITH,
  FOLLOWS: ActionRelationKind.FOLLOWED_BY,
  FOLLOWED_BY: ActionRelationKind.FOLLOWS,
};
