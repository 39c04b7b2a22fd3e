import { useEffect, useState } from 'react'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { ApiError } from '../../api/index.ts'
import { getArticle } from './articlesApi.ts'

/** Whether the server knows an article: `unknown` while asking or when it cannot be reached (offline). */
export type ArticleExistence = 'unknown' | 'exists' | 'missing'

/** Asks the server once whether `articleId` exists; only a definite `not-found` reads as missing. */
export function useArticleExists(articleId: string): ArticleExistence {
  const [state, setState] = useState<{ id: string; existence: ArticleExistence }>({ id: articleId, existence: 'unknown' })

  useEffect(() => {
    const abort = new AbortController()
    getArticle(articleId, abort.signal).then(
      () => setState({ id: articleId, existence: 'exists' }),
      (err: unknown) => {
        if (abort.signal.aborted) return
        const missing = err instanceof ApiError && err.code === ErrorCode.notFound
        setState({ id: articleId, existence: missing ? 'missing' : 'unknown' })
      },
    )
    return () => abort.abort()
  }, [articleId])

  return state.id === articleId ? state.existence : 'unknown'
}
