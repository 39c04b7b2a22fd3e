import { AUDIT_EVENTS, type AuditEntry, type NewInvitation, type PublicUser } from '../../../../shared/auth/index.ts'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { ApiError, apiRequest, arrayOf, isRecord } from '../../api/index.ts'
import { isPublicUser } from '../../auth/index.ts'

/** What `POST /api/users` takes. */
export interface NewUser {
  email: string
  name: string
  password: string
  isAdmin?: boolean
}

/** Every account (admins only). */
export async function listUsers(signal?: AbortSignal): Promise<PublicUser[]> {
  return arrayOf(await apiRequest<unknown>('/api/users', { signal }), isPublicUser, 'user list')
}

/** Creates an account directly (admins only); ApiError `conflict` when the email is taken. */
export async function createUser(user: NewUser): Promise<PublicUser> {
  const body = await apiRequest<unknown>('/api/users', { method: 'POST', json: user })
  if (!isPublicUser(body)) throw new ApiError(ErrorCode.internal, 'The server sent an unexpected user.', 201)
  return body
}

/** Creates an invitation to sign up (admins only); its token and sign-up path are shown this once. */
export async function createInvitation(email: string, isAdmin: boolean): Promise<NewInvitation> {
  const body = await apiRequest<unknown>('/api/invitations', { method: 'POST', json: { email, isAdmin } })
  if (!isNewInvitation(body)) throw new ApiError(ErrorCode.internal, 'The server sent an unexpected invitation.', 200)
  return { email: body.email, token: body.token, path: body.path, expiresAt: body.expiresAt }
}

/** How many audit entries one page asks for. */
export const AUDIT_PAGE_SIZE = 100

/** Audit log entries, newest first: the latest page, or the page older than entry `before`. */
export async function listAudit(before: number | null, signal?: AbortSignal): Promise<AuditEntry[]> {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) })
  if (before !== null) query.set('before', String(before))
  return arrayOf(await apiRequest<unknown>(`/api/audit?${query}`, { signal }), isAuditEntry, 'audit log')
}

function isNewInvitation(value: unknown): value is NewInvitation {
  return (
    isRecord(value) &&
    typeof value.email === 'string' &&
    typeof value.token === 'string' &&
    typeof value.path === 'string' &&
    typeof value.expiresAt === 'string'
  )
}

function isAuditEntry(value: unknown): value is AuditEntry {
  return (
    isRecord(value) &&
    typeof value.id === 'number' &&
    typeof value.at === 'string' &&
    typeof value.type === 'string' &&
    (AUDIT_EVENTS as readonly string[]).includes(value.type) &&
    (value.actorId === null || typeof value.actorId === 'string') &&
    (value.articleId === null || typeof value.articleId === 'string') &&
    isRecord(value.detail)
  )
}
