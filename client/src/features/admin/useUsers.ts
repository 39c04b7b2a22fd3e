import { useCallback, useEffect, useState } from 'react'
import type { PublicUser } from '../../../../shared/auth/index.ts'
import { toApiError, type ApiError } from '../../api/index.ts'
import { listUsers } from './adminApi.ts'

/** Every account as it loads: loading, loaded (by name) or failed. */
export type UsersState = { status: 'loading' } | { status: 'loaded'; users: PublicUser[] } | { status: 'failed'; error: ApiError }

/** Fetches the user list on mount and on reload(); a reload keeps the previous list until the new one arrives. */
export function useUsers(): [UsersState, () => void] {
  const [state, setState] = useState<UsersState>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    listUsers(abort.signal).then(
      (users) => {
        if (!abort.signal.aborted) setState({ status: 'loaded', users: [...users].sort((a, b) => a.name.localeCompare(b.name)) })
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', error: toApiError(err) })
      },
    )
    return () => abort.abort()
  }, [generation])

  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  return [state, reload]
}
