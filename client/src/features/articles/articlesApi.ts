import { isRole } from '../../../../shared/auth/index.ts'
import type { ArticleDetail, ArticleListItem, NewArticle } from '../../../../shared/article/index.ts'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { ApiError, apiRequest, arrayOf, isRecord } from '../../api/index.ts'

/** The articles the signed-in user may see, each with their role (null: an admin's view of an article they have no role on). */
export async function listArticles(signal?: AbortSignal): Promise<ArticleListItem[]> {
  return arrayOf(await apiRequest<unknown>('/api/articles', { signal }), isArticleListItem, 'article list')
}

/** Creates an article (the text goes through the server's plain-text importer; the creator becomes its owner); resolves to its id. */
export async function createArticle(article: NewArticle): Promise<string> {
  const body = await apiRequest<{ id?: unknown }>('/api/articles', { method: 'POST', json: article })
  if (typeof body.id !== 'string') throw new ApiError(ErrorCode.internal, 'The server did not say which article it created.', 201)
  return body.id
}

/** One article's record with the user's role; ApiError `not-found` when there is no such article or the user has no role on it. */
export async function getArticle(id: string, signal?: AbortSignal): Promise<ArticleDetail> {
  return apiRequest<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`, { signal })
}

function isArticleListItem(value: unknown): value is ArticleListItem {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.headline === 'string' &&
    typeof value.status === 'string' &&
    typeof value.updatedAt === 'string' &&
    typeof value.excerpt === 'string' &&
    typeof value.wordCount === 'number' &&
    (value.role === null || isRole(value.role))
  )
}
