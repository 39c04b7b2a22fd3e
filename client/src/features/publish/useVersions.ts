import { useCallback, useEffect, useState } from 'react'
import { toApiError, type ApiError } from '../../api/index.ts'
import { listVersions, type PublishedVersionInfo } from './publishApi.ts'

/** An article's published versions as they load: loading, loaded (oldest first) or failed. */
export type VersionsState =
  | { status: 'loading' }
  | { status: 'loaded'; versions: PublishedVersionInfo[] }
  | { status: 'failed'; error: ApiError }

/**
 * Fetches the published versions on mount, whenever `refresh` changes (the number of publications
 * recorded in the live document, so a colleague's publication appears too) and on reload(). A
 * reload keeps the previous list until the new one arrives; a stale answer never overwrites a newer one.
 */
export function useVersions(articleId: string, refresh: unknown = null): [VersionsState, () => void] {
  const [state, setState] = useState<VersionsState>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setState((previous) => (previous.status === 'loaded' ? previous : { status: 'loading' }))
    listVersions(articleId, abort.signal).then(
      (versions) => {
        if (!abort.signal.aborted) setState({ status: 'loaded', versions })
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
