/**
 * Newsroom roles on an article and what each may do. One table, read by the server (which enforces
 * it) and the client (which only shows it): docs/access.md.
 */

/** A user's role on one article, strongest first. */
export const ROLES = ['owner', 'editor', 'factchecker', 'reviewer', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** Things a role may do on an article. */
export const Capability = {
  /** Open the article: its text, metadata, facts, threads and presence. */
  read: 'read',
  /** Change the body and the metadata (direct Yjs updates). */
  writeBody: 'writeBody',
  /** Create and remove fact tags (marks in the body). */
  tagFacts: 'tagFacts',
  /** Change a fact tag's status, sources and notes (server command). */
  checkFacts: 'checkFacts',
  /** Open threads, reply, resolve (server command). */
  comment: 'comment',
  /** Add, change and remove the article's members. */
  manageMembers: 'manageMembers',
  /** Publish a version of the article. */
  publish: 'publish',
} as const
export type Capability = (typeof Capability)[keyof typeof Capability]

const ROLE_CAPABILITIES: Record<Role, ReadonlySet<Capability>> = {
  owner: new Set(['read', 'writeBody', 'tagFacts', 'checkFacts', 'comment', 'manageMembers', 'publish']),
  editor: new Set(['read', 'writeBody', 'tagFacts', 'checkFacts', 'comment', 'publish']),
  factchecker: new Set(['read', 'checkFacts', 'comment']),
  reviewer: new Set(['read', 'comment']),
  viewer: new Set(['read']),
}

/** Human labels for the roles, for the share dialog and member lists. */
export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Editor',
  factchecker: 'Fact-checker',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
}

/** True for a known role name. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** True when `role` may do `capability`; no role (null) may do nothing. */
export function can(role: Role | null | undefined, capability: Capability): boolean {
  return role != null && ROLE_CAPABILITIES[role].has(capability)
}

/** Every capability a role has, for the join ack and the client. */
export function capabilitiesOf(role: Role): Capability[] {
  return [...ROLE_CAPABILITIES[role]]
}
