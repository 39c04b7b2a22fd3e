import { useCallback, useEffect, useState } from 'react'
import type { ApiTokenInfo } from '../../../../shared/auth/index.ts'
import { toApiError, type ApiError } from '../../api/index.ts'
import { listTokens } from './tokensApi.ts'

/** The user's tokens as they load: loading, loaded (newest first) or failed. */
export type TokensState = { status: 'loading' } | { status: 'loaded'; tokens: ApiTokenInfo[] } | { status: 'failed'; error: ApiError }

/** Fetches the user's API tokens on mount and on reload(); a reload keeps the previous list until the new one arrives. */
export function useTokens(): [TokensState, () => void] {
  const [state, setState] = useState<TokensState>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    listTokens(abort.signal).then(
      (tokens) => {
        if (!abort.signal.aborted) setState({ status: 'loaded', tokens: [...tokens].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) })
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
