import { isRole, type ArticleMember, type Role } from '../../../../shared/auth/index.ts'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { ApiError, apiRequest, arrayOf, isRecord } from '../../api/index.ts'

const membersPath = (articleId: string): string => `/api/articles/${encodeURIComponent(articleId)}/members`

/** The article's members with their roles (any member may list them; so may an admin). */
export async function listMembers(articleId: string, signal?: AbortSignal): Promise<ArticleMember[]> {
  return arrayOf(await apiRequest<unknown>(membersPath(articleId), { signal }), isArticleMember, 'member list')
}

/** Gives the account with `email` a role on the article (owner or admin). ApiError `not-found` when no account has that email. */
export async function addMember(articleId: string, email: string, role: Role): Promise<ArticleMember> {
  return member(await apiRequest<unknown>(membersPath(articleId), { method: 'POST', json: { email, role } }))
}

/** Changes a member's role (owner or admin). ApiError `conflict` when the article would be left without an owner. */
export async function changeMemberRole(articleId: string, userId: string, role: Role): Promise<ArticleMember> {
  return member(await apiRequest<unknown>(`${membersPath(articleId)}/${encodeURIComponent(userId)}`, { method: 'PUT', json: { role } }))
}

/** Removes a member (owner or admin). ApiError `conflict` when they are the last owner. */
export async function removeMember(articleId: string, userId: string): Promise<void> {
  await apiRequest<void>(`${membersPath(articleId)}/${encodeURIComponent(userId)}`, { method: 'DELETE' })
}

function member(body: unknown): ArticleMember {
  if (!isArticleMember(body)) throw new ApiError(ErrorCode.internal, 'The server sent an unexpected member.', 200)
  return body
}

function isArticleMember(value: unknown): value is ArticleMember {
  return (
    isRecord(value) &&
    typeof value.userId === 'string' &&
    typeof value.email === 'string' &&
    typeof value.name === 'string' &&
    isRole(value.role)
  )
}
