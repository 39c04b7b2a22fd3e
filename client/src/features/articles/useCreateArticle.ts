import { useCallback, useState } from 'react'
import { useNavigate } from 'react-router'
import type { NewArticle } from '../../../../shared/article/index.ts'
import { toApiError, type ApiError } from '../../api/index.ts'
import { createArticle } from './articlesApi.ts'

/** Creates an article and opens it at /a/:id; `error` holds the server's refusal, `pending` the wait. */
export function useCreateArticle(): { create: (article: NewArticle) => Promise<void>; pending: boolean; error: ApiError | null } {
  const navigate = useNavigate()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const create = useCallback(
    async (article: NewArticle) => {
      setPending(true)
      setError(null)
      try {
        const id = await createArticle(article)
        navigate(`/a/${encodeURIComponent(id)}`)
      } catch (err) {
        setError(toApiError(err))
        setPending(false)
      }
    },
    [navigate],
  )

  return { create, pending, error }
}
