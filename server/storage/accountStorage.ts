import type { AuditEntry, AuditEventType, Role } from '../../shared/auth/index.ts'

/** A user row. `passwordHash` is a scrypt hash string (server/accounts/passwords.ts), never a password. */
export interface UserRecord {
  id: string
  email: string
  name: string
  passwordHash: string
  isAdmin: boolean
  createdAt: string
}

/** A sign-in session (cookie) or an API token: both are bearer secrets stored only as their hash. */
export interface SessionRecord {
  id: string
  /** SHA-256 of the secret, hex. */
  tokenHash: string
  userId: string
  kind: 'session' | 'api'
  /** The token's name for API tokens; the user agent for sessions. */
  name: string
  createdAt: string
  expiresAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** An invitation to sign up, stored by the hash of its secret. */
export interface InvitationRecord {
  tokenHash: string
  email: string
  isAdmin: boolean
  createdBy: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
}

/** A member of an article and their role. */
export interface MembershipRecord {
  articleId: string
  userId: string
  role: Role
}

/** An audit entry before storage numbers it. */
export type NewAuditEntry = Omit<AuditEntry, 'id'> & { type: AuditEventType }

/**
 * Accounts, sessions, memberships, the audit log and Yjs client-id ownership: the part of Galley's
 * storage that access control reads. Async, like the rest of Storage.
 */
export interface AccountStorage {
  /** Inserts a user; rejects with a `conflict` GalleyError when the email is taken (case-insensitive). */
  createUser(user: UserRecord): Promise<void>
  getUser(id: string): Promise<UserRecord | null>
  getUserByEmail(email: string): Promise<UserRecord | null>
  listUsers(): Promise<UserRecord[]>
  countUsers(): Promise<number>

  createSession(session: SessionRecord): Promise<void>
  getSessionByTokenHash(tokenHash: string): Promise<SessionRecord | null>
  getSession(id: string): Promise<SessionRecord | null>
  /** Records a use of a session or token (coarse: callers throttle it). */
  touchSession(id: string, at: string): Promise<void>
  revokeSession(id: string, at: string): Promise<void>
  /** A user's API tokens that are not revoked, newest first. */
  listApiTokens(userId: string): Promise<SessionRecord[]>

  createInvitation(invitation: InvitationRecord): Promise<void>
  getInvitation(tokenHash: string): Promise<InvitationRecord | null>
  /** Marks an invitation used and creates its user in one transaction; rejects with `conflict` if it was used meanwhile. */
  acceptInvitation(tokenHash: string, user: UserRecord, at: string): Promise<void>

  /** Sets a user's role on an article (insert or change). */
  setMember(articleId: string, userId: string, role: Role): Promise<void>
  removeMember(articleId: string, userId: string): Promise<void>
  listMembers(articleId: string): Promise<MembershipRecord[]>
  getRole(articleId: string, userId: string): Promise<Role | null>
  /** Every article a user has a role on, with the role. */
  listMemberships(userId: string): Promise<MembershipRecord[]>

  appendAudit(entry: NewAuditEntry): Promise<void>
  /** Audit entries newest first, `before` an id for paging. */
  listAudit(options: { limit: number; before?: number }): Promise<AuditEntry[]>

  /** Which user owns each Yjs client id that has written to the article. */
  loadClientIds(articleId: string): Promise<Map<number, string>>
  /** Records client ids as owned by a user; an id already owned keeps its owner. */
  claimClientIds(articleId: string, userId: string, clientIds: number[]): Promise<void>
}
