import type { ApiTokenInfo, NewApiToken } from '../../../../shared/auth/index.ts'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { ApiError, apiRequest, arrayOf, isRecord } from '../../api/index.ts'

/** The signed-in user's API tokens (never their secrets). */
export async function listTokens(signal?: AbortSignal): Promise<ApiTokenInfo[]> {
  return arrayOf(await apiRequest<unknown>('/api/auth/tokens', { signal }), isTokenInfo, 'token list')
}

/** Creates an API token; the result carries its secret, which the server never shows again. */
export async function createToken(name: string, expiresInDays?: number): Promise<NewApiToken> {
  const json = expiresInDays === undefined ? { name } : { name, expiresInDays }
  const body = await apiRequest<unknown>('/api/auth/tokens', { method: 'POST', json })
  if (!isTokenInfo(body) || typeof (body as { token?: unknown }).token !== 'string')
    throw new ApiError(ErrorCode.internal, 'The server sent an unexpected token.', 200)
  return body as NewApiToken
}

/** Revokes one of the user's tokens: scripts using it are refused from now on. */
export async function revokeToken(id: string): Promise<void> {
  await apiRequest<void>(`/api/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

function isTokenInfo(value: unknown): value is ApiTokenInfo {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.createdAt === 'string' &&
    typeof value.expiresAt === 'string' &&
    (value.lastUsedAt === null || typeof value.lastUsedAt === 'string')
  )
}
