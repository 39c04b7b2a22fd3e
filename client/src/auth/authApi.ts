import type { DemoAccount, PublicUser, SignInResult, SignUpRequest } from '../../../shared/auth/index.ts'
import { ErrorCode } from '../../../shared/protocol/index.ts'
import { ApiError, apiRequest, arrayOf, isRecord } from '../api/index.ts'
import { isPublicUser } from './publicUser.ts'

/** The signed-in user, or null when there is no valid session (401). Other failures throw ApiError. */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<PublicUser | null> {
  try {
    const body = await apiRequest<unknown>('/api/auth/me', { signal, authProbe: true })
    const user = isRecord(body) ? body.user : undefined
    if (!isPublicUser(user)) throw new ApiError(ErrorCode.internal, 'The server sent an unexpected user.', 200)
    return user
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null
    throw err
  }
}

/** The demo accounts to offer on the sign-in page, or null when demo mode is off (404). */
export async function fetchDemoAccounts(signal?: AbortSignal): Promise<DemoAccount[] | null> {
  try {
    const body = await apiRequest<unknown>('/api/auth/demo', { signal, authProbe: true })
    return arrayOf(body, isDemoAccount, 'list of demo accounts')
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null
    throw err
  }
}

/** Signs in with email and password; the server sets the session cookie. 401: wrong credentials, 429: rate-limited. */
export async function signIn(email: string, password: string): Promise<SignInResult> {
  const body = await apiRequest<unknown>('/api/auth/session', { method: 'POST', json: { email, password }, authProbe: true })
  return signInResult(body)
}

/** Signs out: the server revokes the session and clears the cookie. */
export async function signOut(): Promise<void> {
  await apiRequest<void>('/api/auth/session', { method: 'DELETE', authProbe: true })
}

/** Creates an account from an invitation and signs it in (the cookie is set). */
export async function signUp(request: SignUpRequest): Promise<SignInResult> {
  const body = await apiRequest<unknown>('/api/auth/signup', { method: 'POST', json: request, authProbe: true })
  return signInResult(body)
}

/** The email an invitation is for; ApiError `not-found` when the token is unknown, used or expired. */
export async function fetchInvitation(token: string, signal?: AbortSignal): Promise<{ email: string }> {
  const body = await apiRequest<unknown>(`/api/auth/invitations/${encodeURIComponent(token)}`, { signal, authProbe: true })
  if (!isRecord(body) || typeof body.email !== 'string') throw new ApiError(ErrorCode.internal, 'The server sent an unexpected invitation.', 200)
  return { email: body.email }
}

function signInResult(body: unknown): SignInResult {
  if (!isRecord(body) || !isPublicUser(body.user) || typeof body.token !== 'string' || typeof body.expiresAt !== 'string')
    throw new ApiError(ErrorCode.internal, 'The server sent an unexpected sign-in answer.', 200)
  return { token: body.token, user: body.user, expiresAt: body.expiresAt }
}

function isDemoAccount(value: unknown): value is DemoAccount {
  return (
    isRecord(value) &&
    typeof value.email === 'string' &&
    typeof value.password === 'string' &&
    typeof value.name === 'string' &&
    typeof value.role === 'string'
  )
}
