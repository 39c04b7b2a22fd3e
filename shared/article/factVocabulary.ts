/**
 * The fact-tag vocabulary: what a tag can mark and how far it has been checked. One source for the
 * editor, the suggestions, the server's commands and the published JSON.
 */

/** What a fact tag marks. */
export const FACT_KINDS = ['claim', 'quote', 'person', 'organization', 'place', 'date', 'number', 'other'] as const
export type FactKind = (typeof FACT_KINDS)[number]

/** Kinds that name an entity (person, organization, place): they carry a canonical name and URI. */
export const ENTITY_KINDS: readonly FactKind[] = ['person', 'organization', 'place']

/** Kinds whose verification the publishing gate requires. */
export const CHECKED_KINDS: readonly FactKind[] = ['claim', 'quote']

/**
 * The verification scale, in the order a desk works through it (docs/facts.md):
 * - `unverified`: tagged, nobody has checked it yet (the default);
 * - `needs-source`: a checker looked and wants a source before it can be verified;
 * - `verified`: checked against the listed sources;
 * - `needs-recheck`: was verified, then its words changed; set by the server, never by hand;
 * - `disputed`: sources disagree, or the subject contests it;
 * - `false`: checked and wrong;
 * - `retracted`: withdrawn from the story.
 */
export const FACT_STATUSES = ['unverified', 'needs-source', 'verified', 'needs-recheck', 'disputed', 'false', 'retracted'] as const
export type FactStatus = (typeof FACT_STATUSES)[number]

/** True for a known fact kind. */
export function isFactKind(value: unknown): value is FactKind {
  return typeof value === 'string' && (FACT_KINDS as readonly string[]).includes(value)
}

/** True for a known fact status. */
export function isFactStatus(value: unknown): value is FactStatus {
  return typeof value === 'string' && (FACT_STATUSES as readonly string[]).includes(value)
}
