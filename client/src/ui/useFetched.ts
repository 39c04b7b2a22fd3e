import { useCallback, useEffect, useState } from 'react'
import { toApiError, type ApiError } from '../api/index.ts'

/** Something fetched from the API as it loads: loading, loaded or failed. */
export type Fetched<T> = { status: 'loading' } | { status: 'loaded'; value: T } | { status: 'failed'; error: ApiError }

/**
 * Fetches with `load` on mount, whenever one of `deps` changes, and on reload() (the second item).
 * While a new answer is on its way the previous list stays shown; a stale answer (its request
 * aborted because a newer one started or the component went) never overwrites a newer one.
 */
export function useFetched<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): [Fetched<T>, () => void] {
  const [state, setState] = useState<Fetched<T>>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setState((previous) => (previous.status === 'loaded' ? previous : { status: 'loading' }))
    load(abort.signal).then(
      (value) => {
        if (!abort.signal.aborted) setState({ status: 'loaded', value })
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', error: toApiError(err) })
      },
    )
    return () => abort.abort()
    // `load` is read when the effect runs; the deps say when a new fetch is due.
  }, [generation, ...deps])

  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  return [state, reload]
}
