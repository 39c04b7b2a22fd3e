import { useCallback, useEffect, useState } from 'react'
import type { ArticleMember } from '../../../../shared/auth/index.ts'
import { toApiError, type ApiError } from '../../api/index.ts'
import { listMembers } from './membersApi.ts'
import { sortMembers } from './memberOrder.ts'

/** An article's member list as it loads: loading, loaded (strongest role first) or failed. */
export type MembersState =
  | { status: 'loading' }
  | { status: 'loaded'; members: ArticleMember[] }
  | { status: 'failed'; error: ApiError }

/**
 * Fetches the article's members on mount, when `refresh` changes, and on reload(); a reload keeps
 * showing the previous list until the new one arrives, and a stale answer never overwrites a newer one.
 */
export function useMembers(articleId: string, refresh: unknown = null): [MembersState, () => void] {
  const [state, setState] = useState<MembersState>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setState((previous) => (previous.status === 'loaded' ? previous : { status: 'loading' }))
    listMembers(articleId, abort.signal).then(
      (members) => {
        if (!abort.signal.aborted) setState({ status: 'loaded', members: sortMembers(members) })
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', error: toApiError(err) })
      },
    )
    return () => abort.abort()
  }, [articleId, generation, refresh])

  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  return [state, reload]
}
