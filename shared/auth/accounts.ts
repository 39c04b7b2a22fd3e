import { MAX_DISPLAY_NAME_LENGTH } from '../protocol/presence.ts'
import type { Role } from './roles.ts'

/** Limits on what users type into account fields. */
export const MAX_EMAIL_LENGTH = 254
export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 200
/** A user's name is their display name in presence, so it obeys the same limit. */
export const MAX_USER_NAME_LENGTH = MAX_DISPLAY_NAME_LENGTH
export const MAX_TOKEN_NAME_LENGTH = 80

/** A user as every API returns it: never a password hash or a token. */
export interface PublicUser {
  id: string
  email: string
  name: string
  /** Admins manage users, invitations and any article's members, and read the audit log. */
  isAdmin: boolean
}

/** `POST /api/auth/session` body. */
export interface SignInRequest {
  email: string
  password: string
}

/** `POST /api/auth/session` result (the session cookie is set too). */
export interface SignInResult {
  token: string
  user: PublicUser
  expiresAt: string
}

/** `POST /api/auth/signup` body: an invitation's token and the new account's details. */
export interface SignUpRequest {
  invitation: string
  name: string
  password: string
}

/** One demo account, served by `GET /api/auth/demo` in demo mode only. */
export interface DemoAccount {
  email: string
  password: string
  name: string
  role: Role | 'admin'
}

/** An API token for scripts and CI, as listed (the secret itself is shown once, at creation). */
export interface ApiTokenInfo {
  id: string
  name: string
  createdAt: string
  expiresAt: string
  lastUsedAt: string | null
}

/** `POST /api/auth/tokens` result: the token's secret, shown this once. */
export interface NewApiToken extends ApiTokenInfo {
  token: string
}

/** An invitation an admin created; `token` is shown once, at creation. */
export interface NewInvitation {
  email: string
  token: string
  /** The sign-up page for this invitation, relative to the server's origin. */
  path: string
  expiresAt: string
}

/** A member of an article. */
export interface ArticleMember {
  userId: string
  email: string
  name: string
  role: Role
}

/** Security-relevant events kept in the audit log. */
export const AUDIT_EVENTS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'sign-up',
  'user-created',
  'token-created',
  'token-revoked',
  'invitation-created',
  'role-changed',
  'member-removed',
  'write-refused',
  'status-changed',
  'article-published',
  'socket-refused',
] as const
export type AuditEventType = (typeof AUDIT_EVENTS)[number]

/** One audit log entry, newest first in `GET /api/audit`. */
export interface AuditEntry {
  id: number
  at: string
  type: AuditEventType
  /** Who did it, when known. */
  actorId: string | null
  articleId: string | null
  /** Event details: never passwords or tokens. */
  detail: Record<string, unknown>
}
