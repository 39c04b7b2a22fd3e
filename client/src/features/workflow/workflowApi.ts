import { isArticleStatus, type ArticleStatus } from '../../../../shared/article/workflow.ts'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { ApiError, apiRequest, isRecord } from '../../api/index.ts'

/** Longest note on a status change the server takes (characters). */
export const MAX_STATUS_NOTE_CHARS = 2000

/**
 * Moves the article to `to` (`POST /api/articles/:id/status`); resolves to the new status. ApiError
 * `conflict` when the workflow has no such move from where the article is now (a colleague moved it
 * first), `forbidden` when the role may not make it.
 */
export async function moveStatus(articleId: string, to: ArticleStatus, note = ''): Promise<ArticleStatus> {
  const trimmed = note.trim()
  const body = await apiRequest<unknown>(`/api/articles/${encodeURIComponent(articleId)}/status`, {
    method: 'POST',
    json: trimmed ? { to, note: trimmed } : { to },
  })
  if (!isRecord(body) || !isArticleStatus(body.status)) throw new ApiError(ErrorCode.internal, 'The server sent an unexpected answer to the status change.', 200)
  return body.status
}
