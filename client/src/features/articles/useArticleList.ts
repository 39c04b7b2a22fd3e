import { useCallback, useEffect, useState } from 'react'
import type { ArticleListItem } from '../../../../shared/article/index.ts'
import { toApiError, type ApiError } from '../../api/index.ts'
import { listArticles } from './articlesApi.ts'

/** The article list as it loads: loading, loaded (newest change first) or failed, with a reload. */
export type ArticleListState =
  | { status: 'loading' }
  | { status: 'loaded'; articles: ArticleListItem[] }
  | { status: 'failed'; error: ApiError }

/** Fetches the article list on mount and on reload(); a stale response never overwrites a newer one. */
export function useArticleList(): [ArticleListState, () => void] {
  const [state, setState] = useState<ArticleListState>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setState((previous) => (previous.status === 'loaded' ? previous : { status: 'loading' }))
    listArticles(abort.signal).then(
      (articles) => {
        if (abort.signal.aborted) return
        setState({ status: 'loaded', articles: [...articles].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) })
      },
      (err: unknown) => {
        if (abort.signal.aborted) return
        setState({ status: 'failed', error: toApiError(err) })
      },
    )
    return () => abort.abort()
  }, [generation])

  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  return [state, reload]
}
