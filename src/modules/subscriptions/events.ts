/**
 * What the write API announces after a transaction commits. The subscription module turns
 * these into `actionRecorded` events (in-process, or across instances through Redis).
 */
export interface DomainEvents {
  /** An action was created or changed (participants, relations and restores included). */
  actionRecorded(actionId: number): void;
}

/** For processes that serve no subscriptions (CLI, seeding): events go nowhere. */
export const NO_EVENTS: DomainEvents = { actionRecorded: () => undefined };
